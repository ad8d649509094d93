"""Knowledge in the store: the v3 migration, decisions with undo and changes, claims with sources."""

import sqlite3

from briefbook.services.figure_reads import figure_conflicts
from briefbook.store import db as store_db
from briefbook.store import knowledge as K
from briefbook.store.db import open_library


def _v2_library(path, monkeypatch):
    """A library as Briefbook wrote it before knowledge existed: an article, three entities and
    their mentions, reviewed by the user (all accepted / all rejected / mixed)."""
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", 2)
    lib = open_library(path)
    stamp = "2020-08-01T00:00:00+00:00"
    with lib.transaction() as conn:
        conn.execute("INSERT INTO articles (id, imported_at, sha256, format, original, text) "
                     "VALUES (1, ?, 'x', 'txt', '高燕 高燕 JETRO 日本 日本', '高燕 高燕 JETRO 日本 日本')", (stamp,))
        facts = [(1, "person", 0, 2, "accepted"), (2, "person", 3, 5, "edited"), (3, "organization", 6, 11, "rejected"),
                 (4, "place", 12, 14, "accepted"), (5, "place", 15, 17, "rejected")]
        for fid, kind, s, e, status in facts:
            conn.execute('INSERT INTO facts (id, article_id, kind, start, "end", text, status, created_at, updated_at) '
                         "VALUES (?, 1, ?, ?, ?, 'x', ?, ?, ?)", (fid, kind, s, e, status, stamp, stamp))
        for eid, kind, name in ((1, "person", "高燕"), (2, "organization", "JETRO"), (3, "place", "日本")):
            conn.execute("INSERT INTO entities (id, kind, canonical_name, created_at, updated_at) VALUES (?,?,?,?,?)",
                         (eid, kind, name, stamp, stamp))
        for fid, eid in ((1, 1), (2, 1), (3, 2), (4, 3), (5, 3)):
            conn.execute("INSERT INTO fact_entities (fact_id, entity_id, status) VALUES (?, ?, 'accepted')", (fid, eid))
    lib.close()
    monkeypatch.undo()


def test_v2_library_migrates_keeping_review_decisions(tmp_path, monkeypatch):
    path = tmp_path / "old.briefbook"
    _v2_library(path, monkeypatch)
    lib = open_library(path)
    assert lib.schema_version() == store_db.SCHEMA_VERSION
    uuids = dict(lib.query("SELECT canonical_name, uuid FROM entities"))
    assert all(len(u) == 36 for u in uuids.values()) and len(set(uuids.values())) == 3
    decided = K.decisions_for(lib, "entity")
    assert decided[uuids["高燕"]]["status"] == "accepted"       # accepted + edited mentions
    assert decided[uuids["JETRO"]]["status"] == "rejected"
    assert uuids["日本"] not in decided                          # mixed: stays on the mentions
    assert dict(lib.query("SELECT id, status FROM facts")) == {1: "accepted", 2: "edited", 3: "rejected",
                                                                4: "accepted", 5: "rejected"}
    lib.close()
    backups = list(tmp_path.glob("old.briefbook.v2-*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 2
    con.close()


def test_decisions_are_recorded_as_changes_and_undone_exactly(library):
    first = K.decide(library, "figure", "f-1", "accepted", by="anna")
    assert first["old"] is None and first["new"]["status"] == "accepted"
    second = K.decide(library, "figure", "f-1", "edited", {"measure": "exports"}, by="ben")
    assert second["old"]["status"] == "accepted" and second["old"]["decided_by"] == "anna"
    assert K.decision_for(library, "figure", "f-1")["edit"] == {"measure": "exports"}
    K.undo_decision(library, second)
    assert K.decision_for(library, "figure", "f-1")["status"] == "accepted"
    K.undo_decision(library, first)
    assert K.decision_for(library, "figure", "f-1") is None
    history = K.changes_for(library, "figure", "f-1")
    assert [(c["who"], (c["old"] or {}).get("status"), (c["new"] or {}).get("status")) for c in history] == [
        ("anna", None, "accepted"), ("ben", "accepted", "edited"), ("user", "edited", "accepted"),
        ("user", "accepted", None)]


def _figure(key, value, article_start=0):
    return {"key": key, "kind": "amount", "measure": "trade_volume", "subject": "青岛–日本", "period_start": "2019-01-01",
            "period_end": "2019-12-31", "period_kind": "year", "approx": "exact", "value": value, "currency": "USD",
            "sources": [{"fact_id": None, "start": article_start, "end": article_start + 4, "text": "x"}]}


def _article(lib, n):
    with lib.transaction() as conn:
        conn.execute("INSERT INTO articles (id, imported_at, sha256, format, original, text) "
                     "VALUES (?, 'now', ?, 'txt', 'text', 'text')", (n, f"sha{n}"))


def test_same_claim_from_two_articles_is_one_figure_and_a_decided_one_outlives_its_sources(library):
    _article(library, 1)
    _article(library, 2)
    a = K.replace_article_figures(library, 1, [_figure("k1", 7.643e9)])
    b = K.replace_article_figures(library, 2, [_figure("k1", 7.643e9)])
    assert a["uuids"] == b["uuids"]
    fid = library.scalar("SELECT id FROM figures")
    assert len(K.figure_sources(library)[fid]) == 2
    K.decide(library, "figure", a["uuids"]["k1"], "accepted")
    K.replace_article_figures(library, 1, [])
    K.replace_article_figures(library, 2, [])
    assert library.scalar("SELECT uuid FROM figures") == a["uuids"]["k1"]      # kept for its decision
    again = K.replace_article_figures(library, 1, [_figure("k1", 7.643e9)])
    assert again["uuids"]["k1"] == a["uuids"]["k1"]
    K.replace_article_figures(library, 2, [_figure("k2", 1.0)])
    K.replace_article_figures(library, 2, [])
    assert library.scalar("SELECT count(*) FROM figures WHERE key = 'k2'") == 0  # undecided and sourceless: gone


def test_deleting_an_article_drops_the_claims_only_it_was_a_source_of(library):
    from briefbook.ingest import read_pasted
    from briefbook.store.articles import add_article
    from briefbook.store.views import delete_article

    for n in (1, 2):
        assert add_article(library, read_pasted(f"Article {n} about trade between Qingdao and Japan.")).article_id == n
    K.replace_article_figures(library, 1, [_figure("only1", 1.0), _figure("both", 2.0), _figure("decided", 3.0)])
    K.replace_article_figures(library, 2, [_figure("both", 2.0), _figure("only2", 4.0)])
    K.decide(library, "figure", library.scalar("SELECT uuid FROM figures WHERE key = 'decided'"), "accepted")
    delete_article(library, 1)
    assert {r[0] for r in library.query("SELECT key FROM figures")} == {"both", "decided", "only2"}
    K.replace_article_figures(library, 2, [_figure("both", 2.0)])  # article 2 no longer gives only2
    assert {r[0] for r in library.query("SELECT key FROM figures")} == {"both", "decided"}


def test_different_values_for_one_claim_are_a_conflict(library):
    _article(library, 1)
    _article(library, 2)
    K.replace_article_figures(library, 1, [_figure("k1", 7.643e9)])
    K.replace_article_figures(library, 2, [_figure("k2", 7.2e9)])
    ids = dict(library.query("SELECT key, id FROM figures"))
    assert figure_conflicts(library) == {ids["k1"]: [ids["k2"]], ids["k2"]: [ids["k1"]]}
    K.decide(library, "figure", library.scalar("SELECT uuid FROM figures WHERE key = 'k2'"), "rejected")
    assert figure_conflicts(library) == {}


def test_growth_rates_of_different_measures_do_not_conflict(library):
    _article(library, 1)
    _article(library, 2)
    rate = {"kind": "percentage", "measure": "growth_rate", "unit": "percent", "currency": None}
    K.replace_article_figures(library, 1, [_figure("exports", 5e9), dict(_figure("r1", 12.5), **rate, qualifies_key="exports")])
    K.replace_article_figures(library, 2, [dict(_figure("projects", 15), measure="number_of_projects", currency=None),
                                           dict(_figure("r2", 25.0), **rate, qualifies_key="projects"),
                                           dict(_figure("r3", 11.0), **rate, qualifies_key="exports2"),
                                           dict(_figure("exports2", 5.1e9), qualifies_key=None)])
    ids = dict(library.query("SELECT key, id FROM figures"))
    conflicts = figure_conflicts(library)
    assert ids["r2"] not in conflicts
    assert conflicts[ids["r1"]] == [ids["r3"]]
    assert conflicts[ids["exports"]] == [ids["exports2"]]
