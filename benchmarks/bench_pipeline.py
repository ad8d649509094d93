"""Import + extraction of a generated batch, end to end (issue: 10,000 articles in < 3 min).

    python benchmarks/bench_pipeline.py [--count 10000]

Reads, cleans and stores the files (parallel reading), then extracts facts in
worker processes and links entities, as `briefbook import` does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ArticleGenerator  # noqa: E402

from briefbook.services.extraction import extract_library  # noqa: E402
from briefbook.services.importing import import_paths  # noqa: E402
from briefbook.store.db import open_library  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefbook-pipeline-"))
    ArticleGenerator(seed=21).write_files(work / "in", args.count)
    lib = open_library(work / "lib.briefbook")
    t0 = time.perf_counter()
    report = import_paths(lib, [work / "in"])
    t1 = time.perf_counter()
    extracted = extract_library(lib)
    t2 = time.perf_counter()
    facts = lib.scalar("SELECT count(*) FROM facts")
    entities = lib.scalar("SELECT count(*) FROM entities")
    lib.close()
    print(f"import: {len(report.imported)} articles in {t1 - t0:.1f} s ({len(report.imported) / (t1 - t0):.0f}/s)")
    print(f"extract+link: {extracted} articles, {facts} facts, {entities} entities in {t2 - t1:.1f} s "
          f"({extracted / (t2 - t1):.0f}/s)")
    print(f"total: {t2 - t0:.1f} s for {args.count} articles (target < 180 s for 10,000)")


if __name__ == "__main__":
    main()
