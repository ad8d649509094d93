"""What keeps the window responsive on a large library: totals and whole-library counts
arrive from the query thread, slow pages move there, bulk review is set-based (and runs
on the worker when large) with an exact undo, and the text filter waits for a pause."""

from __future__ import annotations

import sqlite3
import threading

from briefbook.gui.models import fact_model
from briefbook.gui.runtime.queries import ManualQueries, QueryRunner
from briefbook.gui.views import review_queue
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


def _manual_queries(window) -> ManualQueries:
    """Hold every background query of the window's views until run_all()."""
    manual = ManualQueries(window.ctx.lib)
    window.ctx.queries = manual
    window.review.view.model.queries = manual
    window.library.model.queries = manual
    return manual


def test_review_total_arrives_asynchronously(make_window, library_path, monkeypatch):
    window = _seeded(make_window, library_path)
    queue, view = window.review, window.review.view
    model = view.model
    manual = _manual_queries(window)
    monkeypatch.setattr(fact_model.FactModel, "page_size", 2)  # a page smaller than the result: the total must be counted
    queue.status_box.setCurrentIndex(queue.status_box.findData(()))
    expected = views.count_facts(window.ctx.lib, model.filter)
    assert expected > 2
    # the first page is shown at once, the total is not known yet
    assert model.rowCount() == 2 and not model.total_known
    assert "≥ 2 shown" in view.counts.text()
    assert view.current_fact_id() is not None
    manual.run_all()
    assert model.total_known and model.total == expected
    assert f"({expected} shown)" in view.counts.text()
    assert "Proposed" in view.counts.text()
    # a filter change before the count arrives: only the latest count is ever shown
    queue.kind_box.setCurrentIndex(queue.kind_box.findData("person"))
    queue.kind_box.setCurrentIndex(queue.kind_box.findData("amount"))
    manual.run_all()
    assert model.total == views.count_facts(window.ctx.lib, model.filter)


def test_a_slow_first_page_moves_to_the_background(make_window, library_path, monkeypatch):
    window = _seeded(make_window, library_path)
    view = window.review.view
    model = view.model
    manual = _manual_queries(window)
    monkeypatch.setattr(fact_model.FactModel, "_bounded", lambda self, read: None)  # every page "too slow"
    window.review.status_box.setCurrentIndex(window.review.status_box.findData(()))
    assert model.loading and model.rowCount() == 0
    assert "searching" in view.counts.text()
    manual.run_all()
    assert not model.loading and model.rowCount() == views.count_facts(window.ctx.lib, model.filter)
    assert model.total_known and view.current_row() == 0
    # a full page: the count follows the page, and arrives too
    monkeypatch.setattr(fact_model.FactModel, "page_size", 2)
    window.review.kind_box.setCurrentIndex(window.review.kind_box.findData("person"))
    window.review.kind_box.setCurrentIndex(0)
    assert model.loading
    manual.run_all()
    assert model.rowCount() == 2 and model.total_known
    assert model.total == views.count_facts(window.ctx.lib, model.filter) > 2


def test_bulk_undo_restores_exact_statuses_of_a_mixed_selection(make_window, library_path):
    window = _seeded(make_window, library_path)
    lib = window.ctx.lib
    ids = views.fact_ids(lib, views.FactFilter())
    assert len(ids) >= 4
    before = {"accepted": ids[0:1], "rejected": ids[1:3]}  # the rest stay proposed
    for status, chosen in before.items():
        assert views.set_fact_statuses(lib, chosen, status) == {"proposed": chosen}
    expected = {i: get_fact(lib, i).status for i in ids}
    queue = window.review
    queue.status_box.setCurrentIndex(queue.status_box.findData(()))
    assert queue.bulk("rejected", confirm=False) == len(ids)
    assert {get_fact(lib, i).status for i in ids} == {"rejected"}
    window.undo_action.trigger()
    assert {i: get_fact(lib, i).status for i in ids} == expected
    window.ctx.undo.redo()
    assert {get_fact(lib, i).status for i in ids} == {"rejected"}


def test_large_bulk_runs_as_a_job_and_undoes_exactly(make_window, library_path, monkeypatch):
    window = _seeded(make_window, library_path)
    lib = window.ctx.lib
    monkeypatch.setattr(review_queue, "BULK_AT_ONCE", 1)  # every bulk goes through the executor
    monkeypatch.setattr(views, "STATUS_CHUNK", 3)  # and is written in several chunks
    ids = views.fact_ids(lib, views.FactFilter())
    views.set_fact_statuses(lib, ids[:2], "accepted")
    views.set_fact_statuses(lib, ids[2:3], "rejected")
    expected = {i: get_fact(lib, i).status for i in ids}
    jobs = []
    submit = window.ctx.executor.submit
    monkeypatch.setattr(window.ctx.executor, "submit", lambda name, job, **kw: (jobs.append(name), submit(name, job, **kw))[1])
    queue = window.review
    queue.status_box.setCurrentIndex(queue.status_box.findData(()))
    n = queue.bulk("accepted", confirm=False)
    assert n == len(ids) and len(jobs) == 1
    assert {get_fact(lib, i).status for i in ids} == {"accepted"}
    assert {r["status"] for r in queue.view.model.rows} == {"accepted"}  # the view refreshed after the job
    window.undo_action.trigger()
    assert len(jobs) == 2
    assert {i: get_fact(lib, i).status for i in ids} == expected
    assert [r["status"] for r in queue.view.model.rows] == [expected[r["id"]] for r in queue.view.model.rows]


def test_text_filter_waits_for_a_pause(make_window, library_path, qtbot):
    window = _seeded(make_window, library_path)
    queue = window.review
    calls = []
    original = queue.view.set_filter
    queue.view.set_filter = lambda flt: (calls.append(flt.text), original(flt))
    queue.text_filter.setText("a")
    queue.text_filter.setText("ab")
    assert calls == []  # nothing while typing
    qtbot.waitUntil(lambda: calls == ["ab"], timeout=2000)
    queue.text_filter.setText("")  # clearing applies at once
    assert calls == ["ab", ""]


def test_query_runner_delivers_only_the_latest_answer(library_path, qtbot):
    from briefbook.store.db import open_library

    open_library(library_path).close()
    runner = QueryRunner(library_path)
    got, interrupted = [], []
    running = threading.Event()
    try:
        def slow(lib):
            # ``running`` is set from inside the statement, so the newer question below
            # comes while it runs (never before it starts or between two statements); it
            # would take minutes unless the runner interrupts it.
            lib.conn.create_function("running", 0, lambda: running.set() or 1)
            try:
                lib.conn.execute("SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT running() UNION ALL "
                                 "SELECT x + 1 FROM c WHERE x < 1000000000) SELECT x FROM c)").fetchone()
            except sqlite3.OperationalError as err:
                interrupted.append(str(err))
                raise
            return "old"

        runner.submit("k", slow, got.append)
        assert running.wait(10)
        runner.submit("k", lambda lib: lib.scalar("SELECT 41 + 1"), got.append)
        runner.submit("other", lambda lib: "other", got.append)
        qtbot.waitUntil(lambda: runner.idle, timeout=10000)
        assert sorted(got, key=str) == [42, "other"]
        assert interrupted == ["interrupted"]
    finally:
        runner.shutdown()
