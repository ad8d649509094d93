"""Undo of split and rename puts back exactly the previous rows; redo re-applies the same."""

from __future__ import annotations

from briefbook.core.facts import Fact
from briefbook.gui.commands.undo_commands import RenameEntity, SplitEntity, push
from briefbook.store import entities as ent
from briefbook.store.facts import save_extracted


def _dump(lib) -> dict:
    return {
        "entities": [tuple(r) for r in lib.query("SELECT * FROM entities ORDER BY id")],
        "aliases": [tuple(r) for r in lib.query("SELECT * FROM aliases ORDER BY id")],
        "links": [tuple(r) for r in lib.query("SELECT rowid, * FROM fact_entities ORDER BY rowid")],
        "proposals": [tuple(r) for r in lib.query("SELECT * FROM entity_merge_proposals ORDER BY id")],
        "annotations": [tuple(r) for r in lib.query("SELECT * FROM annotations ORDER BY id")],
    }


def _library_with_a_mixed_entity(window):
    """One 'person' entity that wrongly holds two people: 高燕 / Gao Yan and 高岩."""
    window.importer.import_text("高燕会见了客人。高岩也出席了会议。\n\nGao Yan sprach.")
    lib = window.ctx.lib
    aid = lib.scalar("SELECT id FROM articles")
    text = lib.scalar("SELECT text FROM articles WHERE id = ?", (aid,))
    facts = [Fact("person", text.index(n), text.index(n) + len(n), n, {"name": n}, 0.9) for n in ("高燕", "高岩", "Gao Yan")]
    save_extracted(lib, aid, facts, "test")
    eid = ent.create_entity(lib, "person", "高燕", aliases=[("Gao Yan", "de"), ("高岩", None)])
    for fid, conf in lib.query("SELECT id, confidence FROM facts ORDER BY id"):
        ent.link_fact(lib, fid, eid, confidence=conf, status="proposed")
    other = ent.create_entity(lib, "person", "Someone Else")
    ent.propose_merge(lib, eid, other, 0.5, "test")
    window.entities.reload()
    return lib, eid


def test_split_undo_restores_exactly_and_redo_reapplies(make_window, library_path):
    window = make_window(library_path)
    lib, eid = _library_with_a_mixed_entity(window)
    before = _dump(lib)
    gao_yan_2 = lib.scalar("SELECT id FROM aliases WHERE name = '高岩'")
    command = SplitEntity(window.ctx, eid, [gao_yan_2])
    assert push(window.ctx, command) is None
    after = _dump(lib)
    new_id = command.new_id
    assert [r[0] for r in lib.query("SELECT name FROM aliases WHERE entity_id = ?", (new_id,))] == ["高岩"]
    assert lib.scalar("SELECT count(*) FROM fact_entities WHERE entity_id = ?", (new_id,)) == 1
    window.undo_action.trigger()
    assert _dump(lib) == before
    window.redo_action.trigger()
    assert _dump(lib) == after
    window.undo_action.trigger()
    assert _dump(lib) == before


def test_rename_undo_removes_only_the_alias_it_added(make_window, library_path):
    window = make_window(library_path)
    lib, eid = _library_with_a_mixed_entity(window)
    before = _dump(lib)
    assert push(window.ctx, RenameEntity(window.ctx, eid, "Gao Yan (CCPIT)")) is None
    assert "Gao Yan (CCPIT)" in [a["name"] for a in ent.get_entity(lib, eid).aliases]
    window.undo_action.trigger()
    assert _dump(lib) == before  # name back, the added alias gone
    window.redo_action.trigger()
    assert ent.get_entity(lib, eid).name == "Gao Yan (CCPIT)"
    window.undo_action.trigger()
    assert _dump(lib) == before
    # renaming to a name it already had keeps that alias on undo
    assert push(window.ctx, RenameEntity(window.ctx, eid, "Gao Yan")) is None
    window.undo_action.trigger()
    assert _dump(lib) == before
    assert "Gao Yan" in [a["name"] for a in ent.get_entity(lib, eid).aliases]
