"""Progress reporting and cancellation for long work, without Qt.

Long jobs (import, extraction, export) take a ``progress(done, total, message)``
callable and a ``cancel`` object they poll; the GUI wraps both in signals,
the CLI draws a bar, tests pass nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressFn = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside a job when the user asked it to stop."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


def no_progress(done: int, total: int, message: str = "") -> None:
    return None
