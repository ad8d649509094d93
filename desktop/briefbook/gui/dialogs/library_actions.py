"""File-menu actions on the library as a whole: open, new, recent libraries, back up
now, restore from a backup.  Switching or restoring replaces the main window by a
new one on the (re)opened library (``window.switch_library``, given by app.py)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...store.backup import backup_folder, list_backups, make_backup, restore_backup
from ...store.errors import LibraryError
from ..runtime.i18n import _
from ..runtime.library_files import Prompts, backup_time, recent_libraries
from ..runtime.settings import RECENT_LIBRARIES

LIBRARY_FILTER = "(*.briefbook)"


def _prompts(window):
    return getattr(window, "prompts", None) or Prompts()


def library_path(window) -> Path:
    return Path(str(window.ctx.lib.path))


# -- open, new, recent ------------------------------------------------------------------------

def open_library(window, path: str | None = None):
    """Switch to another library; returns the new window (None: cancelled or refused)."""
    if path is None:
        path, _filter = QFileDialog.getOpenFileName(
            window, _("Open library"), str(library_path(window).parent),
            _("Briefbook libraries") + f" {LIBRARY_FILTER};;" + _("All files") + " (*)")
        if not path:
            return None
    if Path(path).expanduser().resolve() == library_path(window).resolve():
        window.statusBar().showMessage(_("This library is already open."), 5000)
        return None
    if not Path(path).expanduser().exists():
        _prompts(window).error(_("Cannot open the library"), _("There is no library at {path}.").format(path=path))
        return None
    return window.switch_library(path)


def new_library(window, path: str | None = None):
    """Create an empty library and switch to it."""
    if path is None:
        path, _filter = QFileDialog.getSaveFileName(
            window, _("New library"), str(library_path(window).parent / _("new library.briefbook")),
            _("Briefbook libraries") + f" {LIBRARY_FILTER}")
        if not path:
            return None
    target = Path(path).expanduser()
    if not target.suffix:
        target = target.with_suffix(".briefbook")
    if target.exists():
        _prompts(window).error(_("New library"), _(
            "{path} exists already. Choose another name, or open it with File ▸ Open library.").format(path=target))
        return None
    new = window.switch_library(target)
    if new is not None:
        new.statusBar().showMessage(_("New library: {path}").format(path=target), 8000)
    return new


def fill_recent_menu(menu: QMenu, window) -> None:
    """The recent libraries, newest first; missing files are shown, greyed."""
    menu.clear()
    current = str(library_path(window).resolve())
    paths = recent_libraries(window.ctx.settings)
    for n, path in enumerate(paths):
        label = f"&{n + 1}  {Path(path).name}" if n < 9 else Path(path).name
        action = menu.addAction(label)
        action.setToolTip(path)
        action.setStatusTip(path)
        if path == current:
            action.setText(label + "  " + _("(open)"))
            action.setEnabled(False)
        elif not Path(path).exists():
            action.setText(label + "  " + _("(missing)"))
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _checked=False, p=path: open_library(window, p))
    if not paths:
        menu.addAction(_("No recent libraries")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(_("Clear list"))
    clear.triggered.connect(lambda: _clear_recent(window))


def _clear_recent(window) -> None:
    window.ctx.settings.set(RECENT_LIBRARIES, str(library_path(window).resolve()))


# -- backups ----------------------------------------------------------------------------------

def back_up_now(window) -> Path | None:
    ctx = window.ctx
    try:
        with ctx.lib.lock:  # between the worker's transactions, never inside one
            target = make_backup(ctx.lib.raw.conn, library_path(window), "manual")
    except (LibraryError, OSError) as err:
        _prompts(window).error(_("Backup failed"), str(err))
        return None
    window.statusBar().showMessage(_("Backed up to {path}").format(path=target), 8000)
    return target


def describe_backup(path: Path) -> str:
    """What made a backup, from its file name."""
    name = path.name
    if name.endswith(".bak"):
        return _("before an upgrade")
    match = re.search(r"_([a-z-]+?)(-\d+)?\.briefbook(\.xz|\.zst)?$", name)
    kind = match.group(1) if match else ""
    return {"daily": _("daily"), "manual": _("made by you"), "before-restore": _("before a restore"),
            "damaged": _("damaged file, kept"), "on-close": _("when the library was closed"),
            "after-import": _("after an import"), "periodic": _("while you worked"),
            "before-demo": _("before the demo library replaced it")}.get(kind, "")


def human_size(n: int) -> str:
    if n < 1024 * 1024:
        return _("{n} KB").format(n=max(1, round(n / 1024)))
    return _("{n} MB").format(n=f"{n / (1024 * 1024):.1f}")


def restore(window, backup: Path, confirm: bool = True):
    """Close the library, put the backup in its place (the current state is kept as a
    backup first), reopen it, and say where the previous state was kept."""
    prompts = _prompts(window)
    when = backup_time(backup)
    if confirm and not prompts.confirm(_("Restore from backup"), _(
            "Replace the library with the backup of {when}?\n\nThe library as it is now is kept as a "
            "backup first, so this can be reversed the same way.").format(when=when)):
        return None
    path = library_path(window)

    def told(new_window, saved) -> None:
        _prompts(new_window).info(_("Library restored"), _(
            "The library is back to its state of {when}.\n\nIts state before the restore was kept in:\n{saved}")
            .format(when=when, saved=saved or "—"))

    return window.switch_library(path, before=lambda: restore_backup(path, backup), after=told)


class RestoreDialog(QDialog):
    """The library's backups, newest first, with date, kind and size; restore the chosen one."""

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(_("Restore from backup"))
        path = library_path(window)
        self.backups = [p for p in list_backups(path) if p.is_file()]
        intro = QLabel(_("Backups of {name}, newest first (folder: {folder}). Restoring replaces the library; "
                         "its current state is kept as a backup first.").format(
            name=path.name, folder=backup_folder(path)))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 4)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([_("Date"), _("Made"), _("Size"), _("File")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for n, backup in enumerate(self.backups):
            size = QTableWidgetItem(human_size(backup.stat().st_size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name = QTableWidgetItem(backup.name)
            name.setToolTip(str(backup))
            for col, item in enumerate((QTableWidgetItem(backup_time(backup)),
                                        QTableWidgetItem(describe_backup(backup)), size, name)):
                self.table.setItem(n, col, item)
        for col, width in ((0, 130), (1, 130), (2, 70)):
            self.table.setColumnWidth(col, width)
        if self.backups:
            self.table.selectRow(0)
        empty = QLabel(_("There are no backups of this library yet. File ▸ Back up now makes one."))
        empty.setVisible(not self.backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(_("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(self.buttons)
        self.resize(760, 340)

    def chosen(self) -> Path | None:
        row = self.table.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def restore_dialog(window):
    dialog = RestoreDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() is not None:
        return restore(window, dialog.chosen())
    return None
