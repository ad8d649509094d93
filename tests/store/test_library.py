import sqlite3

import pytest

from briefbook.store import schema
from briefbook.store.db import WRITER_CACHE_KIB, open_library
from briefbook.store.errors import LibraryBusy, LibraryCorrupt, LibraryTooNew


def test_new_library_has_wal_foreign_keys_and_version(tmp_path):
    lib = open_library(tmp_path / "a.briefbook")
    assert lib.scalar("PRAGMA journal_mode") == "wal"
    assert lib.scalar("PRAGMA foreign_keys") == 1
    assert lib.schema_version() == schema.SCHEMA_VERSION
    # the writer keeps the indexes an import updates in memory (SQLite's default is 2,000 KiB)
    assert lib.scalar("PRAGMA cache_size") == -WRITER_CACHE_KIB
    lib.close()


def test_second_writer_gets_a_clear_message(tmp_path):
    first = open_library(tmp_path / "a.briefbook")
    with pytest.raises(LibraryBusy, match="already open"):
        open_library(tmp_path / "a.briefbook")
    reader = open_library(tmp_path / "a.briefbook", readonly=True)
    assert reader.schema_version() == schema.SCHEMA_VERSION
    reader.close()
    first.close()
    open_library(tmp_path / "a.briefbook").close()


def test_not_a_sqlite_file(tmp_path):
    path = tmp_path / "notes.briefbook"
    path.write_text("just some text, not a database")
    with pytest.raises(LibraryCorrupt, match="not an SQLite"):
        open_library(path)


def test_damaged_sqlite_file(tmp_path):
    path = tmp_path / "damaged.briefbook"
    lib = open_library(path)
    lib.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryCorrupt):
        lib = open_library(path)
        lib.query("SELECT * FROM articles")


def test_newer_library_is_refused(tmp_path):
    path = tmp_path / "future.briefbook"
    lib = open_library(path)
    with lib.transaction() as conn:
        conn.execute("UPDATE schema_version SET version = ?", (schema.SCHEMA_VERSION + 5,))
    lib.close()
    with pytest.raises(LibraryTooNew, match="newer Briefbook"):
        open_library(path)


def test_migration_backs_up_first(tmp_path, monkeypatch):
    path = tmp_path / "old.briefbook"
    lib = open_library(path)
    with lib.transaction() as conn:
        conn.execute("INSERT INTO tags (name) VALUES ('keep me')")
    lib.close()
    current = schema.SCHEMA_VERSION
    monkeypatch.setitem(schema.MIGRATIONS, current + 1, "ALTER TABLE tags ADD COLUMN description TEXT;")
    from briefbook.store import db

    monkeypatch.setattr(db, "SCHEMA_VERSION", current + 1)
    lib = open_library(path)
    assert lib.schema_version() == current + 1
    assert lib.scalar("SELECT name FROM tags") == "keep me"
    lib.close()
    backups = list(tmp_path.glob(f"old.briefbook.v{current}-*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == current
    assert con.execute("SELECT name FROM tags").fetchone()[0] == "keep me"
    con.close()


def test_failed_write_leaves_nothing(tmp_path):
    lib = open_library(tmp_path / "a.briefbook")
    with pytest.raises(RuntimeError):
        with lib.transaction() as conn:
            conn.execute("INSERT INTO tags (name) VALUES ('half')")
            raise RuntimeError("boom")
    assert lib.scalar("SELECT count(*) FROM tags") == 0
    lib.close()
