"""Library benchmark: import throughput (no extraction), search latency, file size,
each against plain SQLite FTS5 over the same text measured in the same run.

    python benchmarks/bench_library.py [--sizes 10000 100000] [--import-count 2000]

Import throughput is measured end to end on files written by the generator
(read, decode, clean, metadata, language, duplicate check, store + index).
The large libraries for search latency are filled through the same store call
(add_article) from generated articles, which skips only the file reading.

The anchor is a bare FTS5 table (same tokenizer, same CJK-bigram token stream
from core/searchtext.py, same column weights) in a file of its own: what any
program that searches this text with SQLite would have to store and run.  Each
query is timed on both, interleaved, and the ratio printed; "ranked" is the
top 20 ids in order (the work both do), "+snippets" adds our snippets.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ArticleGenerator  # noqa: E402

from briefbook.core.searchtext import build_fts_query, index_tokens  # noqa: E402
from briefbook.ingest import read_pasted  # noqa: E402
from briefbook.services.importing import import_paths  # noqa: E402
from briefbook.store.articles import add_article  # noqa: E402
from briefbook.store.db import open_library  # noqa: E402
from briefbook.store.search import search  # noqa: E402

QUERIES = {
    "2-char name": "高燕",
    "common word": "威海",
    "2-term AND": "合作 企业",
    "phrase": '"经贸合作"',
    "German word": "Zusammenarbeit",
    "Traditional name": "張琳",
}
ANCHOR_SQL = ("SELECT rowid, bm25(t, 8.0, 1.0, 2.0) AS r FROM t WHERE t MATCH ? ORDER BY r LIMIT 20")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_import(workdir: Path, count: int) -> None:
    gen = ArticleGenerator(seed=7)
    files = gen.write_files(workdir / "files", count)
    total_bytes = sum(p.stat().st_size for p in files)
    lib = open_library(workdir / "import.briefbook")
    t0 = time.perf_counter()
    report = import_paths(lib, [workdir / "files"])
    elapsed = time.perf_counter() - t0
    lib.close()
    print(f"import: {len(report.imported)} articles ({total_bytes / 1e6:.1f} MB) in {elapsed:.1f} s "
          f"= {len(report.imported) / elapsed:.0f} articles/s; "
          f"{len(report.failures)} failed, {len(report.by_status('near_duplicate'))} flagged near-duplicate "
          f"({len(report.by_status('near_duplicate')) / max(1, count):.1%})")


def open_anchor(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS t USING fts5(title, body, notes, "
                 "tokenize = 'unicode61 remove_diacritics 2')")
    return conn


def fill(lib, anchor: sqlite3.Connection, gen: ArticleGenerator, start: int, count: int) -> None:
    t0 = time.perf_counter()
    batch = []
    for lo in range(start, start + count, 1000):
        with lib.transaction():  # one commit per 1,000 articles, as an import batch does
            for i in range(lo, min(lo + 1000, start + count)):
                _, text = gen.article(i)
                article = read_pasted(text)
                add_article(lib, article)
                batch.append((article.id, index_tokens(article.title or ""), index_tokens(article.text)))
        with anchor:
            anchor.executemany("INSERT INTO t (rowid, title, body, notes) VALUES (?, ?, ?, '')", batch)
        batch.clear()
        i = min(lo + 1000, start + count) - 1
        if (i - start + 1) % 10000 == 0:
            rate = (i - start + 1) / (time.perf_counter() - t0)
            print(f"  ... {i + 1} articles ({rate:.0f}/s)", flush=True)


def _time_ms(fn, *args, **kwargs) -> float:
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - t0) * 1000


def _anchor_top20(anchor: sqlite3.Connection, fts: str) -> list:
    return anchor.execute(ANCHOR_SQL, (fts,)).fetchall()


def bench_search(lib, anchor: sqlite3.Connection, label: str, runs: int) -> None:
    for name, query in QUERIES.items():
        fts = build_fts_query(query)
        total = anchor.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts,)).fetchone()[0]
        ours, ours_snip, plain = [], [], []
        for _ in range(runs):  # interleaved, so a noisy moment hits both sides
            plain.append(_time_ms(_anchor_top20, anchor, fts))
            ours.append(_time_ms(search, lib, query, limit=20, snippets=False))
            ours_snip.append(_time_ms(search, lib, query, limit=20))
        a50, a95 = statistics.median(plain), percentile(plain, 0.95)
        o50, o95 = statistics.median(ours), percentile(ours, 0.95)
        s50, s95 = statistics.median(ours_snip), percentile(ours_snip, 0.95)
        print(f"search {label} {name:16} {query!r:18} {total:6} hits | ranked p50 {o50:6.2f} / p95 {o95:6.2f} ms"
              f" | FTS5 {a50:6.2f} / {a95:6.2f} ms | ratio {o50 / a50:4.2f} / {o95 / a95:4.2f}"
              f" | +snippets {s50:6.2f} / {s95:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--import-count", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    print(f"working in {workdir}")
    if args.import_count:
        bench_import(workdir, args.import_count)

    gen = ArticleGenerator(seed=11)
    path = workdir / "search.briefbook"
    lib = open_library(path)
    anchor = open_anchor(workdir / "plain-fts5.sqlite")
    have = 0
    for size in sorted(args.sizes):
        fill(lib, anchor, gen, have, size - have)
        have = size
        lib.conn.execute("PRAGMA optimize")
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        anchor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        bench_search(lib, anchor, f"@{size}", args.runs)
        ours = sum(p.stat().st_size for p in workdir.glob("search.briefbook*"))
        plain = sum(p.stat().st_size for p in workdir.glob("plain-fts5.sqlite*"))
        print(f"library @{size}: {ours / 1e6:.0f} MB, {ours / size / 1024:.1f} KB per article | "
              f"plain FTS5 {plain / size / 1024:.1f} KB per article | ratio {ours / plain:.2f}")
    lib.close()
    anchor.close()


if __name__ == "__main__":
    main()
