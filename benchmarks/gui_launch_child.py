"""The launch children of bench_gui.py, in a module of their own so that neither side
imports more than it needs: the app as a user starts it, and the bare PySide6 window.

    python benchmarks/gui_launch_child.py launch LIBRARY | bare

Each prints READY and its resident memory when its window has painted (the app: with
the first article open), then quits as a user would (the app closes its library cleanly,
so the next launch is a normal one, not a recovery); bench_gui.py times the process from
its start to READY.
"""

from __future__ import annotations

import importlib
import os
import sys


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _quit_on_first_paint(window, usable) -> None:
    """Print READY and quit at the first paint of ``window`` once ``usable()`` holds (a
    paint of the window paints the widgets in it in the same pass).

    The watcher listens to the window only, not to the whole application: an
    application-wide Python event filter is handed every object that gets an event,
    Qt's private ones too (the animation timer a tool bar starts), and PySide6 answers
    the first such object by building every class of QtCore, QtGui and QtWidgets with
    their enums (15-20 ms) -- work the app itself never does.  Only if the window
    painted before it was usable does the watcher widen to the widgets in it."""
    from PySide6.QtCore import QEvent, QObject  # noqa: TID251 (a GUI benchmark)
    from PySide6.QtWidgets import QApplication  # noqa: TID251 (a GUI benchmark)

    class FirstPaint(QObject):
        watching_all = False

        def eventFilter(self, obj, event):
            if event.type() != QEvent.Type.Paint:
                return False
            if usable() and (obj is window or (self.watching_all and obj.isWidgetType() and obj.window() is window)):
                print("READY", round(rss_mb(), 1), flush=True)
                window.removeEventFilter(self)
                QApplication.instance().removeEventFilter(self)
                QApplication.instance().quit()
            elif obj is window and not self.watching_all:  # painted too early: the next paint may be a child's
                self.watching_all = True
                QApplication.instance().installEventFilter(self)
            return False

    window._first_paint = FirstPaint()
    window.installEventFilter(window._first_paint)


def _when_imported(name: str, then) -> None:
    """``then(module)`` right after the app itself imports ``name``, so that the child
    imports nothing earlier than the app would."""
    import importlib.abc
    import importlib.util

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                then(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())


def child_launch(library: str) -> None:
    """Child: the app as a user starts it (``briefbook --library PATH``, the real entry point),
    until its main window has painted with the first article open.  The child imports the
    command module first and Qt when the app does, as the ``briefbook`` script runs."""

    def watch(qt_widgets):
        real_exec = qt_widgets.QApplication.exec

        def exec_and_watch(*_args):  # run_app calls app.exec() once the window is shown
            app = qt_widgets.QApplication.instance()
            window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
            _quit_on_first_paint(window, lambda: window.article_id is not None)
            return real_exec()

        qt_widgets.QApplication.exec = exec_and_watch

    _when_imported("PySide6.QtWidgets", watch)
    main = importlib.import_module("briefbook.cli").main
    if main(["--library", library]) != 0:
        raise SystemExit("the app did not start")
    os._exit(0)  # the library is closed; skip the teardown of Qt objects


def child_bare_window() -> None:
    """Child: the anchor, a bare PySide6 window process, until the window has painted."""
    from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: TID251 (a GUI benchmark)

    app = QApplication([])
    window = QMainWindow()
    window.resize(1200, 800)
    _quit_on_first_paint(window, lambda: True)
    window.show()
    app.exec()
    os._exit(0)


if __name__ == "__main__":
    if sys.argv[1] == "launch":
        child_launch(sys.argv[2])
    else:
        child_bare_window()
