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


def test_v6_library_gains_the_reading_flag_and_entity_translations(tmp_path, monkeypatch):
    from briefbook.store import db
    from briefbook.store import entities as entity_store
    from briefbook.store import entity_translations as texts

    path = tmp_path / "v6.briefbook"
    monkeypatch.setattr(db, "SCHEMA_VERSION", 6)
    lib = open_library(path)
    assert lib.schema_version() == 6
    eid = entity_store.create_entity(lib, "person", "高島大浩")
    lib.close()
    monkeypatch.undo()

    lib = open_library(path)
    try:
        assert lib.schema_version() == schema.SCHEMA_VERSION >= 7
        assert entity_store.canonical_name(lib, eid) == "高島大浩"
        assert texts.reading_confirmed(lib, eid) is False
        assert texts.set_reading_confirmed(lib, eid) is False and texts.reading_confirmed(lib, eid)
        assert texts.set_translation(lib, eid, "de", "title", "Vorstandsmitglied") is None
        assert texts.set_translation(lib, eid, "de", "title", "Direktor") == "Vorstandsmitglied"
        assert texts.fields_for(lib, eid, "de") == {"title": "Direktor"}
        texts.set_translation(lib, eid, "de", "quote", "Er überreichte ein Geschenk.", original="薛慶國向 高島大浩 贈送")
        assert texts.quote_translation(lib, eid, "de", "薛慶國向  高島大浩\n贈送") == "Er überreichte ein Geschenk."
        assert texts.quote_translation(lib, eid, "en", "薛慶國向 高島大浩 贈送") is None
    finally:
        lib.close()
    assert len(list(tmp_path.glob("v6.briefbook.v6-*.bak"))) == 1


def test_v7_library_gains_retired_claims(tmp_path, monkeypatch):
    from briefbook.store import db
    from briefbook.store import knowledge as K

    path = tmp_path / "v7.briefbook"
    monkeypatch.setattr(db, "SCHEMA_VERSION", 7)
    lib = open_library(path)
    assert lib.schema_version() == 7
    lib.close()
    monkeypatch.undo()

    lib = open_library(path)
    try:
        assert lib.schema_version() == schema.SCHEMA_VERSION >= 8
        assert lib.scalar("SELECT count(*) FROM retired_claims") == 0
        cols = [r[1] for r in lib.query("PRAGMA table_info(retired_claims)")]
        assert cols == ["target_kind", "key", "uuid", "retired_at"]
        assert K.figure_rows(lib) == []
    finally:
        lib.close()
    assert len(list(tmp_path.glob("v7.briefbook.v7-*.bak"))) == 1


def test_v8_library_pages_its_newest_articles_from_an_index(tmp_path, monkeypatch):
    from briefbook.ingest import read_pasted
    from briefbook.store import db, views
    from briefbook.store.articles import add_article

    path = tmp_path / "v8.briefbook"
    monkeypatch.setattr(db, "SCHEMA_VERSION", 8)
    lib = open_library(path)
    dates = ["2024-03-01", None, "2023-12-31", "2024-03-01", "", "2025-01-15", None, "2024-07-04"]
    for i, published in enumerate(dates):
        article = read_pasted(f"Meldung {i}\n\nDer Rat tagte am Montag zum {i}. Mal.")
        add_article(lib, article)
        with lib.conn:
            lib.conn.execute("UPDATE articles SET published = ?, source = ? WHERE id = ?",
                             (published, "A" if i % 2 else "B", article.id))
    assert lib.schema_version() == 8
    lib.close()
    monkeypatch.undo()

    lib = open_library(path)
    try:
        assert lib.schema_version() == schema.SCHEMA_VERSION >= 9
        statements: list[str] = []
        lib.conn.set_trace_callback(statements.append)
        for flt, expected in ((views.ArticleFilter(), range(len(dates))),
                              (views.ArticleFilter(source="A"), range(1, len(dates), 2))):
            statements.clear()
            rows = views.article_rows(lib, flt, limit=5)
            # newest first, undated last, ties by the newest import (as before the index)
            ids = sorted((i + 1 for i in expected), key=lambda a: (dates[a - 1] or "", a), reverse=True)
            assert [row["id"] for row in rows] == ids[:5]
            page_sql = next(s for s in statements if "row_number" in s)
            plan = " | ".join(r[3] for r in lib.conn.execute("EXPLAIN QUERY PLAN " + page_sql))
            paging = plan.split("SCAN (subquery")[0]  # the part that picks the page's ids
            assert "TEMP B-TREE" not in paging, plan
            assert ("idx_articles_source" if flt.source else "idx_articles_recent") in paging, plan
    finally:
        lib.close()
    assert len(list(tmp_path.glob("v8.briefbook.v8-*.bak"))) == 1
