"""A guard against a Qt binding that drops a reference to None on every call.

PySide6-Essentials 6.12.0 (with shiboken6 6.12.0) returns None from every
method that returns nothing in C++ (``QObject.setObjectName``,
``QTextCharFormat.setBackground``, ``QTextCursor.setPosition`` …) without
taking the reference it hands back, so each such call lowers None's reference
count by one.  Before Python 3.12 None is an ordinary object: after a few
thousand such calls (the reader formats an article's text with hundreds of
them) its count reaches zero and the process aborts with "Fatal Python error:
none_dealloc".  pyproject.toml excludes that version; this guard keeps an
install that still has it (an older environment, a packager's choice) running,
by giving None references that such calls will never use up."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

PROBE_CALLS = 64
SPARE_REFERENCES = 1 << 40  # about 10^12 calls: more than any session makes


def none_references_dropped(calls: int = PROBE_CALLS) -> int:
    """How many references to None ``calls`` calls of a void Qt method drop (0 for a sound binding)."""
    probe = QObject()
    probe.setObjectName("probe")
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None)


def none_is_immortal() -> bool:
    return sys.version_info >= (3, 12)  # PEP 683: None's count no longer moves


def guard_none_references() -> bool:
    """Make a binding that drops references to None harmless; True when it had to.

    Only CPython before 3.12 needs it (None is immortal from 3.12 on), and only a
    binding that drops references at all: on a sound one this changes nothing."""
    if none_is_immortal() or sys.implementation.name != "cpython":
        return False
    dropped = none_references_dropped()
    if dropped <= 0:
        return False
    import PySide6

    log.warning("PySide6 %s drops a reference to None in %d of %d void calls; giving None spare "
                "references so the app does not abort (install another PySide6 version to fix it)",
                PySide6.__version__, dropped, PROBE_CALLS)
    import ctypes  # only for a binding that needs the guard: not at every start

    # ob_refcnt is the first field of every object in CPython's (non-debug) object layout.
    ctypes.c_ssize_t.from_address(id(None)).value += SPARE_REFERENCES
    return True
