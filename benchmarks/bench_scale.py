"""Scale benchmark: a synthetic 50,000-article library with about 1,000,000 facts.

    python benchmarks/bench_scale.py [--articles 50000] [--facts-per-article 20] [--keep PATH]

Prints: build time, file size, library open time, search p50/p95, review-queue
page load, status counts, a 300-page book's export time, and peak memory.
The library is filled with plain INSERTs in large transactions (the import
pipeline's own speed is measured by bench_library.py and bench_pipeline.py).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ArticleGenerator  # noqa: E402

from briefbook.core.searchtext import index_tokens  # noqa: E402
from briefbook.store.db import now_iso, open_library  # noqa: E402

KINDS = ("person", "organization", "place", "date", "amount", "percentage", "count", "event")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(path: Path, articles: int, per_article: int) -> None:
    gen = ArticleGenerator(seed=50)
    rng = random.Random(50)
    lib = open_library(path)
    stamp = now_iso()
    t0 = time.perf_counter()
    batch = 2000
    for first in range(1, articles + 1, batch):
        with lib.transaction() as conn:
            for aid in range(first, min(first + batch, articles + 1)):
                lang, text = gen.article(aid)
                title = text.split("\n", 1)[0]
                published = text.split("\n\n", 2)[1][:10]
                conn.execute(
                    "INSERT INTO articles (id, title, source, lang, published, imported_at, sha256, format, original, text) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (aid, title, f"Source {aid % 60}", lang, published, stamp, f"scale{aid}", "txt", text, text))
                conn.execute("INSERT INTO articles_fts (rowid, title, body, notes) VALUES (?,?,?,'')",
                             (aid, index_tokens(title), index_tokens(text)))
                step = max(1, len(text) // (per_article + 1))
                rows = []
                for k in range(per_article):
                    start = k * step
                    kind = KINDS[k % len(KINDS)]
                    value = {"value": rng.randint(1, 10**9), "currency": "CNY"} if kind == "amount" else {"name": text[start:start + 3]}
                    status = "accepted" if rng.random() < 0.3 else "proposed"
                    rows.append((aid, kind, start, start + 3, text[start:start + 3], json.dumps(value, ensure_ascii=False),
                                 status, round(rng.uniform(0.3, 0.99), 2), "rules-bench", stamp, stamp))
                conn.executemany(
                    'INSERT INTO facts (article_id, kind, start, "end", text, value_json, status, confidence, '
                    "extractor_version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        done = min(first + batch - 1, articles)
        if done % 10000 == 0 or done == articles:
            print(f"  ... {done} articles ({time.perf_counter() - t0:.0f} s)", flush=True)
    lib.conn.execute("PRAGMA optimize")
    lib.close()
    print(f"build: {articles} articles, {articles * per_article} facts in {time.perf_counter() - t0:.0f} s")


def timed(fn, runs: int = 50) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * (len(times) - 1)))]


def measure(path: Path) -> None:
    from briefbook.export import export_book
    from briefbook.services.assembling import assemble_book
    from briefbook.store import books, facts
    from briefbook.store.search import search

    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    print(f"library file: {size / 1e9:.2f} GB")
    t0 = time.perf_counter()
    lib = open_library(path)
    lib.scalar("SELECT count(*) FROM articles")
    print(f"open: {(time.perf_counter() - t0) * 1000:.0f} ms")
    for label, query in (("2-char CJK name", "高燕"), ("German word", "Zusammenarbeit"), ("English word", "delegation")):
        p50, p95 = timed(lambda q=query: search(lib, q, limit=20), runs=30)
        print(f"search {label} {query!r}: p50 {p50:.0f} ms, p95 {p95:.0f} ms (top 20 with snippets)")
    p50, p95 = timed(lambda: facts.review_queue(lib, limit=200))
    print(f"review queue, first page of 200: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    p50, p95 = timed(lambda: facts.review_queue(lib, kinds=["amount"], min_confidence=0.9, limit=200, offset=5000))
    print(f"review queue, amounts >= 0.9, page at offset 5000: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    p50, p95 = timed(lambda: facts.status_counts(lib), runs=10)
    print(f"status counts over all facts: p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    p50, p95 = timed(lambda: facts.facts_for_article(lib, 25000))
    print(f"facts of one article: p50 {p50:.2f} ms, p95 {p95:.2f} ms")

    # A book of about 300 pages: key figures from 4,500 accepted amounts across the library.
    book_id = books.create_book(lib, "Scale test", outline=[("figures", "Key figures"), ("sources", "Sources")])
    figures = books.sections(lib, book_id)[0]["id"]
    ids = [r[0] for r in lib.query("SELECT id FROM facts WHERE kind = 'amount' AND status = 'accepted' LIMIT 4500")]
    with lib.transaction():
        for fid in ids:
            books.add_item(lib, figures, "fact", fid, {"measure": f"Measure {fid % 300}"})
    t0 = time.perf_counter()
    book = assemble_book(lib, book_id)
    t1 = time.perf_counter()
    out = Path(tempfile.mkdtemp()) / "scale.pdf"
    export_book(book, out)
    t2 = time.perf_counter()
    import subprocess

    pages = "?"
    try:
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
    except OSError:
        pass
    print(f"book: assemble {len(ids)} facts {t1 - t0:.1f} s, PDF export {t2 - t1:.1f} s, {pages} pages")
    lib.close()
    print(f"peak memory: {peak_rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50000)
    parser.add_argument("--facts-per-article", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="reuse (or create) the library at this path")
    args = parser.parse_args()
    path = args.keep or Path(tempfile.mkdtemp(prefix="briefbook-scale-")) / "scale.briefbook"
    if not path.exists():
        build(path, args.articles, args.facts_per_article)
    measure(path)


if __name__ == "__main__":
    main()
