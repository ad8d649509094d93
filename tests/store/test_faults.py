"""Faults injected into the library itself: full disk, read-only media, damaged
files, a second writer, kills during backup and restore.

Each case runs the real CLI (in process) or the store calls it uses and asserts
what the user sees (a clear message, an exit code, no traceback) and what the
files hold afterwards.  The full-disk and read-only-mount cases need root to
mount a small tmpfs or a read-only bind mount; without it they are skipped with
the reason.  Nothing here depends on timing: kills happen at reported points.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefbook.cli import main
from briefbook.store import backup as backups
from briefbook.store.db import open_library
from briefbook.store.errors import LibraryBusy, LibraryCorrupt, LibraryFull

ROOT = Path(__file__).resolve().parents[2]


def _generated_files(folder: Path, count: int, seed: int = 11) -> list[Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import ArticleGenerator

    return ArticleGenerator(seed=seed).write_files(folder, count)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _count(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def _sound(path: Path) -> bool:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def _run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True)


@contextmanager
def _mounted(kind: str, where: Path, source: Path | None = None, size: str = "2m"):
    """A small tmpfs, or a read-only bind mount of ``source``; skip the test when we may not mount."""
    where.mkdir(parents=True, exist_ok=True)
    if kind == "tmpfs":
        steps = [["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)]]
    else:
        steps = [["mount", "--bind", str(source), str(where)], ["mount", "-o", "remount,ro,bind", str(where)]]
    done = 0
    try:
        for step in steps:
            result = _run(step) if hasattr(os, "geteuid") and os.geteuid() == 0 else None
            if result is None or result.returncode != 0:
                why = "not root" if result is None else result.stderr.strip()
                pytest.skip(f"cannot mount a {kind} here ({why}); CI runs this as root")
            done += 1
        yield where
    finally:
        if done:
            _run(["umount", "-l", str(where)])


def _library_with_articles(path: Path, files: list[Path]) -> None:
    from briefbook.services.importing import import_paths

    lib = open_library(path)
    import_paths(lib, files)
    lib.close()


# -- full disk ----------------------------------------------------------------------------------
def test_full_disk_import_reports_what_was_stored_and_resumes_after_space_is_freed(tmp_path, capsys, monkeypatch):
    from briefbook.services import extraction, importing

    # A commit per article (not per half second), so the disk fills at the same article every run
    # (briefbook import stores through services.extraction.import_and_extract).
    real_import = importing.import_paths
    monkeypatch.setattr(extraction, "import_paths", lambda *a, **k: real_import(*a, **{**k, "batch_seconds": 0}))
    files = _generated_files(tmp_path / "in", 120)
    # The whole import needs about 7 MB at its peak (library, WAL, the backup's copy);
    # the user's other files leave 1.2 MB of the 8 MB disk.
    with _mounted("tmpfs", tmp_path / "small", size="8m") as disk:
        library = disk / "lib.briefbook"
        filler = disk / "filler"
        filler.write_bytes(b"\0" * (6800 * 1024))
        code, out, err = cli(capsys, "import", "--library", str(library), "--no-extract", str(tmp_path / "in"))
        assert code == 1
        assert "disk" in err and "full" in err and "Traceback" not in err and "no transaction" not in err
        stored = _count(library)
        assert 0 < stored < len(files), err
        assert out.startswith(f"{stored} imported"), "the report says exactly what the library holds"
        assert _sound(library)
        assert not list(disk.rglob("*.partial")), "a failed backup leaves nothing half-written"

        filler.unlink()  # the user frees space; the WAL the full disk left is folded in at once...
        lib = open_library(library)
        assert library.with_name(library.name + "-wal").stat().st_size == 0
        lib.close_hooks.clear()
        lib.close()
        # ...and the same import goes on where it stopped
        code, out, err = cli(capsys, "import", "--library", str(library), "--no-extract", str(tmp_path / "in"))
        assert code == 0, err
        assert f"{stored} already in the library" in out
        assert _count(library) == len(files)
        assert _sound(library)


def test_full_disk_backup_keeps_the_older_backups_and_leaves_no_partial(tmp_path):
    with _mounted("tmpfs", tmp_path / "small", size="2m") as disk:
        library = disk / "lib.briefbook"
        lib = open_library(library)
        first = backups.make_backup(lib.conn, library, "manual")
        with lib.transaction() as conn:  # the library grows until a backup no longer fits
            conn.execute("CREATE TABLE IF NOT EXISTS padding (blob BLOB)")
            conn.execute("INSERT INTO padding VALUES (randomblob(900 * 1024))")
        with pytest.raises(LibraryFull, match="disk space"):
            backups.make_backup(lib.conn, library, "manual")
        lib.close_hooks.clear()
        lib.close()
        assert backups.list_backups(library) == [first]
        backups.check_backup(first, workdir=tmp_path)  # checked where there is room to unpack it
        assert not list(disk.rglob("*.partial"))


# -- read-only media ----------------------------------------------------------------------------
def test_read_only_media_lists_searches_shows_exports_and_refuses_writes_clearly(tmp_path, capsys, seeds):
    source = tmp_path / "stick"
    source.mkdir()
    _library_with_articles(source / "lib.briefbook", [seeds])
    lib = open_library(source / "lib.briefbook")
    backup = backups.make_backup(lib.conn, lib.path, "manual")
    lib.close()
    with _mounted("bind-ro", tmp_path / "ro", source=source) as media:
        library = str(media / "lib.briefbook")
        code, out, err = cli(capsys, "list", "--library", library, "--json")
        assert code == 0 and len(__import__("json").loads(out)) == 5
        code, out, _ = cli(capsys, "search", "--library", library, "青岛")
        assert code == 0 and "青岛" in out
        assert cli(capsys, "show", "--library", library, "1")[0] == 0
        code, out, err = cli(capsys, "export", "--library", library, "--list")
        assert code == 0, err
        code, _, err = cli(capsys, "import", "--library", library, str(seeds))
        assert code == 2 and "Read-only library" in err and "Traceback" not in err
        assert cli(capsys, "backup", "--library", library)[0] == 2

        # A sound backup on read-only media restores into a writable place.
        target = tmp_path / "home" / "lib.briefbook"
        target.parent.mkdir()
        on_media = media / backup.relative_to(source)
        code, out, err = cli(capsys, "restore", "--library", str(target), str(on_media))
        assert code == 0, err
        assert _count(target) == 5 and _sound(target)


def test_export_does_not_replace_a_read_only_file(tmp_path, capsys):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"the version the office signed off")
    target.chmod(0o444)
    code, _, err = cli(capsys, "export", "--demo", "-o", str(target))
    assert code == 2 and "read-only" in err
    assert target.read_bytes() == b"the version the office signed off"


# -- damage -------------------------------------------------------------------------------------
def _damage_middle(path: Path) -> None:
    """Overwrite 4 KB in the middle of the articles, as a bad sector would.  (The page
    is one that holds data: a bad sector on a free page loses nothing, and SQLite
    rightly finds nothing wrong then.)"""
    con = sqlite3.connect(path)
    try:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'articles' ORDER BY pageno")]
    finally:
        con.close()
    with open(path, "r+b") as fh:
        fh.seek((pages[len(pages) // 2] - 1) * size)
        fh.write(b"\xa5" * size)


def test_damaged_library_refuses_import_and_restore_brings_back_the_newest_sound_backup(tmp_path, capsys, seeds):
    library = tmp_path / "lib.briefbook"
    files = _generated_files(tmp_path / "in", 80)
    code, _, err = cli(capsys, "import", "--library", str(library), "--no-extract", str(tmp_path / "in"))
    assert code == 0, err
    sound = backups.list_backups(library)
    assert sound and "on-close" in sound[0].name, "the import's work is backed up when it ends"
    _damage_middle(library)

    code, _, err = cli(capsys, "import", "--library", str(library), "--no-extract", str(seeds))
    assert code == 2 and "damaged" in err and "Traceback" not in err
    lib = sqlite3.connect(library)
    with pytest.raises(LibraryCorrupt):
        backups.make_backup(lib, library, "manual")
    lib.close()
    assert backups.list_backups(library) == sound, "no backup of the damaged file over the sound ones"

    code, out, err = cli(capsys, "restore", "--library", str(library))
    assert code == 0, err
    kept = list(tmp_path.glob("lib.briefbook.damaged-*"))
    assert len(kept) == 1 and str(kept[0]) in out
    assert _count(library) == len(files) and _sound(library), "nothing the sound backup held is lost"
    assert not any(".damaged-" in p.name for p in backups.list_backups(library))
    code, _, err = cli(capsys, "restore", "--library", str(library))  # again: still a sound one
    assert code == 0, err
    assert _count(library) == len(files)


def test_restore_skips_a_damaged_newest_backup(tmp_path, capsys, seeds):
    library = tmp_path / "lib.briefbook"
    _library_with_articles(library, [seeds])
    lib = open_library(library)
    older = backups.make_backup(lib.conn, library, "manual")
    newer = backups.make_backup(lib.conn, library, "manual")
    lib.close_hooks.clear()
    lib.close()
    newer.write_bytes(newer.read_bytes()[:200])  # truncated: a copy that did not finish
    assert backups.newest_sound_backup(library) == older
    code, _, err = cli(capsys, "restore", "--library", str(library))
    assert code == 0 and "damaged" in err
    assert _count(library) == 5


def test_unclean_shutdown_runs_the_full_integrity_check(tmp_path, monkeypatch):
    from briefbook.store import db

    library = tmp_path / "lib.briefbook"
    open_library(library).close()
    checks = []
    real = db.check_damage
    monkeypatch.setattr(db, "check_damage", lambda conn, full=False: checks.append(full) or real(conn, full))
    open_library(library).close()
    library.with_name(library.name + ".lock").write_text("4242 open\n")  # the last writer died
    open_library(library).close()
    open_library(library).close()
    assert checks == [False, True, False]


# -- a second writer ----------------------------------------------------------------------------
def test_another_program_holding_the_write_lock_ends_in_library_busy(tmp_path, capsys, seeds, monkeypatch):
    library = tmp_path / "lib.briefbook"
    open_library(library).close()
    other = sqlite3.connect(library, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a database tool left a transaction open
    try:
        monkeypatch.setenv("BRIEFBOOK_BUSY_SECONDS", "1")
        code, out, err = cli(capsys, "import", "--library", str(library), "--no-extract", str(seeds))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert "library busy, waiting" in err and "Library busy" in err
    assert "Traceback" not in err and "database is locked" not in err
    assert _count(library) == 0
    code, out, err = cli(capsys, "import", "--library", str(library), "--no-extract", str(seeds))
    assert code == 0 and out.startswith("5 imported")


def test_busy_wait_reports_progress_then_gives_up(tmp_path):
    library = tmp_path / "lib.briefbook"
    lib = open_library(library, busy_seconds=0.6)
    told = []
    lib.on_busy = lambda waited, limit: told.append(limit)
    other = sqlite3.connect(library, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LibraryBusy, match="Library busy"):
            with lib.transaction() as conn:
                conn.execute("INSERT INTO tags (name) VALUES ('x')")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert told and set(told) == {0.6}
    with lib.transaction() as conn:  # and the library works once the other program is done
        conn.execute("INSERT INTO tags (name) VALUES ('x')")
    lib.close()


# -- kills during backup and restore ------------------------------------------------------------
_STOP_AT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from briefbook.store import backup
    from briefbook.store.db import open_library

    point, library = sys.argv[1], Path(sys.argv[2])

    def stop(name, real):
        def wrapper(*args, **kwargs):
            result = real(*args, **kwargs) if name.endswith("-done") else None
            print(name, flush=True)
            sys.stdin.read()  # wait here to be killed
            return result
        return wrapper

    if point == "copy":
        backup._copy_checked = stop("copy-done", backup._copy_checked)
    elif point == "compress":
        backup._compress = stop("compress", backup._compress)
    elif point == "unpacked":
        backup._check_unpacked = stop("unpacked-done", backup._check_unpacked)
    elif point == "set-aside":
        backup._set_aside = stop("set-aside-done", backup._set_aside)
    if point in ("copy", "compress"):
        lib = open_library(library)
        backup.make_backup(lib.conn, library, "manual")
    else:
        backup.restore_backup(library, Path(sys.argv[3]))
""")


def _kill_at(point: str, library: Path, *extra: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    proc = subprocess.Popen([sys.executable, "-c", _STOP_AT, point, str(library), *map(str, extra)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith(point), line
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


@pytest.mark.parametrize("point", ["copy", "compress"])
def test_kill_during_backup_leaves_no_backup_under_a_final_name(tmp_path, seeds, point):
    library = tmp_path / "lib.briefbook"
    _library_with_articles(library, [seeds])
    lib = open_library(library)
    before = backups.make_backup(lib.conn, library, "manual")
    lib.close_hooks.clear()
    lib.close()
    _kill_at(point, library)
    assert backups.list_backups(library) == [before]
    assert _sound(library) and _count(library) == 5
    lib = open_library(library)  # the next backup clears what the killed one left
    made = backups.make_backup(lib.conn, library, "manual")
    lib.close_hooks.clear()
    lib.close()
    backups.check_backup(made)
    assert not list(backups.backup_folder(library).glob(".*.partial"))


@pytest.mark.parametrize("point", ["unpacked", "set-aside"])
def test_kill_during_restore_leaves_the_library_whole(tmp_path, seeds, point):
    library = tmp_path / "lib.briefbook"
    _library_with_articles(library, [seeds / "001_d130a965e8ac6871.txt"])
    lib = open_library(library)
    one = backups.make_backup(lib.conn, library, "manual")
    lib.close_hooks.clear()
    lib.close()
    _library_with_articles(library, [seeds])
    assert _count(library) == 5
    _kill_at(point, library, one)
    assert _sound(library) and _count(library) == 5, "the library is as it was until the backup replaces it"
    assert all(p == one or backups.backup_counter(p) is not None for p in backups.list_backups(library))
    backups.restore_backup(library, one)  # and the restore works when tried again
    assert _count(library) == 1 and _sound(library)
