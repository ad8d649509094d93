"""Code points (fact offsets) vs UTF-16 (Qt): characters outside the BMP must not shift highlights."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from briefbook.gui.models.spans import OffsetMap

TEXT = "😀 高燕会长 𠀀𠀁 张琳 met 🇯🇵 JETRO."


def test_round_trip_every_position():
    m = OffsetMap(TEXT)
    u16 = TEXT.encode("utf-16-le")
    for cp in range(len(TEXT) + 1):
        pos = m.to_utf16(cp)
        assert u16[: pos * 2].decode("utf-16-le") == TEXT[:cp]
        assert m.to_codepoint(pos) == cp


def test_inside_a_surrogate_pair_snaps_to_the_character():
    m = OffsetMap("a😀b")
    assert m.to_codepoint(2) == 1  # between the two halves of 😀
    assert m.to_codepoint(3) == 2


def test_qt_selects_the_same_text(qapp):
    doc = QTextDocument()
    doc.setPlainText(TEXT)
    m = OffsetMap(TEXT)
    for word in ("高燕", "张琳", "JETRO", "𠀀𠀁"):
        start = TEXT.index(word)
        cursor = QTextCursor(doc)
        cursor.setPosition(m.to_utf16(start))
        cursor.setPosition(m.to_utf16(start + len(word)), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == word


def test_reader_highlights_and_clicks_after_astral_characters(make_window, library_path):
    from briefbook.core.facts import Fact
    from briefbook.gui.models import kinds
    from briefbook.services.importing import import_pasted
    from briefbook.store.facts import save_extracted

    window = make_window(library_path)
    lib = window.ctx.lib
    outcome = import_pasted(lib, "Astral test\n\n" + TEXT * 3, "Astral")
    text = lib.scalar("SELECT text FROM articles WHERE id = ?", (outcome.article_id,))
    start = text.rindex("张琳")
    save_extracted(lib, outcome.article_id, [Fact("person", start, start + 2, "张琳", {"name": "张琳"}, 0.9)], "t")
    window.ctx.events.articles_changed.emit()
    window.show_article(outcome.article_id)
    reader = window.reader
    fact = reader.facts[0]
    reader.click_at_codepoint(start + 1)
    assert reader.selected_fact == fact.id
    assert window.facts.current_fact_id() == fact.id
    reader.select_span(start, start + 2)
    assert reader.text.textCursor().selectedText() == "张琳"
    assert reader.selection_span() == (start, start + 2)
    # the highlight format sits on exactly those two characters
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.offsets.to_utf16(start) + 1)
    assert cursor.charFormat().background().color() == kinds.background("person")  # short span: a background
