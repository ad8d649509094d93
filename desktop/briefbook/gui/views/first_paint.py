"""Work the main window's first paint need not wait for, run right after it.

Watching the mouse on a view's viewport (clicks on a highlight, dragging rows into a
book section) needs the viewport as a Python object, and the first viewport PySide6
hands out makes it build every widget class it has not built yet, with their enums:
about 10 ms that the first paint would otherwise wait for.  No click can come before
the window is on the screen, so the watching starts right after the first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer


class AfterFirstPaint:
    def __init__(self) -> None:
        self._pending: list[Callable[[], None]] | None = []
        self.done = False  # what waited for the first paint has run

    def call(self, work: Callable[[], None]) -> None:
        """``work()`` right after the window's first paint, or now if that has been."""
        if self._pending is None:
            work()
        else:
            self._pending.append(work)

    def painted(self) -> None:
        """The window has painted: what waited runs when the event loop next comes round."""
        if self._pending is None:
            return
        pending, self._pending = self._pending, None
        QTimer.singleShot(0, lambda: self._run(pending))

    def _run(self, pending: list[Callable[[], None]]) -> None:
        for work in pending:
            work()
        self.done = True
