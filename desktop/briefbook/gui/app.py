"""Starting the desktop app: language, fonts, the library (first run: the demo library
with a welcome), and clear messages when the library cannot be opened."""

from __future__ import annotations

import shutil
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import default_library_path, resource
from ..store.db import open_library
from ..store.errors import LibraryBusy, LibraryCorrupt, LibraryError, LibraryTooNew
from . import i18n
from .context import AppContext
from .fonts import apply_app_font, register_fonts
from .gateway import SerialLibrary
from .i18n import _
from .settings import LANGUAGE, WELCOME_SHOWN, Settings
from .tasks import ThreadExecutor

STYLE_SHEET = """
QLabel#hint { color: palette(mid); font-size: 9pt; }
QLabel#counts, QLabel#statusCounts { font-weight: 600; }
QLabel#readerHeader { padding: 4px 2px; }
QLabel#legend { font-size: 9pt; }
QLabel#contextPreview { padding: 6px; background: palette(base); border: 1px solid palette(midlight); }
QLabel#problems { color: #b71c1c; }
QTableView { gridline-color: palette(midlight); }
QTabWidget#mainTabs::pane { border-top: 1px solid palette(mid); }
QGroupBox { font-weight: 600; }
"""


class Prompts:
    """Questions and messages at start-up; tests replace it with a scripted one."""

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(None, title, text)

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(None, title, text) == QMessageBox.StandardButton.Yes


def newest_backup(path: Path) -> Path | None:
    """The newest automatic backup (``<library>.*.bak``) next to the library, if any."""
    backups = [p for p in path.parent.glob(path.name + ".*.bak") if p.is_file()]
    return max(backups, key=lambda p: p.stat().st_mtime) if backups else None


def restore_backup(path: Path, backup: Path) -> Path:
    """Move the damaged file aside (never delete it) and put the backup in its place."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.rename(aside.with_name(aside.name + suffix))
    shutil.copy2(backup, path)
    return aside


def open_for_gui(path: Path, prompts: Prompts):
    """Open the library, or explain why not and return None."""
    try:
        return open_library(path)
    except LibraryBusy as err:
        prompts.error(_("Library in use"), str(err))
    except LibraryTooNew as err:
        prompts.error(_("Library from a newer Briefbook"), str(err))
    except LibraryCorrupt as err:
        backup = newest_backup(path)
        if backup is None:
            prompts.error(_("Library damaged"), _("{err}\n\nNo automatic backup was found next to it.").format(err=err))
            return None
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        if prompts.confirm(_("Library damaged"), _(
                "{err}\n\nThe newest automatic backup is {name} ({when}).\nRestore it? The damaged file is kept "
                "next to it, renamed.").format(err=err, name=backup.name, when=when)):
            restore_backup(path, backup)
            try:
                return open_library(path)
            except LibraryError as again:
                prompts.error(_("Library damaged"), str(again))
    except LibraryError as err:
        prompts.error(_("Cannot open the library"), str(err))
    return None


def setup_application(settings: Settings) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Briefbook")
    app.setOrganizationName("Briefbook")
    app.setStyle("Fusion")
    icon = resource("icons", "briefbook.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    language = settings.get(LANGUAGE) or i18n.match_language(QLocale.system().name())
    i18n.install(language)
    apply_app_font(app, register_fonts())
    app.setStyleSheet(STYLE_SHEET)
    return app


def _reader(lib):
    """A read-only second connection for the GUI thread (see gateway.py); None if WAL is off."""
    try:
        if str(lib.scalar("PRAGMA journal_mode")).lower() != "wal":
            return None
        return open_library(lib.path, readonly=True)
    except LibraryError:
        return None


def build_window(library_path: str | None, first_run_demo: bool, settings: Settings, executor=None,
                 prompts: Prompts | None = None, show_dialogs: bool = True):
    """The main window on the library, or None when it cannot be opened (the user was told why)."""
    from .main_window import MainWindow

    prompts = prompts or Prompts()
    path = Path(library_path).expanduser() if library_path else default_library_path()
    welcome = False
    lib = None
    if library_path is None and first_run_demo and not path.exists():
        from ..demo import build_demo_library

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            lib = build_demo_library(path, fresh=False)
        except LibraryError as err:
            prompts.error(_("Cannot create the library"), str(err))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        welcome = True
    if lib is None:
        lib = open_for_gui(path, prompts)
        if lib is None:
            return None
    ctx = AppContext(SerialLibrary(lib, _reader(lib)), settings, executor or ThreadExecutor())
    window = MainWindow(ctx, show_dialogs=show_dialogs)
    if welcome or not settings.get(WELCOME_SHOWN):
        settings.set(WELCOME_SHOWN, True)
        if show_dialogs:
            window.show_welcome()
    return window


def run_app(library_path: str | None, first_run_demo: bool) -> int:
    settings = Settings()
    app = setup_application(settings)
    window = build_window(library_path, first_run_demo, settings)
    if window is None:
        return 1
    window.show()
    if window.welcome is not None:
        window.welcome.raise_()
    code = app.exec()
    window.ctx.lib.close()
    return code
