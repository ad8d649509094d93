"""The line breaker gives the same lines as its first, per-character version
(tests/export/linebreak_reference.py): the same text, fragments, widths and line
breaks on every paragraph of the demo books and on generated mixed text, so the
PDF and the DOCX table of contents keep their page numbers."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle

from briefbook.export import build_layout, linebreak
from briefbook.export.fonts import CJK, LATIN, LATIN_BOLD, register_pdf_fonts
from briefbook.export.linebreak import CANNOT_END, CANNOT_START, CJKParagraph, _may_break, can_break_between
from tests.export.linebreak_reference import reference_break_lines
from tests.export.sample_book import demo_book


def _line_key(line) -> tuple:
    words = tuple((w.text, w.fontName, w.fontSize, hasattr(w, "cbDefn"), getattr(w, "link", None))
                  for w in line.words)
    return (line.kind, line.extraSpace, line.wordCount, line.fontSize, line.ascent, line.descent,
            line.maxWidth, line.currentWidth, line.lineBreak, words)


def _keys(para_lines) -> list[tuple]:
    return [_line_key(line) for line in para_lines.lines]


POOL = ("青岛日本经贸合作東京都「」（），。、！？：；ー々っャ한국어"
        "Mitgliedsunternehmen office Zhang Shuangdi 2019 76.43 10:00-11:30 a/b "
        "  \u00a0\u2060-–—([{}])“”‘’%$#")


def test_break_classes_answer_as_the_rules_do():
    chars = sorted(set(POOL) | CANNOT_START | CANNOT_END | set("\t\n가ａ１") | {""})
    for prev in chars:
        for cur in chars:
            assert _may_break(prev, cur) == can_break_between(prev, cur), (prev, cur)


@pytest.fixture(scope="module")
def fonts():
    register_pdf_fonts()


def _para(pieces: list[tuple[str, str, float]], hyphenation: str) -> CJKParagraph:
    markup = "".join(f'<font name="{font}" size="{size}">{escape(text)}</font>' if text != "\n" else "<br/>"
                     for text, font, size in pieces)
    style = ParagraphStyle("t", fontName=LATIN, fontSize=9, leading=12, wordWrap="CJK",
                           hyphenationLang=hyphenation)
    return CJKParagraph(markup, style)


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.tuples(st.one_of(st.text(alphabet=POOL, min_size=1, max_size=60), st.just("\n")),
                                 st.sampled_from([LATIN, LATIN_BOLD, CJK]), st.sampled_from([7.5, 9, 12])),
                       min_size=1, max_size=4),
       widths=st.lists(st.floats(min_value=8, max_value=320), min_size=1, max_size=3),
       hyphenation=st.sampled_from(["", "de_DE", "en_GB"]), bounds=st.booleans())
def test_generated_mixed_text_breaks_as_before(fonts, pieces, widths, hyphenation, bounds):
    p = _para(pieces, hyphenation)
    assert _keys(linebreak.break_lines(p.frags, widths, bounds, hyphenation)) == \
        _keys(reference_break_lines(p.frags, widths, bounds, hyphenation))


@pytest.mark.parametrize("locale", ["zh-Hans", "de", "ja"])
def test_every_paragraph_of_the_demo_book_breaks_as_before(fonts, monkeypatch, locale):
    """The PDF layout of the demo book, each paragraph broken by both: the same lines,
    and so the same page for every heading."""
    from briefbook.export.pdf import heading_pages

    fast = linebreak.break_lines
    compared = []

    def both(frags, max_widths, calc_bounds, hyphenation=""):
        ours = fast(frags, max_widths, calc_bounds, hyphenation)
        assert _keys(ours) == _keys(reference_break_lines(frags, max_widths, calc_bounds, hyphenation))
        compared.append(len(ours.lines))
        return ours

    document, tpl = build_layout(demo_book(locale))
    monkeypatch.setattr(linebreak, "break_lines", both)
    pages = heading_pages(document, tpl)
    assert len(compared) > 50 and sum(compared) > len(compared)  # real paragraphs, many of several lines
    monkeypatch.setattr(linebreak, "break_lines", reference_break_lines)
    assert heading_pages(document, tpl) == pages
    assert len(pages) == sum(1 for b in document.blocks if type(b).__name__ == "Heading")


def test_a_paragraph_with_an_anchor_and_a_line_break_breaks_as_before(fonts):
    style = ParagraphStyle("t", fontName=LATIN, fontSize=9, leading=12, wordWrap="CJK")
    p = CJKParagraph('<a name="h1"/>日本是青岛市第三大贸易伙伴。<br/>2019年 <b>bold</b> tail', style)
    for width in (30, 60, 200):
        assert _keys(linebreak.break_lines(p.frags, [width], True)) == \
            _keys(reference_break_lines(p.frags, [width], True))
    lines = linebreak.break_lines(p.frags, [60], False).lines
    assert "".join(w.text for line in lines for w in line.words).replace(" ", "").startswith("日本是青岛市")
