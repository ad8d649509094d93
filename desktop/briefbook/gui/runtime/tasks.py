"""Background jobs: a plain function ``job(progress, cancel) -> result`` runs off the
GUI thread; its progress, result or error come back on the GUI thread.

Jobs run one at a time (a pool of one thread), so an import and the extraction
after it never interleave.  Tests use SyncExecutor, which runs the job at once.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ...core.progress import Cancelled, CancelToken

Job = Callable[[Callable[[int, int, str], None], CancelToken], Any]


class TaskHandle(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.token = CancelToken()
        self._last = 0.0

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        # A signal per article would flood the GUI's event queue: at most 20 a second.
        now = time.monotonic()
        if done >= total or now - self._last >= 0.05:
            self._last = now
            try:
                self.progressed.emit(done, total, message)
            except RuntimeError as err:  # the handle went with the app (it quit mid-job): stop the job
                self.token.cancel()
                raise Cancelled() from err

    def _emit(self, signal_name: str, *args) -> None:
        try:
            getattr(self, signal_name).emit(*args)
        except RuntimeError:
            pass  # nobody is left to tell: the app quit while the job ran

    def run(self, job: Job) -> None:
        try:
            result = job(self.report, self.token)
        except Cancelled:
            self._emit("succeeded", None)
        except Exception as err:  # reported to the user, never swallowed
            traceback.print_exc()
            self._emit("failed", str(err) or err.__class__.__name__)
        else:
            self._emit("succeeded", result)
        self._emit("finished")


def _connect(handle: TaskHandle, on_result, on_error, on_progress) -> None:
    if on_result:
        handle.succeeded.connect(on_result)
    if on_error:
        handle.failed.connect(on_error)
    if on_progress:
        handle.progressed.connect(on_progress)


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle, job: Job):
        super().__init__()
        self.handle = handle
        self.job = job

    def run(self) -> None:
        self.handle.run(self.job)


class ThreadExecutor:
    """Runs jobs on one background thread, in the order submitted."""

    synchronous = False

    def __init__(self):
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self._live: set[TaskHandle] = set()

    def submit(self, name: str, job: Job, on_result=None, on_error=None, on_progress=None) -> TaskHandle:
        handle = TaskHandle(name)
        _connect(handle, on_result, on_error, on_progress)
        self._live.add(handle)
        handle.finished.connect(lambda: self._live.discard(handle))
        self.pool.start(_Runnable(handle, job))
        return handle

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def shutdown(self) -> None:
        for handle in list(self._live):
            handle.cancel()
        self.pool.waitForDone()


class SyncExecutor:
    """Runs each job at once on the calling thread (tests; a fake pool as in Picard)."""

    synchronous = True

    def __init__(self):
        self.busy = False

    def submit(self, name: str, job: Job, on_result=None, on_error=None, on_progress=None) -> TaskHandle:
        handle = TaskHandle(name)
        _connect(handle, on_result, on_error, on_progress)
        self.busy = True
        try:
            handle.run(job)
        finally:
            self.busy = False
        return handle

    def wait(self, msecs: int = -1) -> bool:
        return True

    def shutdown(self) -> None:
        pass
