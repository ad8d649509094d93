"""A library made by the oldest schema (a fixture file) opens, migrates, and keeps everything."""

import shutil
import sqlite3
from pathlib import Path

from briefbook.store import schema
from briefbook.store.db import open_library
from briefbook.store.search import search

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "library_v1.briefbook"


def test_v1_library_migrates_with_a_backup_first(tmp_path):
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURE, path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 1
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "facts", "tags")}
    accepted = con.execute("SELECT count(*) FROM facts WHERE status = 'accepted'").fetchone()[0]
    con.close()

    lib = open_library(path)
    assert lib.schema_version() == schema.SCHEMA_VERSION
    assert {t: lib.scalar(f"SELECT count(*) FROM {t}") for t in before} == before
    assert lib.scalar("SELECT count(*) FROM facts WHERE status = 'accepted'") == accepted == 1
    assert lib.scalar("SELECT count(*) FROM link_keys") >= 0
    assert "reason" in [r[1] for r in lib.query("PRAGMA table_info(fact_entities)")]
    assert len(search(lib, "高燕")) == 1
    assert lib.scalar("PRAGMA integrity_check") == "ok"
    lib.close()

    backups = list(tmp_path.glob("old.briefbook.v1-*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == before["articles"]
    con.close()
