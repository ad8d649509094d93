"""Starting the desktop app: language, fonts, the library (first run: the demo library
with a welcome), and clear messages when the library cannot be opened."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..paths import default_library_path, resource
from ..store.db import open_library, uses_wal
from ..store.errors import LibraryError
from .runtime import i18n
from .runtime.binding_check import guard_none_references
from .runtime.context import AppContext
from .runtime.fonts import apply_app_font, register_fonts
from .runtime.gateway import SerialLibrary
from .runtime.i18n import _
from .runtime.library_files import Prompts, open_for_gui, remember_library
from .runtime.queries import QueryRunner, SyncQueries
from .runtime.settings import LANGUAGE, WELCOME_SHOWN, Settings
from .runtime.tasks import ThreadExecutor
from .views.main_window import MainWindow

WINDOWS: list = []  # the open main windows (one, or two for a moment while switching libraries)

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


def setup_application(settings: Settings) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    guard_none_references()  # before the first window: see binding_check.py
    app.setApplicationName("Briefbook")
    app.setDesktopFileName("briefbook")  # lets Wayland match windows to resources/briefbook.desktop
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
        if not uses_wal(lib):
            return None
        return open_library(lib.path, readonly=True)
    except LibraryError:
        return None


def build_window(library_path: str | None, first_run_demo: bool, settings: Settings, executor=None,
                 prompts: Prompts | None = None, show_dialogs: bool = True, new_demo: bool = False):
    """The main window on the library, or None when it cannot be opened (the user was told why).

    First run (``first_run_demo`` and no library at the default path yet), or ``new_demo``
    with a path where nothing is yet: the window opens at once on a new library, and the
    demo articles fill it in the background, with progress and Cancel in the status bar."""
    prompts = prompts or Prompts()
    path = Path(library_path).expanduser() if library_path else default_library_path()
    fill_demo = new_demo or (library_path is None and first_run_demo and not path.exists())
    # The daily backup runs in the background once the window is up (see window_for),
    # so a large library does not delay the start.
    lib = open_for_gui(path, prompts, daily_backup=False)
    if lib is None:
        return None
    window = window_for(lib, settings, executor or ThreadExecutor(), prompts, show_dialogs, welcome=fill_demo)
    if fill_demo:
        window.importer.build_demo()
    return window


def _warm_up() -> None:
    from ..core.text import to_simplified

    to_simplified("張琳")


def _daily_backup_job(path: Path):
    """A background job: the daily backup, read through its own read-only connection
    (a WAL snapshot), so it never waits for or blocks the app's writes."""
    def job(progress, cancel):
        import sqlite3

        from ..store.backup import backup_if_due

        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return backup_if_due(conn, path)
        finally:
            conn.close()
    return job


def _damage_check_job(path: Path):
    """A background job: SQLite's quick check of the library, on its own read-only
    connection (a WAL snapshot); None when sound, else what it found."""
    def job(progress, cancel):
        import sqlite3

        from ..store.db import check_damage

        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return check_damage(conn)
        finally:
            conn.close()
    return job


def _damage_found(window, problem: str | None) -> None:
    if problem is None:
        return
    from .dialogs import library_actions

    prompts = window.prompts or Prompts()
    if prompts.confirm(_("Library damaged"), _(
            "SQLite reports damage in {name}: {problem}\n\nStop working in it and restore the newest sound "
            "backup? (The damaged file is kept beside the library.)").format(
                name=Path(str(window.ctx.lib.path)).name, problem=problem)):
        library_actions.restore_dialog(window)


def window_for(lib, settings: Settings, executor, prompts: Prompts, show_dialogs: bool = True,
               welcome: bool = False):
    """The main window on an open library (remembered in the recent-libraries list)."""
    reader = _reader(lib)
    serial = SerialLibrary(lib, reader)
    # Counts and slow filter pages run on their own thread and read-only connection (WAL only).
    queries = QueryRunner(lib.path) if reader is not None and not executor.synchronous else SyncQueries(serial)
    ctx = AppContext(serial, settings, executor, queries)
    remember_library(settings, lib.path)
    # Load the Traditional/Simplified converter off the GUI thread now, so the first
    # search does not pay for it (about 80 ms).
    window = MainWindow(ctx, show_dialogs=show_dialogs, switch_library=switch_library)
    window.prompts = prompts
    if getattr(lib, "damage_check_due", False):  # before the backup: never back up a damaged file unseen
        executor.submit(_("Checking the library"), _damage_check_job(Path(lib.path)),
                        on_result=lambda problem: _damage_found(window, problem))
    executor.submit("warm-up", lambda progress, cancel: _warm_up())
    if not lib.readonly:
        executor.submit(_("Daily backup"), _daily_backup_job(Path(lib.path)),
                        on_error=lambda err: prompts.error(_("Backup failed"), str(err)))
    if welcome or not settings.get(WELCOME_SHOWN):
        settings.set(WELCOME_SHOWN, True)
        if show_dialogs:
            window.show_welcome()
    return window


def switch_library(window, path, before=None, after=None):
    """Replace ``window`` by a window on the library at ``path``.

    A different library is opened first, so a failure leaves the current one as it
    was.  For the same path (a restore), the library is closed, ``before()`` runs on
    the closed file (its result goes to ``after(new_window, result)``), and the
    library is opened again.  Returns the new window, or None (the user was told why).
    """
    prompts = getattr(window, "prompts", None) or Prompts()
    ctx = window.ctx
    if ctx.executor.busy and not ctx.executor.synchronous:
        prompts.error(_("Please wait"), _("Wait for the running import or extraction to finish (or cancel it) first."))
        return None
    path = Path(path).expanduser()
    current = Path(str(ctx.lib.path))
    same = path.resolve() == current.resolve()
    lib = None
    if not same:
        lib = open_for_gui(path, prompts)
        if lib is None:
            return None
    window.save_layout()
    ctx.queries.shutdown()  # its read-only connection too: a restore replaces the file
    ctx.lib.close()
    result = None
    if before is not None:
        try:
            result = before()
        except (LibraryError, OSError) as err:
            prompts.error(_("Not done"), str(err))
            before, after = None, None
    if lib is None:
        lib = open_for_gui(path, prompts)
        if lib is None and not same:
            lib = open_for_gui(current, prompts)
        if lib is None:
            window.close()
            return None
    new = window_for(lib, settings=ctx.settings, executor=type(ctx.executor)(), prompts=prompts,
                     show_dialogs=window.show_dialogs)
    new.show()
    window.close()
    if window in WINDOWS:
        WINDOWS.remove(window)
        WINDOWS.append(new)
    window.deleteLater()
    if after is not None:
        after(new, result)
    return new


def _rebuild_demo_if_wanted(path: Path, prompts: Prompts) -> None:
    """``briefbook --demo`` on an existing library: replace it only if the user says so."""
    if not prompts.confirm(_("Rebuild the demo library?"), _(
            "There is already a library at {path}.\n\nReplace it with a new demo library built from the sample "
            "articles? A backup of it is made first. Choose No to open it as it is.").format(path=path)):
        return
    from ..services.demo import build_demo_library

    try:
        build_demo_library(path, with_book=True).close()
    except LibraryError as err:
        prompts.error(_("The demo library was not rebuilt"), str(err))


def run_app(library_path: str | None, first_run_demo: bool, ask_demo_rebuild: bool = False,
            new_demo: bool = False) -> int:
    settings = Settings()
    app = setup_application(settings)
    if ask_demo_rebuild and library_path:
        _rebuild_demo_if_wanted(Path(library_path), Prompts())
    window = build_window(library_path, first_run_demo, settings, new_demo=new_demo)
    if window is None:
        return 1
    WINDOWS.append(window)
    # The cycle collector was off while the app started (cli._run_gui): on again once the
    # window has painted, or after a few seconds should it start minimised.
    window.after_first_paint.call(gc.enable)
    QTimer.singleShot(5000, gc.enable)
    window.show()
    if window.welcome is not None:
        window.welcome.raise_()
    code = app.exec()
    for open_window in list(WINDOWS):  # the last one, after switching libraries
        open_window.ctx.queries.shutdown()
        if open_window.ctx.lib.raw.conn is not None:
            open_window.ctx.lib.close()
    return code
