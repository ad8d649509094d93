"""File menu: daily backup at open, back up now, restore from a backup, open / new /
recent libraries, and clear messages for a library in use, too new or damaged."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMenu

from briefbook.gui.dialogs import library_actions
from briefbook.gui.runtime import library_files
from briefbook.store.backup import list_backups, unpack_backup
from briefbook.store.db import open_library

from .conftest import ScriptedPrompts, close


def _count(window) -> int:
    return window.ctx.lib.scalar("SELECT count(*) FROM articles")


def test_daily_backup_when_the_app_opens_the_library(make_window, library_path):
    open_library(library_path).close()
    assert list_backups(library_path) == []
    window = make_window(library_path)
    assert window is not None
    assert [p.name for p in list_backups(library_path) if "_daily" in p.name]


def test_back_up_now_then_restore_reopens_and_says_where_the_old_state_is(make_window, library_path):
    prompts = ScriptedPrompts()
    window = make_window(library_path, prompts)
    window.importer.import_text("Erster Artikel über die Delegation aus Qingdao in Tokio.")
    backup = library_actions.back_up_now(window)
    assert backup is not None and backup in list_backups(library_path)
    window.importer.import_text("Zweiter Artikel: JETRO und Yantai unterzeichnen eine Vereinbarung.")
    assert _count(window) == 2

    dialog = library_actions.RestoreDialog(window)
    assert dialog.table.rowCount() == len(list_backups(library_path))
    row = dialog.backups.index(backup)
    assert dialog.table.item(row, 0).text() == library_files.backup_time(backup)
    assert dialog.table.item(row, 2).text().endswith("KB")
    assert dialog.table.item(row, 1).text() == "made by you"
    dialog.close()

    new = library_actions.restore(window, backup, confirm=False)
    try:
        assert new is not None and new is not window
        assert window.ctx.lib.raw.conn is None  # the old window let go of the file
        assert _count(new) == 1
        title, text = prompts.infos[-1]
        kept = [p for p in list_backups(library_path) if "before-restore" in p.name]
        assert kept and str(kept[0]) in text
        unpacked = library_path.with_name("kept.sqlite")
        unpack_backup(kept[0], unpacked)
        with sqlite3.connect(unpacked) as con:  # the state before the restore is really there
            assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    finally:
        close(new)


def test_open_new_and_recent_libraries(make_window, library_path, tmp_path, settings):
    window = make_window(library_path)
    other = tmp_path / "other.briefbook"
    lib = open_library(other)
    lib.conn.execute("CREATE TABLE IF NOT EXISTS marker (x)")
    lib.close()
    second = library_actions.open_library(window, str(other))
    assert second is not None and second.ctx.lib.path == other
    fresh = tmp_path / "fresh"
    third = library_actions.new_library(second, str(fresh))
    try:
        assert third is not None and third.ctx.lib.path == fresh.with_suffix(".briefbook")
        assert _count(third) == 0
        recent = library_files.recent_libraries(settings)
        assert recent[:3] == [str(p.resolve()) for p in (fresh.with_suffix(".briefbook"), other, library_path)]
        other.unlink()
        menu = QMenu()
        library_actions.fill_recent_menu(menu, third)
        texts = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
        assert any("(open)" in t and not on for t, on in texts.items())
        assert any("other.briefbook" in t and "(missing)" in t and not on for t, on in texts.items())
        assert any(library_path.name in t and on for t, on in texts.items())
        prompts = ScriptedPrompts()
        third.prompts = prompts
        assert library_actions.new_library(third, str(fresh.with_suffix(".briefbook"))) is None
        assert "exists already" in prompts.errors[-1][1]
    finally:
        close(third)


def test_open_refuses_a_busy_or_too_new_library_and_keeps_the_current_one(make_window, library_path, tmp_path):
    prompts = ScriptedPrompts()
    window = make_window(library_path, prompts)
    busy = tmp_path / "busy.briefbook"
    holder = open_library(busy)  # another Briefbook has it open
    try:
        assert library_actions.open_library(window, str(busy)) is None
    finally:
        holder.close()
    assert "already open in another Briefbook" in prompts.errors[-1][1]
    assert window.ctx.lib.raw.conn is not None  # still working on the current library
    newer = tmp_path / "newer.briefbook"
    open_library(newer).close()
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE schema_version SET version = 99")
    assert library_actions.open_library(window, str(newer)) is None
    assert prompts.errors[-1][0] == "Library from a newer Briefbook"
    assert "update Briefbook" in prompts.errors[-1][1]
    damaged = tmp_path / "damaged.briefbook"
    damaged.write_bytes(b"not a library" * 50)
    assert library_actions.open_library(window, str(damaged)) is None
    assert "damaged" in prompts.errors[-1][1] and "No automatic backup" in prompts.errors[-1][1]
    assert window.ctx.lib.scalar("SELECT count(*) FROM articles") == 0
