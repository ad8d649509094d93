"""Backups, restore, and what a killed process leaves behind."""

import lzma
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import zstandard

from briefbook.store.backup import backup_if_due, list_backups, make_backup, restore_backup, rotate
from briefbook.store.db import open_library
from tests.process_tree import HAS_PROC, children_of, survivors

ROOT = Path(__file__).resolve().parents[2]


def test_backup_rotation_and_daily(tmp_path):
    path = tmp_path / "lib.briefbook"
    lib = open_library(path)
    first = backup_if_due(lib.conn, path)
    assert first is not None and first.exists()
    assert backup_if_due(lib.conn, path) is None, "one a day"
    assert backup_if_due(lib.conn, path, now=time.time() + 2 * 86400) is None, "nothing changed since"
    with lib.transaction() as conn:
        conn.execute("INSERT INTO tags (name) VALUES ('changed')")
    assert backup_if_due(lib.conn, path, now=time.time() + 2 * 86400) is not None
    for _ in range(4):
        make_backup(lib.conn, path, "manual", keep=100)
    rotate(first.parent, keep=3)
    assert len(list_backups(path)) == 3
    lib.close()


def test_restore_keeps_the_current_state_as_a_backup(tmp_path):
    path = tmp_path / "lib.briefbook"
    lib = open_library(path)
    with lib.transaction() as conn:
        conn.execute("INSERT INTO tags (name) VALUES ('before')")
    snapshot = make_backup(lib.conn, path, "manual")
    with lib.transaction() as conn:
        conn.execute("INSERT INTO tags (name) VALUES ('after')")
    lib.close()
    saved = restore_backup(path, snapshot)
    lib = open_library(path)
    assert [r[0] for r in lib.query("SELECT name FROM tags")] == ["before"]
    lib.close()
    unpacked = tmp_path / "saved.sqlite"
    # a standard .zst file: any Zstandard tool unpacks it, not only Briefbook
    assert saved.name.endswith(".zst")
    unpacked.write_bytes(zstandard.ZstdDecompressor().decompress(saved.read_bytes()))
    con = sqlite3.connect(unpacked)
    assert {r[0] for r in con.execute("SELECT name FROM tags")} == {"before", "after"}
    con.close()
    assert saved in list_backups(path)


def test_an_older_xz_backup_is_still_listed_and_restored(tmp_path):
    """Backups made before Zstandard were .xz: they stay restorable, newest first with the rest."""
    path = tmp_path / "lib.briefbook"
    lib = open_library(path)
    with lib.transaction() as conn:
        conn.execute("INSERT INTO tags (name) VALUES ('in the xz backup')")
    made = make_backup(lib.conn, path, "manual")
    old = made.with_name(made.name.replace("_manual.briefbook.zst", "_older.briefbook.xz"))
    old.write_bytes(lzma.compress(zstandard.ZstdDecompressor().decompress(made.read_bytes())))
    made.unlink()
    with lib.transaction() as conn:
        conn.execute("DELETE FROM tags")
    lib.close()
    assert list_backups(path) == [old]
    restore_backup(path, old)
    lib = open_library(path)
    assert [r[0] for r in lib.query("SELECT name FROM tags")] == ["in the xz backup"]
    lib.close()


def test_restore_refuses_a_damaged_backup(tmp_path):
    import pytest

    from briefbook.store.errors import LibraryCorrupt

    bad = tmp_path / "bad.briefbook"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(LibraryCorrupt):
        restore_backup(tmp_path / "lib.briefbook", bad)


# An import that reports once exactly N files are committed (batch_seconds=0 commits
# before each file's progress call) and then waits to be killed.
_IMPORTER = """
import sys
from briefbook.services.importing import import_paths
from briefbook.store.db import open_library
lib = open_library(sys.argv[1])
stop_at = int(sys.argv[3])
def progress(done, total, name):
    if done == stop_at:
        print(done, flush=True)
        sys.stdin.read()  # until killed
import_paths(lib, [sys.argv[2]], progress=progress, batch_seconds=0, queue_extraction=True)
"""


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc to find the import's worker processes")
def test_killed_import_leaves_a_sound_library_that_resumes(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import ArticleGenerator

    from briefbook.services.importing import import_paths

    files = ArticleGenerator(seed=5).write_files(tmp_path / "in", 80)  # enough to be read in worker processes
    committed = 30
    path = tmp_path / "lib.briefbook"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    proc = subprocess.Popen([sys.executable, "-c", _IMPORTER, str(path), str(tmp_path / "in"), str(committed)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert int(proc.stdout.readline()) == committed
        children = children_of(proc.pid)
        assert len(children) >= 2  # reading workers and the resource tracker
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert survivors(children) == []

    lib = open_library(path)
    assert lib.scalar("PRAGMA integrity_check") == "ok"
    assert lib.scalar("SELECT count(*) FROM articles") == committed
    assert lib.scalar("SELECT count(*) FROM articles_fts") == committed
    # every stored article has its extraction queued: none is silently left without facts
    assert lib.scalar("SELECT count(*) FROM extraction_queue") == committed

    report = import_paths(lib, [tmp_path / "in"], queue_extraction=True)
    assert len(report.duplicates) == committed
    assert len(report.imported) == len(files) - committed
    assert len(report.resumed) == committed
    assert f"the extraction of {committed} article(s)" in report.summary()
    # what services.extraction.finish_queue then extracts (tests/services/test_importing.py)
    assert lib.scalar("SELECT count(*) FROM extraction_queue") == len(files)
    assert lib.scalar("SELECT count(DISTINCT sha256) FROM articles") == len(files)
    lib.close()


_EDITOR = """
import sys
from briefbook.store.db import open_library
from briefbook.store import facts, notes
lib = open_library(sys.argv[1])
ids = [r[0] for r in lib.query("SELECT id FROM facts ORDER BY id")]
n = 0
while True:  # an edit burst: status changes, edits and notes, each reported once committed
    fid = ids[n % len(ids)]
    facts.set_status(lib, [fid], "accepted" if n % 2 else "rejected")
    notes.add_annotation(lib, notes.Annotation(None, fact_id=fid, note=f"note {n}"))
    print(n, fid, flush=True)
    n += 1
"""


def test_killed_edit_burst_keeps_every_reported_change(seed_library, tmp_path):
    from briefbook.services.extraction import extract_library

    lib = seed_library
    extract_library(lib)
    path = lib.path
    lib.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    proc = subprocess.Popen([sys.executable, "-c", _EDITOR, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    reported = []
    for line in proc.stdout:
        reported.append(tuple(int(x) for x in line.split()))
        if len(reported) >= 300:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    lib = open_library(path)
    assert lib.scalar("PRAGMA integrity_check") == "ok"
    notes_saved = {r[0] for r in lib.query("SELECT note FROM annotations")}
    for n, _fid in reported:
        assert f"note {n}" in notes_saved
    _last_n, last_fid = reported[-1]
    status = lib.scalar("SELECT status FROM facts WHERE id = ?", (last_fid,))
    assert status in ("accepted", "rejected")
    lib.close()
