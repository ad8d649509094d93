"""The desk officer's day, driven through the real widgets: import the seeds, search
高燕, open the article, review facts by key, undo, merge two entities, annotate, and
find everything again after a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.store import entities as ent
from briefbook.store import notes
from briefbook.store.facts import get_fact

from .conftest import SEEDS, add_facts, close


def _status(window, fact_id):
    return get_fact(window.ctx.lib, fact_id).status


def test_import_search_review_merge_annotate_restart(make_window, library_path, qtbot):
    window = make_window(library_path)
    lib = window.ctx.lib

    # -- import the seeds ---------------------------------------------------------------
    window.importer.import_paths([str(SEEDS)])
    report = window.importer.last_report
    assert report is not None and len(report.imported) == 5, report.summary()
    assert window.library.model.total == 5

    # -- search 高燕 -----------------------------------------------------------------------
    window.library.search.setText("高燕")
    window.library.apply_filter()
    model = window.library.model
    assert model.rowCount() == 1
    snippet, spans = model.data(model.index(0, 0), model_snippet_role())
    assert spans and snippet[spans[0][0]:spans[0][1]] == "高燕"
    article_id = model.article_id(0)

    # -- facts for it (independent of the extractor), then open the article ---------------------
    fact_ids = add_facts(lib, article_id)
    assert len(fact_ids) >= 3
    window.library.select_row(0)
    assert window.article_id == article_id
    assert "高燕" in window.reader.text.toPlainText()
    assert window.facts.model.rowCount() == len(fact_ids)

    # -- review by key: A accepts and moves on, R rejects, K goes back, J forward ------------------
    table = window.facts.table
    table.setFocus()
    window.facts.set_current_row(0)
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert _status(window, fact_ids[0]) == "accepted"
    assert window.facts.current_fact_id() == fact_ids[1]
    qtbot.keyClick(table, Qt.Key.Key_R)
    assert _status(window, fact_ids[1]) == "rejected"
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert window.facts.current_fact_id() == fact_ids[1]
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert window.facts.current_fact_id() == fact_ids[2]
    assert "Accepted 1" in window.facts.counts.text() and "Rejected 1" in window.facts.counts.text()
    assert "1 accepted" in window.counts_label.text()

    # -- undo the rejection (Ctrl+Z), redo (Ctrl+Shift+Z), undo again --------------------------------
    window.undo_action.trigger()
    assert _status(window, fact_ids[1]) == "proposed"
    window.redo_action.trigger()
    assert _status(window, fact_ids[1]) == "rejected"
    window.undo_action.trigger()
    assert _status(window, fact_ids[1]) == "proposed"

    # -- space jumps to the span in the reader ---------------------------------------------------
    window.facts.set_current_row(0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    cursor = window.reader.text.textCursor()
    assert window.reader.selected_fact == fact_ids[0]
    assert cursor.position() == window.reader.offsets.to_utf16(get_fact(lib, fact_ids[0]).start)

    # -- merge two entities ---------------------------------------------------------------------
    gao = ent.create_entity(lib, "person", "高燕")
    gao_latin = ent.create_entity(lib, "person", "Gao Yan")
    ent.link_fact(lib, fact_ids[0], gao)
    window.ctx.events.entities_changed.emit()
    window.tabs.setCurrentIndex(2)
    assert window.entities.list.rowCount() >= 2
    assert window.entities.merge(gao, gao_latin)
    merged = ent.get_entity(lib, gao)
    assert {a["name"] for a in merged.aliases} >= {"高燕", "Gao Yan"}
    assert window.entities.aliases.rowCount() == 2
    window.undo_action.trigger()
    assert {a["name"] for a in ent.get_entity(lib, gao).aliases} == {"高燕"}
    window.redo_action.trigger()
    assert {a["name"] for a in ent.get_entity(lib, gao).aliases} == {"高燕", "Gao Yan"}

    # -- annotate: select a span in the reader and highlight it with a note ---------------------------
    window.tabs.setCurrentIndex(0)
    text = window.reader.article.text
    start = text.find("刘家义")
    window.reader.select_span(start, start + 3)
    assert window.reader.highlight_action.isEnabled()
    window.reader.highlight_action.trigger()
    window.highlight(start, start + 3, "Party secretary of Shandong in 2020")
    anns = notes.annotations_for_article(lib, article_id)
    assert [a.quote for a in anns] == ["刘家义", "刘家义"]
    assert window.notes.table.rowCount() == 2
    window.notes.add_tag("Shandong trip")
    assert notes.article_tags(lib, article_id) == ["Shandong trip"]

    # -- restart on the same library: everything is still there --------------------------------------
    close(window)
    window = make_window(library_path)
    lib = window.ctx.lib
    assert window.library.model.total == 5
    assert _status(window, fact_ids[0]) == "accepted"
    assert _status(window, fact_ids[1]) == "proposed"
    assert ent.get_entity(lib, gao_latin) is not None
    assert lib.scalar("SELECT merged_into FROM entities WHERE id = ?", (gao_latin,)) == gao
    assert any(a.note == "Party secretary of Shandong in 2020" for a in notes.annotations_for_article(lib, article_id))
    window.library.search.setText("Shandong trip")  # tags and notes are searchable
    window.library.apply_filter()
    assert window.library.model.article_id(0) == article_id
    window.library.search.setText("高燕")
    window.library.apply_filter()
    assert window.library.model.rowCount() == 1


def model_snippet_role():
    from briefbook.gui.models.library_model import SnippetRole

    return SnippetRole
