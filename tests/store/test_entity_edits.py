"""Entity split and rename with their undo records, without Qt: undo puts every row
back as it was, redo re-applies the same rows (same ids)."""

from __future__ import annotations

import hashlib

import pytest

from briefbook.core.article import Article
from briefbook.core.facts import Fact
from briefbook.store import entities as ent
from briefbook.store import entity_edits
from briefbook.store.articles import add_article
from briefbook.store.facts import save_extracted


def _dump(lib) -> dict:
    return {
        "entities": [tuple(r) for r in lib.query("SELECT * FROM entities ORDER BY id")],
        "aliases": [tuple(r) for r in lib.query("SELECT * FROM aliases ORDER BY id")],
        "links": [tuple(r) for r in lib.query("SELECT rowid, * FROM fact_entities ORDER BY rowid")],
        "proposals": [tuple(r) for r in lib.query("SELECT * FROM entity_merge_proposals ORDER BY id")],
    }


@pytest.fixture
def mixed(library):
    """One 'person' entity that wrongly holds two people: 高燕 / Gao Yan and 高岩."""
    text = "高燕会见了客人。高岩也出席了会议。Gao Yan sprach."
    aid = add_article(library, Article(text=text, sha256=hashlib.sha256(text.encode()).hexdigest())).article_id
    facts = [Fact("person", text.index(n), text.index(n) + len(n), n, {"name": n}, 0.9) for n in ("高燕", "高岩", "Gao Yan")]
    save_extracted(library, aid, facts, "test")
    eid = ent.create_entity(library, "person", "高燕", aliases=[("Gao Yan", "de"), ("高岩", None)])
    for fid, conf in library.query("SELECT id, confidence FROM facts ORDER BY id"):
        ent.link_fact(library, fid, eid, confidence=conf, status="proposed")
    ent.propose_merge(library, eid, ent.create_entity(library, "person", "Someone Else"), 0.5, "test")
    return library, eid


def test_split_record_undo_and_redo_round_trip(mixed):
    lib, eid = mixed
    before = _dump(lib)
    alias = lib.scalar("SELECT id FROM aliases WHERE name = '高岩'")
    record = entity_edits.split(lib, eid, [alias])
    after = _dump(lib)
    new_id = record["new"]["id"]
    assert record["aliases"] == [alias] and len(record["links"]) == 1
    assert [a["name"] for a in ent.get_entity(lib, new_id).aliases] == ["高岩"]
    # a proposal naming the new entity goes with it on undo
    ent.propose_merge(lib, eid, new_id, 0.7, "test")
    entity_edits.undo_split(lib, record)
    assert _dump(lib) == before
    entity_edits.redo_split(lib, record)
    assert _dump(lib) == after
    entity_edits.undo_split(lib, record)
    assert _dump(lib) == before


def test_rename_record_removes_only_the_alias_it_added(mixed):
    lib, eid = mixed
    before = _dump(lib)
    record = entity_edits.rename(lib, eid, "Gao Yan (CCPIT)")
    assert [a["name"] for a in record["added"]] == ["Gao Yan (CCPIT)"]
    assert ent.canonical_name(lib, eid) == "Gao Yan (CCPIT)"
    entity_edits.undo_rename(lib, record)
    assert _dump(lib) == before
    entity_edits.redo_rename(lib, record)
    assert ent.canonical_name(lib, eid) == "Gao Yan (CCPIT)"
    assert "Gao Yan (CCPIT)" in [a["name"] for a in ent.get_entity(lib, eid).aliases]
    entity_edits.undo_rename(lib, record)
    assert _dump(lib) == before
    # a name it already had: nothing added, so undo keeps that alias
    record = entity_edits.rename(lib, eid, "Gao Yan")
    assert record["added"] == []
    entity_edits.undo_rename(lib, record)
    assert _dump(lib) == before


def test_rename_of_a_missing_entity_is_refused(library):
    with pytest.raises(KeyError):
        entity_edits.rename(library, 999, "x")
