"""Backup benchmark: the space the kept backups take, and the time one takes.

    python benchmarks/bench_backup.py

Builds a library of generated articles (realistic length and mix of languages,
see synthetic.py), then works on it the way a user does: eight sessions, each
importing a batch of new articles and closing the library (each close makes the
after-work backup).  Prints the kept backups' total size against the library's
size (target <= 1.5), and the time of one backup against a plain file copy of
the library measured in the same run (the anchor).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ArticleGenerator  # noqa: E402

from briefbook.ingest import read_pasted  # noqa: E402
from briefbook.store import backup  # noqa: E402
from briefbook.store.articles import add_article  # noqa: E402
from briefbook.store.db import open_library  # noqa: E402

START_ARTICLES = 6000
PER_SESSION = 300
SESSIONS = 8


def add(lib, gen: ArticleGenerator, start: int, count: int) -> None:
    with lib.transaction():
        for i in range(start, start + count):
            add_article(lib, read_pasted(gen.article(i)[1]))


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="briefbook-bench-backup-"))
    try:
        path = work / "library.briefbook"
        gen = ArticleGenerator(seed=21)
        t0 = time.perf_counter()
        lib = open_library(path)
        add(lib, gen, 0, START_ARTICLES)
        lib.close()
        print(f"library: {START_ARTICLES} articles built in {time.perf_counter() - t0:.0f} s")

        backup_times, copy_times = [], []
        next_id = START_ARTICLES
        for _session in range(SESSIONS):
            lib = backup.BackupPolicy().attach(open_library(path))
            add(lib, gen, next_id, PER_SESSION)
            next_id += PER_SESSION
            t0 = time.perf_counter()
            lib.close()  # the after-work backup
            backup_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            shutil.copyfile(path, work / "plain-copy")
            copy_times.append(time.perf_counter() - t0)
            (work / "plain-copy").unlink()

        lib_size = backup.library_size(path)
        count, used = backup.space_used(path)
        kept = backup.backup_count(path)
        print(f"library: {next_id} articles, {lib_size / 1e6:.1f} MB")
        print(f"backups: {count} kept (setting: at most {kept}), {used / 1e6:.1f} MB in all")
        print(f"backups / library: {used / lib_size:.2f} (target <= {backup.BUDGET_RATIO})")
        one = statistics.median(backup_times)
        anchor = statistics.median(copy_times)
        print(f"one backup (close of a changed library): median {one:.2f} s; plain file copy {anchor:.3f} s; "
              f"ratio {one / anchor:.1f}")
        t0 = time.perf_counter()
        lib = open_library(path)
        lib.close()
        print(f"open + close of the unchanged library (quick_check, no backup): {time.perf_counter() - t0:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
