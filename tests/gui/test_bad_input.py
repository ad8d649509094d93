"""Unsupported files, a library in use, too new, or damaged; first run."""

from __future__ import annotations

import os
import shutil
import sqlite3

from briefbook.gui.runtime.library_files import newest_backup
from briefbook.store.backup import list_backups, make_backup
from briefbook.store.db import open_library

from .conftest import ScriptedPrompts


def test_dropped_unsupported_file_is_reported_with_a_reason(make_window, library_path, tmp_path):
    window = make_window(library_path)
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG....")
    good = tmp_path / "note.txt"
    good.write_text("Die Delegation aus Qingdao besuchte am 3. März 2024 die JETRO in Tokio.", encoding="utf-8")
    window.importer.import_paths([str(bad), str(good)])
    report = window.importer.last_report
    failed = report.failures
    assert len(failed) == 1 and "unsupported" in failed[0].reason
    assert len(report.imported) == 1


def test_paste_as_new_article(make_window, library_path, qapp):
    window = make_window(library_path)
    qapp.clipboard().setText("青岛市贸促会代表团访问东京。\n\n代表团会见了日本贸易振兴机构负责人。")
    window.paste_article()
    assert window.library.model.total == 1


def test_library_in_use(make_window, library_path):
    holder = open_library(library_path)  # another Briefbook has it open
    try:
        prompts = ScriptedPrompts()
        assert make_window(library_path, prompts) is None
        assert "already open" in prompts.errors[0][1]
    finally:
        holder.close()


def test_library_too_new(make_window, library_path):
    open_library(library_path).close()
    con = sqlite3.connect(library_path)
    con.execute("UPDATE schema_version SET version = 99")
    con.commit()
    con.close()
    prompts = ScriptedPrompts()
    assert make_window(library_path, prompts) is None
    assert "newer Briefbook" in prompts.errors[0][1]


def test_corrupt_library_offers_the_newest_backup(make_window, library_path):
    lib = open_library(library_path)
    lib.close()
    old = library_path.with_name(library_path.name + ".v1-20261120-101010.bak")  # a migration backup
    shutil.copy(library_path, old)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    lib = open_library(library_path)
    newest = make_backup(lib.conn, library_path, "daily")
    lib.close()
    library_path.write_bytes(b"this is not a database" * 100)
    assert newest_backup(library_path) == newest == list_backups(library_path)[0]
    prompts = ScriptedPrompts(confirm=True)
    window = make_window(library_path, prompts)
    assert window is not None
    assert newest.name in prompts.questions[0][1]
    kept = list(library_path.parent.glob(library_path.name + ".damaged-*"))
    assert kept and kept[0].read_bytes().startswith(b"this is not a database")  # kept, not deleted
    assert kept[0] not in list_backups(library_path), "a damaged file is never offered as a backup"
    assert str(kept[0]) in prompts.infos[0][1]  # and the user is told where


def test_corrupt_library_without_backup_explains(make_window, library_path):
    library_path.write_bytes(b"garbage" * 100)
    prompts = ScriptedPrompts()
    assert make_window(library_path, prompts) is None
    assert "No automatic backup" in prompts.errors[0][1]


def test_first_run_builds_the_demo_library(make_window, tmp_path, monkeypatch, settings, qtbot):
    from briefbook.gui import app
    from briefbook.gui.runtime.settings import WELCOME_SHOWN

    target = tmp_path / "fresh" / "library.briefbook"
    monkeypatch.setenv("BRIEFBOOK_LIBRARY", str(target))
    settings.set(WELCOME_SHOWN, False)
    window = app.build_window(None, True, settings, prompts=ScriptedPrompts(), show_dialogs=True)
    try:
        # the window is there at once, on the new library, while the demo fills in behind it
        assert target.exists()
        assert window.welcome is not None and "What to do next" in window.welcome.findChild(
            type(window.counts_label)).text()
        assert window.progress.handle is not None and window.progress.label.text() == "Building the demo library"
        with qtbot.waitSignal(window.importer.demo_ready, timeout=120_000):
            pass
        qtbot.waitUntil(lambda: window.library.model.total == 5 and window.article_id is not None, timeout=10_000)
        assert window.book.trips.count() == 1 and window.book.books.count() == 1
        qtbot.waitUntil(window.progress.isHidden, timeout=10_000)  # the job's end follows its result
    finally:
        window.ctx.executor.shutdown()
        window.close()
        window.ctx.lib.close()


def test_first_run_demo_can_be_cancelled(tmp_path, monkeypatch, settings, qtbot):
    """Cancel while the demo is built: the window stays on the library, with what was stored."""
    from briefbook.gui import app
    from briefbook.gui.runtime.tasks import SyncExecutor
    from briefbook.store.articles import article_ids

    target = tmp_path / "fresh" / "library.briefbook"
    monkeypatch.setenv("BRIEFBOOK_LIBRARY", str(target))
    executor = SyncExecutor()
    submitted = []
    real_submit = executor.submit

    def submit(title, job, **kw):  # the user presses Cancel before the job gets going
        if title == "Building the demo library":
            submitted.append(title)

            def cancelled_job(progress, cancel):
                cancel.cancel()
                return job(progress, cancel)
            return real_submit(title, cancelled_job, **kw)
        return real_submit(title, job, **kw)

    executor.submit = submit
    window = app.build_window(None, True, settings, executor, prompts=ScriptedPrompts(), show_dialogs=False)
    try:
        assert submitted == ["Building the demo library"]
        assert window.ctx.lib.raw.conn is not None and target.exists()
        assert article_ids(window.ctx.lib) == [] and window.book.trips.count() == 0
    finally:
        window.close()
        window.ctx.lib.close()


def test_damage_found_after_the_window_opened_is_reported(make_window, tmp_path, seeds):
    """A cleanly closed library is quick-checked in the background, not before the window;
    damage found there is reported with the way back (restore)."""
    from briefbook.services.importing import import_paths

    library = tmp_path / "lib.briefbook"
    lib = open_library(library)
    import_paths(lib, sorted(seeds.glob("*.txt")))
    lib.close()
    con = sqlite3.connect(library)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'articles' ORDER BY pageno")]
    con.close()
    with open(library, "r+b") as fh:  # a bad sector in the middle of the articles
        fh.seek((pages[len(pages) // 2] - 1) * size)
        fh.write(b"\xa5" * size)
    prompts = ScriptedPrompts(confirm=False)
    window = make_window(library, prompts)
    assert window is not None
    assert [title for title, _text in prompts.questions] == ["Library damaged"]
    assert "restore the newest sound backup" in prompts.questions[0][1]

    sound = tmp_path / "sound.briefbook"
    lib = open_library(sound)
    import_paths(lib, sorted(seeds.glob("*.txt"))[:1])
    lib.close()
    prompts = ScriptedPrompts()
    assert make_window(sound, prompts) is not None and prompts.questions == []


def test_first_run_demo_book_is_in_the_ui_language(tmp_path, monkeypatch, settings, qtbot):
    from briefbook.gui import app
    from briefbook.gui.runtime import i18n
    from briefbook.gui.runtime.tasks import SyncExecutor
    from briefbook.store import books as book_store

    monkeypatch.setenv("BRIEFBOOK_LIBRARY", str(tmp_path / "fresh.briefbook"))
    i18n.install("de")
    try:
        window = app.build_window(None, True, settings, SyncExecutor(), prompts=ScriptedPrompts(), show_dialogs=False)
    finally:
        i18n.install("en")
    try:
        assert [b["locale"] for b in book_store.list_books(window.ctx.lib)] == ["de"]
        from briefbook.services import demo_book

        title = book_store.list_trips(window.ctx.lib)[0].title
        assert title == demo_book._pick(demo_book._TEXT["title"], "de") != demo_book._pick(demo_book._TEXT["title"], "en")
    finally:
        window.close()
        window.ctx.lib.close()
