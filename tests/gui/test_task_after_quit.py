"""A background job whose window went away (the app quit mid-job) stops at its next
progress report instead of raising in its thread, and its end is told to no one."""

from __future__ import annotations

import shiboken6

from briefbook.core.progress import Cancelled
from briefbook.gui.runtime.tasks import TaskHandle


def test_a_job_stops_when_its_handle_is_gone():
    handle = TaskHandle("import")
    steps = []

    def job(progress, cancel):
        progress(1, 10, "first")
        steps.append(1)
        shiboken6.delete(handle)  # what quitting the app does to the handle's C++ side
        progress(10, 10, "last")
        steps.append(2)  # never reached: the report above stops the job

    handle.run(job)  # raises nothing
    assert steps == [1]


def test_a_report_to_a_deleted_handle_is_a_cancellation():
    handle = TaskHandle("extract")
    token = handle.token
    shiboken6.delete(handle)
    try:
        handle.report(5, 5, "done")
    except Cancelled:
        pass
    else:
        raise AssertionError("a report to a deleted handle must stop the job")
    assert token.cancelled
