"""The reader: long spans (events, agreements, anything over 25 characters) as an
underline only, short ones as a background; a legend toggle per kind, remembered."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefbook.core.facts import Fact
from briefbook.gui.models import kinds
from briefbook.gui.runtime.settings import READER_HIDDEN_KINDS
from briefbook.gui.views.reader import ArticleReader
from briefbook.store.facts import save_extracted

TEXT = ("7月30日上午，山东省与日本经济团体联合会在济南签署了关于扩大经贸合作和共同建设产业园区的合作备忘录。"
        "高燕出席。")


def _article(window):
    window.importer.import_text(TEXT)
    lib = window.ctx.lib
    aid = lib.scalar("SELECT id FROM articles")
    text = lib.scalar("SELECT text FROM articles WHERE id = ?", (aid,))
    sentence_end = text.index("。") + 1
    agreement = Fact("agreement", 0, sentence_end, text[:sentence_end], {"parties": ["山东省"]})
    place_at = text.index("济南")
    place = Fact("place", place_at, place_at + 2, "济南", {"name": "济南"})
    person_at = text.index("高燕")
    person = Fact("person", person_at, person_at + 2, "高燕", {"name": "高燕"})
    save_extracted(lib, aid, [agreement, place, person], "test")
    window.ctx.events.facts_changed.emit([aid])
    window.show_article(aid)
    return window.reader, text


def _format_at(reader, cp):
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.offsets.to_utf16(cp) + 1)
    return cursor.charFormat()


def test_long_spans_underlined_short_ones_coloured(make_window, library_path):
    window = make_window(library_path)
    reader, text = _article(window)
    inside_agreement = text.index("合作备忘录")
    fmt = _format_at(reader, inside_agreement)
    assert fmt.fontUnderline() or fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline
    assert fmt.underlineColor() == kinds.underline("agreement")
    assert fmt.background().style() == fmt.background().style().NoBrush  # no paint over the sentence
    place = _format_at(reader, text.index("济南"))
    assert place.background().color() == kinds.background("place")
    person = _format_at(reader, text.index("高燕"))
    assert person.background().color() == kinds.background("person")
    assert person.underlineStyle() == person.UnderlineStyle.NoUnderline


def test_legend_toggle_hides_a_kind_and_is_remembered(make_window, library_path, settings, qtbot):
    window = make_window(library_path)
    reader, text = _article(window)
    at = text.index("济南")
    reader.legend.linkActivated.emit("place")  # click on "Place" in the legend
    assert not reader.kind_visible("place")
    assert _format_at(reader, at).background().style() == _format_at(reader, at).background().style().NoBrush
    assert "place" in settings.get(READER_HIDDEN_KINDS).split(",")
    assert "line-through" in reader.legend.text()
    reader.click_at_codepoint(at)  # a hidden highlight is not clickable: the agreement around it is
    assert reader.selected_fact is not None
    assert next(f for f in reader.facts if f.id == reader.selected_fact).kind == "agreement"
    # a new reader (next start) keeps the choice
    other = ArticleReader(window.ctx)
    qtbot.addWidget(other)
    other.show_article(reader.article.id)
    assert not other.kind_visible("place")
    assert _format_at(other, at).background().style() == _format_at(other, at).background().style().NoBrush
    reader.legend.linkActivated.emit("place")
    assert reader.kind_visible("place")
    assert _format_at(reader, at).background().color() == kinds.background("place")
    assert settings.get(READER_HIDDEN_KINDS) == ""


def test_reload_after_a_jump_does_not_spread_a_highlight(make_window, library_path):
    """setPlainText takes the editor's current character format: after a jump into a
    highlight, a reload used to paint whole paragraphs in that fact's colour."""
    window = make_window(library_path)
    reader, text = _article(window)
    place = next(f for f in reader.facts if f.kind == "place")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.offsets.to_utf16(place.start) + 1)
    reader.text.setTextCursor(cursor)  # a click into the highlight puts the text cursor there
    reader.click_at_codepoint(place.start + 1)
    reader.reload()
    plain = text.index("签署")
    assert _format_at(reader, plain).background().style() == _format_at(reader, plain).background().style().NoBrush
    assert _format_at(reader, place.start).background().color() == kinds.background("place")


def test_the_user_types_an_articles_publisher_and_url_and_can_undo_it(make_window, library_path):
    """Sources print a publisher and URL: the reader's Source… sets them (undoable); a
    URL that is no web address is refused."""
    from briefbook.store.articles import source_details

    window = make_window(library_path)
    reader, _text = _article(window)
    aid = reader.article.id
    assert reader.edit_source(("Qingdao Daily", "https://m.guanhai.com.cn/p/2632.html")) is None
    details = source_details(window.ctx.lib, aid)
    assert (details["publisher"], details["url"]) == ("Qingdao Daily", "https://m.guanhai.com.cn/p/2632.html")
    assert "Qingdao Daily" in reader.header.text() and "guanhai" in reader.header.text()
    assert reader.edit_source(("Qingdao Daily", "/home/user/page.html"))  # refused, with the reason
    assert source_details(window.ctx.lib, aid)["url"] == "https://m.guanhai.com.cn/p/2632.html"
    window.ctx.undo.undo()
    details = source_details(window.ctx.lib, aid)
    assert details["publisher"] is None and details["url"] is None


def test_a_click_on_a_highlight_selects_its_fact_after_the_first_paint(make_window, library_path, qtbot):
    """The reader watches clicks from right after the window's first paint (first_paint.py)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = make_window(library_path)
    reader, text = _article(window)
    window.repaint()
    qtbot.waitUntil(lambda: window.after_first_paint.done)
    person = next(f for f in reader.facts if f.kind == "person")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.offsets.to_utf16(person.start) + 1)
    clicked = []
    reader.fact_clicked.connect(clicked.append)
    QTest.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=reader.text.cursorRect(cursor).center())
    assert clicked == [person.id]
    assert reader.selected_fact == person.id
