"""Bulk review, the validating editor, deleting with undo, lazy fetching."""

from __future__ import annotations

from briefbook.core.facts import Fact
from briefbook.gui.commands.undo_commands import AddFact, DeleteArticle, push
from briefbook.gui.dialogs.fact_editor import FactEditor
from briefbook.gui.models import fact_model, library_model
from briefbook.store import notes, views
from briefbook.store.facts import get_fact

from .conftest import SEEDS, add_facts


def _seeded(make_window, library_path):
    window = make_window(library_path)
    window.importer.import_paths([str(SEEDS)])
    lib = window.ctx.lib
    ids = {}
    for (aid,) in lib.query("SELECT id FROM articles ORDER BY id"):
        ids[aid] = add_facts(lib, aid)
    window.ctx.events.facts_changed.emit([])
    window.review.reload()
    return window, ids


def test_bulk_accept_by_kind_and_confidence_then_undo(make_window, library_path):
    window, ids = _seeded(make_window, library_path)
    lib = window.ctx.lib
    queue = window.review
    queue.kind_box.setCurrentIndex(queue.kind_box.findData("person"))
    queue.min_conf.setValue(0.85)
    n = queue.bulk("accepted", confirm=False)
    assert n >= 1
    assert views.fact_counts(lib)["accepted"] == n
    assert all(get_fact(lib, i).confidence >= 0.85 for i in views.fact_ids(lib, views.FactFilter(statuses=("accepted",))))
    window.undo_action.trigger()
    assert views.fact_counts(lib)["accepted"] == 0


def test_review_queue_keys_and_selection(make_window, library_path, qtbot):
    from PySide6.QtCore import Qt

    window, ids = _seeded(make_window, library_path)
    view = window.review.view
    total = view.model.total
    assert total > 3
    view.table.setFocus()
    view.set_current_row(0)
    first = view.current_fact_id()
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    assert get_fact(window.ctx.lib, first).status == "accepted"
    # two rows selected: R rejects both in one undo step
    view.table.selectRow(1)
    view.table.selectionModel().select(view.model.index(2, 0), view.table.selectionModel().SelectionFlag.Select
                                       | view.table.selectionModel().SelectionFlag.Rows)
    picked = view.selected_fact_ids()
    assert len(picked) == 2
    qtbot.keyClick(view.table, Qt.Key.Key_R)
    assert {get_fact(window.ctx.lib, i).status for i in picked} == {"rejected"}
    window.undo_action.trigger()
    assert {get_fact(window.ctx.lib, i).status for i in picked} == {"proposed"}
    assert "Accepted 1" in view.counts.text()


def test_editor_validates_per_kind(qapp):
    text = "贸易额达76.43亿美元。"
    start = text.index("76.43")
    editor = FactEditor(text, start, start + 8, "amount", {})
    assert not editor.validate()
    editor.set_field("value", "7643000000")
    editor.set_field("currency", "usd")
    assert editor.validate()
    assert editor.value() == {"value": 7643000000, "currency": "USD"}
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("date"))
    editor.set_field("iso", "2020-13-40")
    assert not editor.validate()
    editor.set_field("iso", "2020-07-30")
    assert editor.validate()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("person"))
    editor.set_field("name", "")
    assert any("name" in p for p in editor.problems_list())


def test_add_fact_and_delete_article_are_undoable(make_window, library_path):
    window, ids = _seeded(make_window, library_path)
    lib = window.ctx.lib
    aid = next(iter(ids))
    text = lib.scalar("SELECT text FROM articles WHERE id = ?", (aid,))
    assert push(window.ctx, AddFact(window.ctx, aid, Fact("place", 0, 2, text[:2], {"name": text[:2]}))) is None
    added = lib.scalar("SELECT id FROM facts WHERE origin = 'user'")
    window.undo_action.trigger()
    assert get_fact(lib, added) is None
    window.redo_action.trigger()
    assert get_fact(lib, added) is not None

    notes.add_annotation(lib, notes.Annotation(None, article_id=aid, start=0, end=2, note="keep me"))
    notes.tag_article(lib, aid, "Tokyo")
    before = views.count_facts(lib, views.FactFilter(article_id=aid))
    push(window.ctx, DeleteArticle(window.ctx, aid))
    assert lib.scalar("SELECT count(*) FROM articles WHERE id = ?", (aid,)) == 0
    window.undo_action.trigger()
    assert views.count_facts(lib, views.FactFilter(article_id=aid)) == before
    assert [a.note for a in notes.annotations_for_article(lib, aid)] == ["keep me"]
    assert views.count_articles(lib, views.ArticleFilter(query="Tokyo")) == 1  # search index restored


def test_library_and_fact_tables_fetch_lazily(make_window, library_path, monkeypatch):
    window, ids = _seeded(make_window, library_path)
    monkeypatch.setattr(library_model.LibraryModel, "page_size", 2)
    monkeypatch.setattr(fact_model.FactModel, "page_size", 3)
    model = window.library.model
    model.reload()
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    facts = window.review.view.model
    facts.reload()
    assert facts.rowCount() == 3
    while facts.canFetchMore():
        facts.fetchMore()
    assert facts.rowCount() == facts.total == views.count_facts(window.ctx.lib, facts.filter)
    assert len({r["id"] for r in facts.rows}) == facts.total


def test_filters(make_window, library_path):
    window, ids = _seeded(make_window, library_path)
    panel = window.library
    panel.lang_box.setCurrentIndex(panel.lang_box.findData("de"))
    assert panel.model.total == 1
    panel.lang_box.setCurrentIndex(0)
    panel.date_from.setText("2024-01-01")
    panel.apply_filter()
    assert [r["published"][:4] for r in panel.model.rows] == ["2024"]
    panel.date_from.clear()
    panel.apply_filter()
    window.review.bulk("accepted", confirm=False)
    panel.unreviewed.setChecked(True)
    assert panel.model.total == 0
