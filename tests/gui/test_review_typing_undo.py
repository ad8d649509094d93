"""The review queue fills after an import's extraction; letters typed into a fact
list are not review commands; an undo selects and shows the fact it undid."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.gui.runtime.settings import EXTRACT_AFTER_IMPORT
from briefbook.store import views
from briefbook.store.facts import get_fact

from .conftest import SEEDS, add_facts


def _seeded(make_window, library_path):
    window = make_window(library_path)
    window.importer.import_paths([str(SEEDS)])
    lib = window.ctx.lib
    for (aid,) in lib.query("SELECT id FROM articles ORDER BY id"):
        add_facts(lib, aid)
    window.ctx.events.facts_changed.emit([])
    window.review.reload()
    return window


def test_review_queue_shows_the_facts_an_import_extracted(make_window, library_path, settings):
    settings.set(EXTRACT_AFTER_IMPORT, True)
    window = make_window(library_path)
    queue = window.review.view
    assert queue.model.rowCount() == 0  # a new library: nothing to review yet
    window.importer.import_paths([str(SEEDS / "001_d130a965e8ac6871.txt")])
    proposed = views.fact_counts(window.ctx.lib)["proposed"]
    assert proposed > 0
    assert queue.model.rowCount() == min(proposed, queue.model.page_size)
    if proposed <= queue.model.page_size:
        assert f"({proposed} shown)" in queue.counts.text()


def test_typing_a_word_into_the_fact_list_reviews_nothing(make_window, library_path, qtbot):
    window = _seeded(make_window, library_path)
    lib = window.ctx.lib
    view = window.review.view
    view.table.setFocus()
    view.set_current_row(0)
    before = views.fact_counts(lib)
    qtbot.keyClicks(view.table, "Hatoyama")
    assert views.fact_counts(lib) == before
    assert "Typing" in view.last_message
    qtbot.keyClicks(view.table, "Abe")  # still typing: the A of a second word does not accept either
    assert views.fact_counts(lib) == before
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # an arrow ends the typing; A is a review key again
    current = view.current_fact_id()
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    assert get_fact(lib, current).status == "accepted"
    assert "Accepted 1 fact" in view.last_message and "Ctrl+Z" in view.last_message
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all, not accept
    assert views.fact_counts(lib)["accepted"] == 1


def test_undo_selects_and_shows_the_fact_it_undid(make_window, library_path, qtbot):
    window = _seeded(make_window, library_path)
    lib = window.ctx.lib
    window.tabs.setCurrentWidget(window.knowledge_review)
    window.knowledge_review.show_mentions()  # the mention-level queue
    view = window.review.view
    view.table.setFocus()
    view.set_current_row(0)
    first = view.current_fact_id()
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    assert view.current_fact_id() != first
    window.undo_action.trigger()
    assert get_fact(lib, first).status == "proposed"
    assert view.current_fact_id() == first

    # in the library tab: the fact's article opens with the fact selected in list and text
    second = views.fact_ids(lib, views.FactFilter(statuses=("proposed",)))[-1]
    fact = views.fact_row(lib, second)
    window.show_fact(second, fact["article_id"])
    qtbot.keyClick(window.facts.table, Qt.Key.Key_A)
    other = views.fact_ids(lib, views.FactFilter(statuses=("proposed",)))[0]
    window.show_fact(other, views.fact_row(lib, other)["article_id"])
    assert window.facts.current_fact_id() != second
    window.undo_action.trigger()
    assert window.article_id == fact["article_id"] and window.facts.current_fact_id() == second
    assert window.reader.selected_fact == second


def test_an_import_reads_and_extracts_in_one_pool_of_workers_and_reports_before_extracting(
        make_window, library_path, settings, monkeypatch):
    from briefbook.services import extraction, importing, pool

    settings.set(EXTRACT_AFTER_IMPORT, True)
    # the five seeds are few: make both steps use workers, as a large import does
    monkeypatch.setattr(importing, "_PARALLEL_FROM", 1)
    monkeypatch.setattr(extraction, "PARALLEL_FROM", 1)
    spawned = []
    real_spawn = pool.spawn_pool
    monkeypatch.setattr(pool, "spawn_pool", lambda workers: spawned.append(workers) or real_spawn(workers))
    window = make_window(library_path)
    order = []
    window.importer.report_ready.connect(lambda report: order.append(("report", len(report.imported))))
    window.importer.extraction_done.connect(lambda n: order.append(("extracted", n)))
    window.importer.import_paths([str(SEEDS)])
    assert order == [("report", 5), ("extracted", 5)]
    assert len(spawned) == 1  # reading and extracting shared the workers
    assert views.fact_counts(window.ctx.lib)["proposed"] > 0
