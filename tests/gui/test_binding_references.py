"""The Qt binding keeps None's reference count: before Python 3.12 a binding that drops a
reference to None on each void call (PySide6 6.12.0) aborts the app with "Fatal Python
error: none_dealloc" once the reader has formatted enough articles; the guard keeps such an
install running."""

from __future__ import annotations

import ctypes
import sys

from briefbook.gui.runtime import binding_check

from .test_reader_highlights import _article


def test_void_qt_calls_keep_none_references():
    assert binding_check.none_references_dropped(500) <= 0


def test_rendering_an_article_keeps_none_references(make_window, library_path):
    reader, _text = _article(make_window(library_path))
    reader._render_text()
    before = sys.getrefcount(None)
    for _ in range(50):  # each pass: about 20 void calls (formats, cursor moves, the text itself)
        reader._render_text()
    assert sys.getrefcount(None) >= before - 5  # a binding that drops one per call falls by ~1,000


def test_guard_gives_none_spare_references_only_for_a_dropping_binding(monkeypatch):
    monkeypatch.setattr(binding_check, "none_is_immortal", lambda: False)
    monkeypatch.setattr(binding_check, "none_references_dropped", lambda calls=0: 0)
    before = sys.getrefcount(None)
    assert binding_check.guard_none_references() is False
    assert abs(sys.getrefcount(None) - before) < 100

    monkeypatch.setattr(binding_check, "none_references_dropped", lambda calls=binding_check.PROBE_CALLS: calls)
    before = sys.getrefcount(None)
    assert binding_check.guard_none_references() is True
    try:
        assert sys.getrefcount(None) - before >= binding_check.SPARE_REFERENCES - 100
    finally:  # give them back: this process's binding needs none
        ctypes.c_ssize_t.from_address(id(None)).value -= binding_check.SPARE_REFERENCES
