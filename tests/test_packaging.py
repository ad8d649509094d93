"""The frozen (PyInstaller) build: it starts, passes its self-test, imports with worker processes.

Building takes about a minute and 240 MB, so these tests run only when a build
exists (dist/briefbook, made with ``python -m PyInstaller packaging/briefbook.spec
--noconfirm``) or when BRIEFBOOK_TEST_FROZEN=1 is set, in which case a missing
build is made first.  BRIEFBOOK_TEST_FROZEN=1 also enables the start-time check
(timings are too noisy for every CI pass).  The full report with all figures:
``python packaging/check_build.py``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "briefbook"
FORCED = os.environ.get("BRIEFBOOK_TEST_FROZEN") == "1"


def _load_check_build():
    spec = importlib.util.spec_from_file_location("briefbook_check_build", ROOT / "packaging" / "check_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cb = _load_check_build()

pytestmark = [
    pytest.mark.skipif(
        not (FORCED or cb.frozen_binary(DIST).exists()),
        reason="no frozen build in dist/briefbook (build: python -m PyInstaller packaging/briefbook.spec "
               "--noconfirm, or set BRIEFBOOK_TEST_FROZEN=1 to build and test; building takes minutes)",
    ),
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None and not cb.frozen_binary(DIST).exists(),
                       reason="PyInstaller is not installed and there is no build to test"),
]


@pytest.fixture(scope="module")
def dist() -> Path:
    if not cb.frozen_binary(DIST).exists():
        cb.build(sys.executable)
    return DIST


def test_size_under_target(dist):
    size, files = cb.tree_size(dist)
    assert files > 0
    assert size / 2**20 < cb.SIZE_TARGET_MIB, cb.largest_parts(dist)


def test_frozen_self_test_passes(dist):
    proc, _ = cb.run(cb.frozen_cmd(dist) + ["--self-test"], cb.base_env())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test passed" in proc.stdout
    for step in ("demo library", "export PDF", "export DOCX", "main window"):
        assert f"ok    {step}" in proc.stdout, proc.stdout


def test_frozen_import_uses_worker_processes(dist, tmp_path):
    folder = tmp_path / "in"
    expected = cb.make_import_folder(folder, 70, pdf=None)  # 64 files or more go to worker processes
    lib = tmp_path / "x.briefbook"
    proc, _seconds, workers = cb.import_with_watch(
        cb.frozen_cmd(dist) + ["import", "--library", str(lib), str(folder), "--json"], cb.base_env())
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    failed = [f for f in report["files"] if f["status"] == "failed"]
    assert report["imported"] == expected and not failed, failed
    counts = cb.library_counts(lib)
    assert counts["articles"] == expected and counts["facts"] > 0
    if sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2:
        assert workers >= 2, "the import did not start worker processes"


@pytest.mark.skipif(not FORCED, reason="start-time comparison only with BRIEFBOOK_TEST_FROZEN=1 (noisy timings)")
def test_frozen_start_time_within_target(dist):
    times = {"frozen": [], "source": []}
    for _ in range(3):
        for side, cmd, env in (("source", cb.source_cmd(), cb.source_env()),
                               ("frozen", cb.frozen_cmd(dist), cb.base_env())):
            proc, seconds = cb.run(cmd + ["--self-test"], env)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            times[side].append(seconds)
    ratio = min(times["frozen"]) / min(times["source"])
    assert ratio <= cb.START_RATIO_TARGET, times
