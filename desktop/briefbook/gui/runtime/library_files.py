"""Opening a library for the GUI and the recent-libraries list.

Both app.py (start, switching the main window) and library_actions.py (the File
menu) use these, so they live below both: library_actions never imports app.py,
and the main window asks for a switch through the callback app.py gives it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6 import QtWidgets  # the dialogs' classes, made by PySide6 when first used
from PySide6.QtWidgets import QApplication

from ...store.backup import BackupPolicy, backup_folder, newest_sound_backup, restore_backup
from ...store.db import open_library
from ...store.errors import LibraryBusy, LibraryCorrupt, LibraryError, LibraryTooNew
from .i18n import _
from .settings import RECENT_LIBRARIES, Settings

RECENT_MAX = 8


class Prompts:
    """Questions and messages at start-up; tests replace it with a scripted one."""

    def error(self, title: str, text: str) -> None:
        QtWidgets.QMessageBox.critical(QApplication.activeWindow(), title, text)

    def confirm(self, title: str, text: str) -> bool:
        return QtWidgets.QMessageBox.question(QApplication.activeWindow(), title, text) == QtWidgets.QMessageBox.StandardButton.Yes

    def info(self, title: str, text: str) -> None:
        QtWidgets.QMessageBox.information(QApplication.activeWindow(), title, text)


def newest_backup(path: Path) -> Path | None:
    """The newest sound backup of the library (rotating and migration backups), if any."""
    return newest_sound_backup(path)


def backup_time(backup: Path) -> str:
    return datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def _open_for_work(path: Path):
    """A writer's open: backups follow the work (on close, and hours apart while changes happen).
    The quick damage check of a cleanly closed library runs in the background once the
    window is up (app.window_for), so a large library does not delay the start."""
    return BackupPolicy().attach(open_library(path, defer_clean_check=True))


def open_for_gui(path: Path, prompts: Prompts, daily_backup: bool = True):
    """Open the library, or explain why not and return None.  (The backup at open runs in
    the background once the window is up, see app.window_for.)"""
    path = Path(path)
    name = path.name
    try:
        return _open_for_work(path)
    except LibraryBusy as err:
        prompts.error(_("Library in use"), _(
            "{name} is already open in another Briefbook window or program. Close it there, then open it "
            "again. Nothing was changed.").format(name=name) + "\n\n" + str(err))
    except LibraryTooNew as err:
        prompts.error(_("Library from a newer Briefbook"), _(
            "{name} was saved by a newer Briefbook. This version cannot open it safely; update Briefbook "
            "to open it. The file was not changed.").format(name=name) + "\n\n" + str(err))
    except LibraryCorrupt as err:
        backup = newest_backup(path)
        if backup is None:
            prompts.error(_("Library damaged"), _(
                "{name} is damaged or is not a Briefbook library.\n\nNo automatic backup was found for it "
                "(looked in {folder}).").format(name=name, folder=backup_folder(path)) + "\n\n" + str(err))
            return None
        if prompts.confirm(_("Library damaged"), _(
                "{name} is damaged or is not a Briefbook library.\n\nThe newest backup is from {when} "
                "({backup}).\nRestore it? The damaged file is kept, not deleted.").format(
                    name=name, when=backup_time(backup), backup=backup.name) + "\n\n" + str(err)):
            try:
                kept = restore_backup(path, backup)
                lib = _open_for_work(path)
            except LibraryError as again:
                prompts.error(_("Library damaged"), str(again))
                return None
            prompts.info(_("Library restored"), _(
                "The library was restored from the backup of {when}.\nThe damaged file was kept as:\n{kept}").format(
                    when=backup_time(backup), kept=kept or "—"))
            return lib
    except LibraryError as err:
        prompts.error(_("Cannot open the library"), str(err))
    return None


def recent_libraries(settings: Settings) -> list[str]:
    return [p for p in settings.get(RECENT_LIBRARIES).split("\n") if p]


def remember_library(settings: Settings, path) -> None:
    """Put ``path`` first in the recent-libraries list (at most RECENT_MAX)."""
    path = str(Path(path).expanduser().resolve())
    paths = [path] + [p for p in recent_libraries(settings) if p != path]
    settings.set(RECENT_LIBRARIES, "\n".join(paths[:RECENT_MAX]))
