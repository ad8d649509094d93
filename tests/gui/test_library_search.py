"""Search results in the library table: the title on one elided line, the passage with
the hit marked on the line below, in light and dark palettes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from briefbook.gui.models.library_model import TITLE
from briefbook.gui.views.library_view import mark_colors, snippet_segments, trim_snippet

from .conftest import SEEDS


def _count(image, color: QColor, top: int, bottom: int, left: int, right: int) -> int:
    n = 0
    for y in range(max(0, top), min(image.height(), bottom)):
        for x in range(max(0, left), min(image.width(), right)):
            c = image.pixelColor(x, y)
            if abs(c.red() - color.red()) + abs(c.green() - color.green()) + abs(c.blue() - color.blue()) < 12:
                n += 1
    return n


def _dark_palette() -> QPalette:
    pal = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2d30"), (QPalette.ColorRole.Base, "#1e1f22"),
                        (QPalette.ColorRole.AlternateBase, "#26282b"), (QPalette.ColorRole.Text, "#dfe1e5"),
                        (QPalette.ColorRole.WindowText, "#dfe1e5"), (QPalette.ColorRole.Highlight, "#2f65ca"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff")):
        pal.setColor(role, QColor(color))
    return pal


def test_trim_snippet_keeps_the_hit_in_view():
    snippet = "x" * 60 + "高燕" + "y" * 30
    trimmed, spans = trim_snippet(snippet, [(60, 62)])
    assert trimmed.startswith("…") and trimmed[spans[0][0]:spans[0][1]] == "高燕"
    assert spans[0][0] <= 13
    assert snippet_segments("ab高燕cd", [(2, 4)]) == [("ab", False), ("高燕", True), ("cd", False)]


@pytest.mark.parametrize("dark", [False, True])
def test_search_row_shows_one_title_line_and_the_marked_hit(make_window, library_path, qapp, dark):
    old = qapp.palette()
    if dark:
        qapp.setPalette(_dark_palette())
    try:
        window = make_window(library_path)
        window.importer.import_paths([str(SEEDS)])
        panel = window.library
        panel.search.setText("高燕")
        panel.apply_filter()
        assert panel.model.total >= 1
        title = panel.model.rows[0]["title"]
        assert len(title) > 25  # long enough to wrap in a narrow column
        panel.table.setColumnWidth(TITLE, 200)
        panel.table.clearSelection()
        panel.table.setCurrentIndex(panel.model.index(0, 1))
        panel.table.clearSelection()
        qapp.processEvents()
        row_top = panel.table.rowViewportPosition(0)
        row_h = panel.table.rowHeight(0)
        fm_h = panel.table.fontMetrics().height()
        assert row_h >= 2 * fm_h  # room for two lines
        image = panel.table.viewport().grab().toImage()
        x0 = panel.table.columnViewportPosition(TITLE)
        bg, _fg = mark_colors(dark)
        first_line = _count(image, bg, row_top, row_top + fm_h, x0, x0 + 200)
        second_line = _count(image, bg, row_top + fm_h + 1, row_top + row_h, x0, x0 + 200)
        assert first_line == 0  # the title is not pushed into the snippet line, nor marked
        assert second_line > 20  # the hit is visible and marked below the title
    finally:
        qapp.setPalette(old)
