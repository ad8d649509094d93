"""Import + extraction, end to end as ``briefbook import`` runs it, and its cost per
article as the library grows (target: >= 150 articles/s on 2 cores for 10,000
articles, the cost per article flat from 0 to 100,000).

    python benchmarks/bench_pipeline.py             # scaled down: 3,000 articles in batches of 500
    python benchmarks/bench_pipeline.py --full      # 10,000 articles in batches of 1,000
    python benchmarks/bench_pipeline.py --count 100000 --batch 5000   # the trend to 100k (long)

Generated articles (benchmarks/synthetic.py: mixed languages, about 2.5 KB each,
sentences built afresh so that near-duplicate flags stay rare) are imported batch
after batch into one library, each batch as the command line does it: read and
clean the files (worker processes), store them with their extraction queued,
then extract in worker processes while the calling process stores the facts and
links the names.  For every batch it prints the wall time (articles/s), the
main process's CPU time per article (storing, linking, knowledge: the part that
does not spread over the workers) and the workers' CPU per article (reading and
extracting), at the library size the batch went into, and how many cores the batch
kept busy (all CPU time over wall time: about 2.0 on 2 cores when the workers never
wait for the storing process; less on a machine that other programs load too).  The last lines give the
throughput over all articles and the cost trend: main-process CPU per article
in the last batch against the first (1.0 = flat).  Extraction rules and taggers
change what the workers cost; the main-process column is the store/link side alone.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ArticleGenerator  # noqa: E402

from briefbook.services.extraction import finish_queue  # noqa: E402
from briefbook.services.importing import import_paths  # noqa: E402
from briefbook.services.pool import shared_workers  # noqa: E402
from briefbook.store.db import open_library  # noqa: E402


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", action="store_true", help="10,000 articles in batches of 1,000")
    parser.add_argument("--count", type=int, default=None, help="articles in all (default 3,000; --full 10,000)")
    parser.add_argument("--batch", type=int, default=None, help="articles per batch (default 500; --full 1,000)")
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    count = args.count or (10_000 if args.full else 3_000)
    batch = args.batch or (1_000 if args.full else 500)
    scaled = not args.full and args.count is None
    work = Path(tempfile.mkdtemp(prefix="briefbook-pipeline-"))
    gen = ArticleGenerator(seed=args.seed)
    lib = open_library(work / "lib.briefbook")
    load = f", load average {os.getloadavg()[0]:.1f} before the start" if hasattr(os, "getloadavg") else ""
    print(f"{count} generated articles in batches of {batch}, {os.cpu_count()} cores{load}"
          + ("  [scaled down: --full for 10,000]" if scaled else ""))
    print(f"{'library':>9} {'batch':>6} {'wall s':>7} {'art/s':>6} {'main CPU ms/art':>16} "
          f"{'workers CPU ms/art':>19} {'cores busy':>10} {'near-dup':>8}")
    rows = []
    total_wall = 0.0
    stored = 0
    try:
        for start in range(0, count, batch):
            n = min(batch, count - start)
            folder = gen.write_files(work / f"in{start:07d}", n, start=start)[0].parent
            size = stored
            c0, w0, t0 = time.process_time(), _children_cpu(), time.perf_counter()
            with shared_workers():  # as briefbook import: one pool for reading and extracting
                report = import_paths(lib, [folder], queue_extraction=True)
                extracted = finish_queue(lib)
            t1, c1, w1 = time.perf_counter(), time.process_time(), _children_cpu()
            imported = len(report.imported)
            stored += imported
            near = len(report.by_status("near_duplicate"))
            wall = t1 - t0
            total_wall += wall
            main_ms, workers_ms = (c1 - c0) * 1000 / n, (w1 - w0) * 1000 / n
            rows.append((size, n, wall, main_ms, workers_ms))
            busy = (c1 - c0 + w1 - w0) / wall
            print(f"{size:>9,} {n:>6} {wall:>7.1f} {n / wall:>6.0f} {main_ms:>16.1f} {workers_ms:>19.1f} "
                  f"{busy:>10.2f} {near:>8}" + ("" if extracted == imported else f"  ({extracted} extracted)"))
    finally:
        facts = lib.scalar("SELECT count(*) FROM facts")
        entities = lib.scalar("SELECT count(*) FROM entities")
        lib.close()
    print(f"total: {stored} articles, {facts} facts, {entities} entities in {total_wall:.1f} s: "
          f"{stored / total_wall:.0f} articles/s  [target >= 150 for 10,000 on 2 cores]")
    first, last = rows[0], rows[-1]
    if len(rows) > 1:
        print(f"cost trend, main-process CPU per article: {first[3]:.1f} ms at {first[0]:,} -> {last[3]:.1f} ms "
              f"at {last[0]:,} articles: x{last[3] / first[3]:.2f}  [target: flat, ~1.0]; "
              f"median over batches {statistics.median(r[3] for r in rows):.1f} ms")
    print(f"library in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
