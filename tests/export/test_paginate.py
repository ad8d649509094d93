"""The DOCX's table of contents takes its page numbers from paginate.py's estimate of
the PDF writer's pagination: it must give the page reportlab sets each heading on,
on the demo books, in every template, and on a long book whose chapters run over
many pages (long articles, a figures table over several pages, lists)."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefbook.core.book import (
    ArticleItem,
    BulletList,
    FactItem,
    Paragraph,
    Run,
    Section,
    SourceRef,
    TextItem,
)
from briefbook.export import build_layout, paginate, pdf
from briefbook.export.fonts import FONT_FILES, LATIN, LATIN_BOLD, register_pdf_fonts
from briefbook.export.template import available_templates, load_template
from tests.export.sample_book import demo_book

SENTENCES = [
    "日本是青岛市第三大贸易伙伴。2019年,青岛与日本进出口贸易总额为76.43亿美元,同比增长2.1%。",
    "歐力士集團作為日本最大的非銀行金融機構,于2020年11月在青島設立了中國產業投資總部。",
    "Die Veranstaltung stärkt das Vertrauen in die lokale ökonomische und handelsspezifische Kooperation.",
    "ジェトロは日本企業の海外展開を支援し、青島事務所を通じて山東省との経済交流を進めている。",
    "The delegation met the Mitgliedsunternehmen of the chamber to discuss investment in Qingdao.",
]


def long_book(locale: str):
    """The demo book with background articles of 10 to 30 sentences, a table of 150
    figures and a long list: chapters of several pages each."""
    book = demo_book(locale)
    sources = [SourceRef(f"报道 {i + 1}", publisher="新华网", date=f"2020-{1 + i % 12:02d}-01",
                         url=f"https://example.org/{i}") for i in range(24)]
    articles = [ArticleItem(s.title, s, s.date, "\n".join(SENTENCES[(i + k) % 5] for k in range(10 + i % 21)),
                            summary=SENTENCES[i % 5]) for i, s in enumerate(sources)]
    facts = [FactItem("amount", f"{i}亿美元", {"value": (50 + i % 30) * 1e7 * (1 + i // 30), "currency": "USD"},
                      source=sources[i % 24], measure=f"贸易指标 {i % 30 + 1:02d}", as_of=f"{2015 + i // 30}")
             for i in range(150)]
    points = TextItem([BulletList([[Run(s)] for s in SENTENCES * 8])])
    intro = TextItem([Paragraph([Run(" ".join(SENTENCES * 3))])])
    book.sections += [Section("figures", items=facts), Section("background", items=articles),
                      Section("talking_points", items=[intro, points])]
    return book


def _compare(book):
    document, tpl = build_layout(book)
    exact = pdf.heading_pages(document, tpl)
    return exact, paginate.heading_pages(document, tpl)


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en", "de", "ja"])
def test_the_demo_books_headings_are_on_the_pages_reportlab_sets_them(locale):
    exact, estimated = _compare(demo_book(locale))
    assert len(exact) > 10
    assert estimated == exact


@pytest.mark.parametrize("template", available_templates())
def test_every_template_paginates_as_the_pdf(template):
    exact, estimated = _compare(demo_book("zh-Hans", template=template))
    assert estimated == exact


@pytest.mark.parametrize("locale", ["zh-Hans", "de"])
def test_a_long_book_paginates_as_the_pdf(locale):
    exact, estimated = _compare(long_book(locale))
    assert max(exact.values()) > 25  # chapters of many pages
    assert estimated == exact


@pytest.mark.parametrize("template", available_templates())
def test_the_styles_are_the_pdf_writers(template):
    tpl = load_template(template)
    pdf_styles = pdf._Styles(tpl, "en").s
    for name, st in paginate.text_styles(tpl).items():
        if name.startswith("toc") and name != "toc_title":
            continue  # the TOC's level styles are made in pdf._block
        ref = pdf_styles[name]
        assert (st.size, st.leading, st.after, st.indent) == (ref.fontSize, ref.leading, ref.spaceAfter,
                                                              ref.leftIndent), name
        assert st.before == ref.spaceBefore and st.keep_next == bool(getattr(ref, "keepWithNext", 0)), name


def test_advance_widths_are_reportlabs():
    register_pdf_fonts()
    for font in (LATIN, LATIN_BOLD):
        widths = paginate._latin_widths(FONT_FILES[font])
        for ch in "AaWwiIl1.,;:äöüßÄÖÜéè€–—“”(){}[]%&@ ":
            assert widths[ord(ch)] * 1000 == pytest.approx(stringWidth(ch, font, 1000), abs=1e-6), (font, ch)


def test_a_longer_paragraph_takes_more_lines_and_a_narrower_column_more():
    measure = paginate._Measure(cjk_book=True)
    text = [(" ".join(SENTENCES), False, 1.0)]
    wide = paginate.count_lines(text, 450, 10.5, measure)
    assert wide > 1
    assert paginate.count_lines(text, 200, 10.5, measure) > wide
    assert paginate.count_lines([(SENTENCES[0], False, 1.0)], 450, 10.5, measure) < wide
    assert paginate.count_lines([("a\nb\nc", False, 1.0)], 450, 10.5, measure) == 3


@pytest.fixture(scope="module")
def demo_library(tmp_path_factory):
    from briefbook.services.demo import build_demo_library

    lib = build_demo_library(tmp_path_factory.mktemp("paginate") / "demo.briefbook")
    yield lib
    lib.close()


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en", "de", "ja"])
@pytest.mark.parametrize("template", available_templates())
def test_the_demo_librarys_book_paginates_as_the_pdf(demo_library, locale, template):
    """The book the demo library holds (profiles with short tables after each heading:
    the space before a heading that follows a conditional page break is not collapsed)."""
    from briefbook.services.demo_book import build_demo_book
    from briefbook.services.exporting import book_for_export

    book = book_for_export(demo_library, build_demo_book(demo_library, locale=locale, template=template),
                           locale=locale)
    exact, estimated = _compare(book)
    assert estimated == exact
