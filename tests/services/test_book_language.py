"""The demo book as its reader gets it: every word in the book's language and script.

The demo library is built once; each locale's book is built in a copy of it, the way
``briefbook export --demo --locale X`` builds it, and read from its layout tree (what
both writers print).  The Sources list may keep the articles' original titles.
"""

import re
import shutil

import pytest

from briefbook.core.text import has_cjk, to_japanese_forms, to_simplified
from briefbook.export import build_layout
from briefbook.export import layout as L
from briefbook.services.demo import build_demo_library
from briefbook.services.demo_book import build_demo_book
from briefbook.services.exporting import book_for_export, book_language_check
from briefbook.store.db import open_library

LOCALES = ("de", "en", "zh-Hans", "ja")


@pytest.fixture(scope="module")
def demo_books(tmp_path_factory):
    """{locale: (document, book, language check)} of the demo book in each locale."""
    root = tmp_path_factory.mktemp("demo-language")
    build_demo_library(root / "base.briefbook").close()
    out = {}
    for loc in LOCALES:
        path = root / f"{loc}.briefbook"
        shutil.copy(root / "base.briefbook", path)
        lib = open_library(path)
        try:
            book_id = build_demo_book(lib, locale=loc)
            book = book_for_export(lib, book_id)
            out[loc] = (build_layout(book)[0], book, book_language_check(lib, book_id))
        finally:
            lib.close()
    return out


def _spans(spans) -> str:
    return "".join(s.text for s in spans)


def printed_lines(doc: L.Document, sources_title: str) -> list[str]:
    """Every line the book prints, the cover included, the Sources list left out."""
    cover = doc.cover
    lines = [cover.title, cover.subtitle, cover.classification, cover.prepared,
             *(f"{a} {b}" for a, b in cover.lines + cover.control)]
    in_sources = False
    for b in doc.blocks:
        if isinstance(b, L.Heading):
            in_sources = b.level == 1 and b.text == sources_title if b.level == 1 else in_sources
            if not in_sources:
                lines.append(b.text)
        elif in_sources:
            continue
        elif isinstance(b, L.Para):
            lines.append(_spans(b.spans))
        elif isinstance(b, L.Table):
            lines += [_spans(cell) for row in [b.header, *b.rows] for cell in row]
        elif isinstance(b, L.Chart):
            lines += [b.title, *(p.label for p in b.points), *(p.display for p in b.points)]
    return [ln for ln in lines if ln]


def _sources_title(book) -> str:
    return next(s.title for s in book.sections if s.kind == "sources")


_GLOSS = re.compile(r"[(（][^()（）]*[)）]")


def outside_parentheses(line: str) -> str:
    """The line without its parenthesised glosses: "Xue Qingguo (薛慶國)" -> "Xue Qingguo "."""
    return _GLOSS.sub("", line)


def test_outside_parentheses_keeps_what_a_reader_must_read():
    assert not has_cjk(outside_parentheses("Xue Qingguo (薛⁠慶⁠國) · Yanhai e Jia (烟海e家)"))
    assert has_cjk(outside_parentheses("Anzahl der Projekte · 烟台 (Yantai)"))


@pytest.mark.parametrize("loc", ["de", "en"])
def test_a_latin_book_has_cjk_only_in_glosses(demo_books, loc):
    doc, book, _check = demo_books[loc]
    lines = printed_lines(doc, _sources_title(book))
    assert len(lines) > 50  # the book has its sections, profiles and figures
    assert [ln for ln in lines if has_cjk(outside_parentheses(ln))] == []
    # the originals are kept where a reader needs them: the people's names
    assert any(re.search(r"[A-Z][a-z]+\s[A-Z][a-z]+†?\s\([^)]*[\u4e00-\u9fff]", ln) for ln in lines)


def test_a_simplified_book_has_no_traditional_forms(demo_books):
    doc, book, _ = demo_books["zh-Hans"]
    lines = printed_lines(doc, _sources_title(book))
    assert sum(map(has_cjk, lines)) > 50
    assert [ln for ln in lines if to_simplified(ln) != ln] == []


def test_a_japanese_book_has_japanese_forms(demo_books):
    doc, book, _ = demo_books["ja"]
    lines = printed_lines(doc, _sources_title(book))
    assert sum(map(has_cjk, lines)) > 40
    assert [ln for ln in lines if to_japanese_forms(ln) != ln] == []
    assert any("佐⁠々⁠木" in ln for ln in lines)  # a Japanese name in Japanese forms


@pytest.mark.parametrize("loc", LOCALES)
def test_untranslated_quotes_are_left_out_and_listed(demo_books, loc):
    doc, book, check = demo_books[loc]
    left_out = [i for i in check if i["code"] == "quote_untranslated"]
    assert left_out  # the seed articles' Chinese quotes (and a German one outside de)
    printed = "\n".join(printed_lines(doc, _sources_title(book)))
    for issue in left_out:
        assert issue["text"][:30] not in printed


def test_the_2020_book_takes_no_2024_figures(demo_books):
    for loc in ("de", "zh-Hans"):
        _doc, book, _ = demo_books[loc]
        figures = [i for s in book.sections if s.kind == "figures" for i in s.items]
        assert figures  # the trip's figures are there
        assert [f.source.date for f in figures if f.source and (f.source.date or "").startswith("2024")] == []
        assert not [f for f in figures if "Yantai" in (f.measure or "") or "烟台" in (f.measure or "")]


@pytest.mark.parametrize("loc", LOCALES)
def test_every_demo_delegation_member_has_an_organisation_and_a_role(demo_books, loc):
    _doc, book, _ = demo_books[loc]
    members = book.trip.members
    assert len(members) == 9 and all(m.org for m in members) and all(m.role for m in members)
    assert [m.role for m in members[:3]] == {
        "de": ["Delegationsleiter", "Stellv. Delegationsleiter", "Delegationsmitglied"],
        "en": ["Head of delegation", "Deputy head of delegation", "Member"],
        "zh-Hans": ["团长", "副团长", "团员"], "ja": ["団長", "副団長", "団員"]}[loc]
    if loc in ("de", "en"):
        assert not [m.org for m in members if has_cjk(m.org)]
    head = members[0]
    assert head.org == {"de": "Unternehmensverband Qingdao", "en": "Qingdao Enterprise Confederation",
                        "zh-Hans": "青岛市企业联合会", "ja": "青島市企業連合会"}[loc]


@pytest.mark.parametrize("loc", LOCALES)
def test_every_demo_source_names_its_publisher(demo_books, loc):
    """The officer typed the publisher (and the URL where known) that a pasted text lacks."""
    doc, _book, _ = demo_books[loc]
    assert doc.sources and all(len(e.spans) > 1 for e in doc.sources), [e.short for e in doc.sources]
    assert any("https://m.myzjcamt.com/contents/29/605.html" in e.short for e in doc.sources)


@pytest.mark.parametrize(("loc", "expected"), [
    ("en", "Investment in Qingdao from Japan"), ("de", "Investitionen in Qingdao aus Japan"),
    ("zh-Hans", "日本对青岛投资"), ("zh-Hant", "日本對青島投資"), ("ja", "日本から青島への投資")])
def test_a_directed_subject_reads_as_words(loc, expected):
    from briefbook.services.language import render_measure

    label = {"en": "Investment", "de": "Investitionen", "zh-Hans": "投资", "zh-Hant": "投資", "ja": "投資"}[loc]
    assert render_measure(f"{label} · 青岛 ← 日本", loc) == expected
    assert "→" not in render_measure(f"{label} · 日本 → 青岛", loc)
    pair = {"en": "Qingdao–Japan: investment", "de": "Qingdao–Japan: Investitionen", "zh-Hans": "青岛–日本投资",
            "zh-Hant": "青島–日本投資", "ja": "青島–日本の投資"}[loc]
    assert render_measure(f"{label} · 青岛–日本", loc) == pair


@pytest.mark.parametrize("loc", LOCALES)
def test_a_figure_label_names_its_subject_in_words_of_the_locale(demo_books, loc):
    """No label of measure and subject joined by the review lists' " · ": the subject
    and its measure read as one phrase ("…: number of …", "…の機関数")."""
    from briefbook.core.book import NUMERIC_KINDS, FactItem

    doc, book, _ = demo_books[loc]
    measures = {i.measure for s in book.sections for i in s.items
                if isinstance(i, FactItem) and i.kind in NUMERIC_KINDS and i.measure}
    assert measures and [m for m in measures if "·" in m] == []
    phrase = {"en": ": number of", "de": ": Anzahl der", "zh-Hans": "机构数", "ja": "の機関数"}[loc]
    assert any(phrase in m for m in measures), sorted(measures)
    lines = printed_lines(doc, _sources_title(book))
    assert any(phrase in ln for ln in lines), phrase
    # a figure with no period of its own is dated by the day its article reported it
    unknown = {"en": "period unknown", "de": "Zeitraum unbekannt", "zh-Hans": "时期不明", "ja": "期間不明"}[loc]
    reported = {"en": "reported 31 Jul 2020", "de": "Meldung vom 31. Juli 2020", "zh-Hans": "2020年7月31日报道",
                "ja": "2020年7月31日報道"}[loc]
    assert reported in lines
    facts = [i for s in book.sections for i in s.items if isinstance(i, FactItem) and i.kind in NUMERIC_KINDS]
    # "period unknown" only where the article has no date either
    assert [i for i in facts if i.value.get("period_label") == unknown and i.source and i.source.date] == []


@pytest.mark.parametrize("loc", LOCALES)
def test_figure_headings_have_no_arrows(demo_books, loc):
    doc, book, _ = demo_books[loc]
    lines = printed_lines(doc, _sources_title(book))
    assert [ln for ln in lines if "←" in ln or "→" in ln] == []
    phrase = {"en": "in Qingdao from Japan", "de": "in Qingdao aus Japan", "zh-Hans": "日本对青岛",
              "ja": "日本から青島への"}[loc]
    assert any(phrase in ln.replace("\u2060", "") for ln in lines)


@pytest.mark.parametrize("loc", ["zh-Hans", "de"])
def test_the_demo_docx_toc_numbers_the_pages_libreoffice_prints(demo_books, loc, tmp_path):
    """The DOCX's TOC takes its numbers from the PDF's pagination: in LibreOffice's
    rendering a chapter's entry names the page it starts on (a PDF TOC that spilled
    onto a second page numbered every entry a page too high), and a sub-section's entry
    that page or its neighbour (LibreOffice sets lines a little differently: Word
    renumbers them when it updates the fields)."""
    import shutil as sh
    import subprocess

    from briefbook.export import export_book
    from tests.export.test_docx_fonts import convert_without_shipped_fonts

    soffice = sh.which("soffice") or sh.which("libreoffice")
    if not soffice or not sh.which("pdftotext"):
        pytest.skip("LibreOffice and pdftotext are needed")
    _doc, book, _ = demo_books[loc]
    src = export_book(book, tmp_path / "demo.docx", fmt="docx")
    pdf = convert_without_shipped_fonts(soffice, src, tmp_path)
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    toc = re.findall(r"^(\d+(?:\.\d+)*)\s+(.+?)\s*\.{3,}\s*(\d+)\s*$", pages[1], re.M)
    assert len(toc) > 10
    for number, title, page in toc:
        heading = re.compile(rf"^{re.escape(number)}\s+", re.M)
        near = [int(page) - 1] if "." not in number else [int(page) - 2, int(page) - 1, int(page)]
        assert any(heading.search(pages[i]) for i in near if 0 <= i < len(pages)), (number, title, page)
