"""Near-duplicates: the marker in the library table, the bar in the reader with Compare,
Keep both and Mark as duplicate, undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.gui.models.library_model import DUPLICATE, TITLE

from .conftest import SEEDS


def _pair(window):
    """The first seed article, and a copy of it with one paragraph changed (flagged on import)."""
    seed = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")[0]
    text = seed.read_text(encoding="utf-8")
    window.importer.import_paths([str(seed)])
    paragraphs = text.split("\n")
    longest = max(range(len(paragraphs)), key=lambda n: len(paragraphs[n]))
    paragraphs[longest] = "本段为转载时改写的内容，与原文不同。"
    window.importer.import_text("\n".join(paragraphs))
    lib = window.ctx.lib
    first, second = [r[0] for r in lib.query("SELECT id FROM articles ORDER BY id")]
    assert lib.scalar("SELECT duplicate_of FROM articles WHERE id = ?", (second,)) == first
    return first, second


def _status(window, aid):
    return window.ctx.lib.scalar("SELECT duplicate_status FROM articles WHERE id = ?", (aid,))


def _marker(window, aid):
    model = window.library.model
    return model.data(model.index(model.row_of(aid), DUPLICATE))


def test_suspected_duplicate_bar_verdicts_and_undo(make_window, library_path):
    window = make_window(library_path)
    first, second = _pair(window)
    assert _marker(window, second) == "≈"
    model = window.library.model
    assert model.data(model.index(model.row_of(second), DUPLICATE), Qt.ItemDataRole.ForegroundRole) is not None
    # a badge in the title cell too: the Dup. column is often scrolled out of view
    assert model.data(model.index(model.row_of(second), TITLE), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(model.row_of(first), TITLE), Qt.ItemDataRole.DecorationRole) is None
    window.show_article(second)
    bar = window.reader.dup_bar
    assert bar.isVisible()
    assert f"article {first}" in bar.label.text() and "similarity" in bar.label.text() and "%" in bar.label.text()

    bar.keep_button.click()
    assert _status(window, second) == "dismissed"
    assert not bar.isVisible()
    assert _marker(window, second) == ""
    assert model.data(model.index(model.row_of(second), TITLE), Qt.ItemDataRole.DecorationRole) is None
    window.undo_action.trigger()
    assert _status(window, second) == "suspected"
    assert bar.isVisible() and _marker(window, second) == "≈"

    bar.mark_button.click()
    assert _status(window, second) == "confirmed"
    assert _marker(window, second) == "="
    assert bar.isVisible() and "Marked as a duplicate" in bar.label.text()
    window.undo_action.trigger()
    assert _status(window, second) == "suspected"
    window.show_article(first)  # the original itself carries no bar
    assert not bar.isVisible()


def test_compare_shows_both_texts_side_by_side(make_window, library_path):
    window = make_window(library_path)
    first, second = _pair(window)
    window.show_article(second)
    dialog = window.reader.dup_bar.compare()
    lib = window.ctx.lib
    texts = [lib.scalar("SELECT text FROM articles WHERE id = ?", (aid,)) for aid in (first, second)]
    assert dialog.texts() == tuple(texts)
    assert len(dialog.only_left) == 1 and len(dialog.only_right) == 1  # the changed paragraph, marked
    right = dialog.right[1].document().findBlockByNumber(next(iter(dialog.only_right)))
    assert "改写" in right.text()
    assert right.begin().fragment().charFormat().background().style() != Qt.BrushStyle.NoBrush
    dialog.close()
