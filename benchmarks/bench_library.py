"""Library benchmark: import throughput (no extraction), search latency, file size.

    python benchmarks/bench_library.py [--sizes 10000 100000] [--import-count 2000]

Import throughput is measured end to end on files written by the generator
(read, decode, clean, metadata, language, duplicate check, store + index).
The large libraries for search latency are filled through the same store call
(add_article) from generated articles, which skips only the file reading.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ArticleGenerator  # noqa: E402

from briefbook.ingest import read_pasted  # noqa: E402
from briefbook.services.importing import import_paths  # noqa: E402
from briefbook.store.articles import add_article  # noqa: E402
from briefbook.store.db import open_library  # noqa: E402
from briefbook.store.search import search  # noqa: E402


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
          f"= {len(report.imported) / elapsed:.0f} articles/s (target >= 300); "
          f"{len(report.failures)} failed, {len(report.by_status('near_duplicate'))} flagged near-duplicate")


def fill(lib, gen: ArticleGenerator, start: int, count: int) -> None:
    t0 = time.perf_counter()
    for i in range(start, start + count):
        _, text = gen.article(i)
        article = read_pasted(text)
        add_article(lib, article)
        if (i - start + 1) % 10000 == 0:
            rate = (i - start + 1) / (time.perf_counter() - t0)
            print(f"  ... {i + 1} articles ({rate:.0f}/s)", flush=True)


def bench_search(lib, label: str, queries: dict[str, str], runs: int = 200) -> None:
    for name, query in queries.items():
        times = []
        hits = 0
        for _ in range(runs):
            t0 = time.perf_counter()
            result = search(lib, query, limit=20)
            times.append((time.perf_counter() - t0) * 1000)
            hits = len(result)
        print(f"search {label} {name} {query!r}: p50 {statistics.median(times):.1f} ms, "
              f"p95 {percentile(times, 0.95):.1f} ms ({hits} hits shown, top 20)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--import-count", type=int, default=2000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    print(f"working in {workdir}")
    bench_import(workdir, args.import_count)

    gen = ArticleGenerator(seed=11)
    path = workdir / "search.briefbook"
    lib = open_library(path)
    have = 0
    queries = {"2-char CJK name": "高燕", "German word": "Zusammenarbeit", "Traditional name": "張琳"}
    for size in sorted(args.sizes):
        fill(lib, gen, have, size - have)
        have = size
        lib.conn.execute("PRAGMA optimize")
        bench_search(lib, f"@{size}", queries)
        size_bytes = sum(p.stat().st_size for p in workdir.glob("search.briefbook*"))
        print(f"library @{size}: {size_bytes / 1e6:.0f} MB, {size_bytes / size / 1024:.1f} KB per article")
    lib.close()


if __name__ == "__main__":
    main()
