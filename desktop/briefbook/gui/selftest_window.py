"""The GUI part of ``briefbook --self-test``: open the main window on a library, then close it."""

from __future__ import annotations

from pathlib import Path


def open_and_close(library_path: Path) -> str:
    from ..store.articles import count_articles
    from .app import build_window, setup_application
    from .runtime.settings import Settings

    settings = Settings()
    qt_app = setup_application(settings)
    window = build_window(str(library_path), False, settings, show_dialogs=False)
    if window is None:
        raise RuntimeError("the main window could not open the library")
    window.show()
    qt_app.processEvents()
    title = window.windowTitle()
    rows = count_articles(window.ctx.lib)
    window.close()
    window.ctx.lib.close()
    qt_app.processEvents()
    return f"window '{title}', {rows} articles"
