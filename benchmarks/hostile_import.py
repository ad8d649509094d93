"""Hostile-input suite: hundreds of damaged, oversized and odd files through the real CLI import.

    .venv/bin/python benchmarks/hostile_import.py [--quick] [--keep]

Generates the cases of tests/hostile/make_cases.py (byte-flipped and truncated
DOCX/PDF/HTML, zip, flate and entity bombs, deep nesting, huge lines, odd
encodings, odd names, symlinks, FIFOs, devices, empty and binary files) in
mixed batches, runs ``briefbook import --json`` on each batch in a subprocess
with a time limit (no network is needed or used: proxies point nowhere), and
prints the totals.  Exits 1 unless tracebacks, hangs, partial rows, integrity
failures, lost rows, orphaned processes, unclear errors and unexpected
outcomes are all 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import make_cases  # noqa: E402

BATCH_SECONDS = 600  # far above the slowest batch; a batch still running then is a hang
MARK = "BRIEFBOOK_HOSTILE_RUN"


def _env(tmp: Path, mark: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "PYTHONPATH": str(ROOT / "desktop") + os.pathsep + env.get("PYTHONPATH", ""),
        "HOME": str(tmp / "home"), "XDG_DATA_HOME": str(tmp / "home" / "data"),
        "BRIEFBOOK_LOG_FILE": str(tmp / "briefbook.log"), MARK: mark,
        # any attempt to reach the network fails at once instead of leaving the machine
        "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "no_proxy": "",
        "QT_QPA_PLATFORM": "offscreen",
    })
    env.pop("BRIEFBOOK_LIBRARY", None)
    return env


def _marked_processes(mark: str) -> list[int]:
    """Processes (other than this one) started with our mark in their environment."""
    found = []
    needle = f"{MARK}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _run_batch(folder: Path, library: Path, env: dict[str, str]) -> tuple[dict | None, str, int | None, float]:
    cmd = [sys.executable, "-m", "briefbook.cli", "--library", str(library), "import", "--json", str(folder)]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(folder.parent),
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=BATCH_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, err.decode("utf-8", "replace"), None, time.monotonic() - start
    report = None
    try:
        report = json.loads(out.decode("utf-8"))
    except ValueError:
        pass
    return report, err.decode("utf-8", "replace"), proc.returncode, time.monotonic() - start


def _library_checks(library: Path) -> dict[str, int]:
    if not library.exists():
        return {"integrity": 0, "partial": 0, "ids": set()}
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    try:
        integrity = 0 if conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok" else 1
        integrity += len(conn.execute("PRAGMA foreign_key_check").fetchall())
        partial = conn.execute("SELECT count(*) FROM articles WHERE text IS NULL OR trim(text) = ''").fetchone()[0]
        partial += conn.execute("SELECT count(*) FROM facts f LEFT JOIN articles a ON a.id = f.article_id "
                                "WHERE a.id IS NULL").fetchone()[0]
        partial += conn.execute('SELECT count(*) FROM facts f JOIN articles a ON a.id = f.article_id '
                                'WHERE substr(a.text, f.start + 1, f."end" - f.start) != f.text').fetchone()[0]
        ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()
    return {"integrity": integrity, "partial": partial, "ids": ids}


def _clear(reason: str | None) -> bool:
    return bool(reason) and "\n" not in reason and len(reason) <= 240 and "Traceback" not in reason \
        and " at 0x" not in reason


def main() -> int:
    parser = argparse.ArgumentParser(description="Hostile files through the real CLI import.")
    parser.add_argument("--quick", action="store_true", help="leave out the multi-megabyte giants")
    parser.add_argument("--keep", action="store_true", help="keep the generated cases and library")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="briefbook-hostile-"))
    mark = uuid.uuid4().hex
    env = _env(tmp, mark)
    started = time.monotonic()
    try:
        cases = make_cases.generate(tmp / "cases", quick=args.quick)
        library = tmp / "hostile.briefbook"
        totals = dict.fromkeys(("imported", "duplicates", "clear", "unclear", "unexpected", "tracebacks", "hangs",
                                "partial", "integrity", "lost", "orphans", "no_report"), 0)
        problems: list[str] = []
        reported_ids: set[int] = set()
        by_batch: dict[int, list] = {}
        for case in cases:
            by_batch.setdefault(case.batch, []).append(case)
        slowest = 0.0
        for batch in sorted(by_batch):
            folder = tmp / "cases" / f"batch-{batch:02d}"
            report, stderr, code, seconds = _run_batch(folder, library, env)
            slowest = max(slowest, seconds)
            if report is None and code is None:
                totals["hangs"] += 1
                problems.append(f"batch {batch}: still running after {BATCH_SECONDS} s")
            if "Traceback (most recent call last)" in stderr or (code is not None and code not in (0, 1)):
                totals["tracebacks"] += 1
                problems.append(f"batch {batch}: exit {code}: {stderr.strip().splitlines()[-1:] }")
            time.sleep(0.2)
            orphans = _marked_processes(mark)
            for pid in orphans:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            totals["orphans"] += len(orphans)
            if report is None:
                totals["no_report"] += 1
                continue
            outcomes = report.get("files", [])
            for o in outcomes:
                if o.get("article_id") and o["status"] in ("imported", "near_duplicate"):
                    reported_ids.add(o["article_id"])
            for case in by_batch[batch]:
                prefix = str(folder / case.name)
                mine = [o for o in outcomes if o["path"] == prefix or o["path"].startswith(prefix + os.sep)]
                if not mine:
                    if case.expect != "any":
                        totals["unexpected"] += 1
                        problems.append(f"{case.name} ({case.kind}): no outcome in the report")
                    continue
                for o in mine:
                    if o["status"] in ("imported", "near_duplicate"):
                        totals["imported"] += 1
                        if case.expect == "fail":
                            totals["unexpected"] += 1
                            problems.append(f"{case.name} ({case.kind}): imported, expected a refusal")
                    elif o["status"] == "duplicate":
                        totals["duplicates"] += 1
                    elif _clear(o.get("reason")):
                        totals["clear"] += 1
                        if case.expect == "import":
                            totals["unexpected"] += 1
                            problems.append(f"{case.name} ({case.kind}): refused: {o.get('reason')}")
                    else:
                        totals["unclear"] += 1
                        problems.append(f"{case.name} ({case.kind}): unclear reason {o.get('reason')!r:.200}")
        checks = _library_checks(library)
        totals["integrity"] = checks["integrity"]
        totals["partial"] = checks["partial"]
        totals["lost"] = len(reported_ids - checks["ids"])
        elapsed = time.monotonic() - started
        canaries = [c for c in cases if c.kind.startswith("canary")]
        print(f"hostile import: {len(cases)} cases in {len(by_batch)} mixed batches "
              f"({len(canaries)} ordinary canary articles among them), {elapsed:.0f} s, slowest batch {slowest:.0f} s")
        print(f"  imported                  {totals['imported']}")
        print(f"  already in the library    {totals['duplicates']}")
        print(f"  refused, clear reason     {totals['clear']}")
        print(f"  refused, unclear reason   {totals['unclear']}")
        print(f"  unexpected outcomes       {totals['unexpected']}")
        print(f"  tracebacks                {totals['tracebacks']}")
        print(f"  hangs                     {totals['hangs']}")
        print(f"  batches without a report  {totals['no_report']}")
        print(f"  partial rows              {totals['partial']}")
        print(f"  integrity failures        {totals['integrity']}")
        print(f"  committed rows lost       {totals['lost']}")
        print(f"  orphaned processes        {totals['orphans']}")
        for line in problems[:40]:
            print("  ! " + line)
        bad = sum(totals[k] for k in ("unclear", "unexpected", "tracebacks", "hangs", "no_report", "partial",
                                      "integrity", "lost", "orphans"))
        print("PASS" if bad == 0 else "FAIL")
        return 0 if bad == 0 else 1
    finally:
        make_cases.restore_permissions(tmp)
        if args.keep:
            print(f"cases and library kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
