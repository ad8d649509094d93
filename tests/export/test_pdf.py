from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from briefbook.export import export_book
from briefbook.export.linebreak import CANNOT_START
from tests.export.sample_book import demo_book

from .conftest import EPOCH, need, pdftotext


def test_every_font_is_embedded(exported):
    need("pdffonts")
    for loc in ("zh-Hans", "en", "de"):
        out = subprocess.run(["pdffonts", str(exported[(loc, "pdf")])], check=True, capture_output=True,
                             text=True).stdout
        rows = out.splitlines()[2:]
        assert rows, "no fonts listed"
        names = " ".join(r.split()[0] for r in rows)
        assert "WenQuanYiMicroHei" in names and "LiberationSans" in names
        for row in rows:
            cols = row.split()
            # name type [type2] encoding emb sub uni object ID: emb is the 5th column from the end
            assert cols[-5] == "yes", f"font not embedded: {row}"
        assert "Helvetica" not in out


def test_text_comes_back_as_written(exported):
    zh = pdftotext(exported[("zh-Hans", "pdf")])
    for s in ("佐佐木伸彦", "薛庆国", "张琳", "76.43亿美元", "36.8亿美元", "日本贸易振兴机构", "资料来源", "目录"):
        assert s in zh, s
    en = pdftotext(exported[("en", "pdf")])
    for s in ("Xue Qingguo (薛庆国)", "Sasaki Nobuhiko (佐佐木伸彦)", "USD 7.64 billion", "Sources", "Contents",
              "Page 3 of"):
        assert s in en, s
    de = " ".join(pdftotext(exported[("de", "pdf")]).replace("\u00a0", " ").split())
    for s in ("7,64 Mrd. USD", "Quellen", "Seite 3 von", "30. Juli 2020"):
        assert s in de, s
    # the DRAFT watermark is on every page (rotated, so pdftotext scatters it; pypdf reads it whole)
    reader = PdfReader(str(exported[("de", "pdf")]))
    assert all("ENTWURF" in page.extract_text() for page in reader.pages)
    assert not any("ENTWURF" in page.extract_text() for page in PdfReader(str(exported[("en", "pdf")])).pages)


def test_outline_toc_links_and_page_numbers(exported):
    path = exported[("en", "pdf")]
    reader = PdfReader(str(path))
    outline = reader.outline
    titles = [o.title for o in outline if not isinstance(o, list)]
    assert any("Key figures" in t for t in titles)
    assert any("Sources" in t for t in titles)
    assert any(isinstance(o, list) for o in outline), "sub-headings nest in the outline"
    # the TOC page has clickable entries and real page numbers
    toc = reader.pages[1]
    links = [a.get_object() for a in toc.get("/Annots", [])]
    assert sum(1 for a in links if a.get("/Subtype") == "/Link") >= 10
    text = pdftotext(path, layout=True)
    toc_text = text.split("\f")[1]
    m = re.search(r"\n\s*8 Key figures[\s.]*(\d+)", toc_text)
    assert m, toc_text
    page_no = int(m.group(1))
    assert "Key figures" in text.split("\f")[page_no - 1]
    n_pages = len(reader.pages)
    assert f"Page {n_pages} of {n_pages}" in text


def test_cjk_lines_respect_kinsoku_and_latin_words(exported):
    text = pdftotext(exported[("zh-Hans", "pdf")], layout=False)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    bad = [ln for ln in lines if ln[0] in CANNOT_START and ln[0] not in ".%"]
    assert not bad, bad[:5]
    de = pdftotext(exported[("de", "pdf")])
    # Long German compounds are never cut without a hyphen
    assert "Handelsvolumen" in de and "Investitionsförderbüro" in de or "Investitionsförderzentrum" in de


def test_pdf_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_book(demo_book("ja"), a)
    export_book(demo_book("ja"), b)
    assert a.read_bytes() == b.read_bytes()
    assert b"D:20251122" in a.read_bytes()


@pytest.mark.parametrize("template", ["official", "compact"])
def test_templates(tmp_path, template):
    p = tmp_path / f"{template}.pdf"
    export_book(demo_book("zh-Hant", template=template), p)
    pages = len(PdfReader(str(p)).pages)
    assert pages >= 4
    if template == "compact":
        official = tmp_path / "o.pdf"
        export_book(demo_book("zh-Hant", template="official"), official)
        assert pages < len(PdfReader(str(official)).pages)


def test_progress_and_cancel(tmp_path):
    seen = []
    export_book(demo_book("en"), tmp_path / "p.pdf", progress=lambda f, m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    from briefbook.export import ExportCancelled

    for fmt in ("pdf", "docx"):
        with pytest.raises(ExportCancelled):
            export_book(demo_book("en"), tmp_path / f"c.{fmt}", cancel=lambda: True)
    # cancelled half-way through the layout passes
    calls = {"n": 0}

    def later():
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(ExportCancelled):
        export_book(demo_book("en"), tmp_path / "late.pdf", cancel=later)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.pdf"]


def _page_text_ops(path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(p.get_contents().get_data().decode("latin1") for p in reader.pages if p.get_contents() is not None)


def test_cjk_bold_is_emulated_and_reads_once(tmp_path):
    from briefbook.core.book import Book, Paragraph, Run, Section, TextItem

    book = Book("会见对象", locale="zh-Hans", sections=[Section("text", "会见对象", items=[TextItem([
        Paragraph([Run("常规文字，"), Run("加粗文字", bold=True), Run("再常规。")])])])])
    out = tmp_path / "bold.pdf"
    export_book(book, out, fmt="pdf")
    ops = _page_text_ops(out)
    # bold CJK runs: fill + stroke (render mode 2) with a thin outline, then back to fill only
    bold_runs = re.findall(r"2 Tr [\d.]+ w [\d. ]+ RG (.*?) 0 Tr", ops)
    assert len(bold_runs) >= 3  # the heading, the TOC's level-1 line, the bold run (and the cover title)
    assert all(" Tj" in r for r in bold_runs)
    # regular text is not stroked: fewer stroked runs than text runs
    assert ops.count(" Tj") > len(bold_runs)
    text = pdftotext(out)
    assert "常规文字，加粗文字再常规。" in text.replace("\n", "")
    assert "加加" not in text and "粗粗" not in text
    # one font subset set: the bold alias does not embed the font a second time
    reader = PdfReader(str(out))
    fonts = {f["/BaseFont"] for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert len([f for f in fonts if "WenQuanYi" in f]) == 1, fonts


def test_first_layout_pass_draws_nothing(tmp_path, monkeypatch):
    """multiBuild's first pass only measures (page count, TOC pages); drawing it
    was a third of the export time."""
    from reportlab.platypus import doctemplate
    from reportlab.platypus.paragraph import Paragraph

    canvases, drawn = [], []
    make = doctemplate.BaseDocTemplate._makeCanvas

    def making(self, *a, **kw):
        canvases.append(make(self, *a, **kw))
        return canvases[-1]

    draw = Paragraph.drawPara

    def drawing(self, *a, **kw):
        drawn.append(self.canv)
        return draw(self, *a, **kw)

    monkeypatch.setattr(doctemplate.BaseDocTemplate, "_makeCanvas", making)
    monkeypatch.setattr(Paragraph, "drawPara", drawing)
    out = tmp_path / "demo.pdf"
    export_book(demo_book("en"), out, fmt="pdf")
    assert len(canvases) >= 2
    assert not any(c is canvases[0] for c in drawn)
    assert any(c is canvases[-1] for c in drawn)
    text = pdftotext(out)
    assert "Contents" in text and "Sources" in text and re.search(r"Page \d+ of \d+", text)


def test_german_words_are_hyphenated_by_the_rules_in_narrow_cells():
    from reportlab.lib.styles import ParagraphStyle

    from briefbook.export.fonts import LATIN, register_pdf_fonts
    from briefbook.export.linebreak import CJKParagraph, hyphen_points

    register_pdf_fonts()
    text = "Mitgliedsunternehmen der Außenhandelsorganisation"
    st = ParagraphStyle("c", fontName=LATIN, fontSize=9, leading=11, wordWrap="CJK", hyphenationLang="de_DE")
    p = CJKParagraph(text, st)
    p.wrap(60, 500)
    lines = ["".join(str(x) for x in line.words[0].text) for line in p.blPara.lines]
    assert len(lines) >= 3 and "".join(x.rstrip("-") for x in lines).replace(" ", "") == text.replace(" ", "")
    assert lines[0] == "Mitgliedsunter-"
    # every cut is at a hyphen point of its word's patterns
    words = text.split()
    pos = 0
    for line in lines[:-1]:
        pos += len(line.rstrip("-").replace(" ", ""))
        if line.endswith("-"):
            start = 0
            for w in words:
                if start <= pos < start + len(w):
                    assert pos - start in hyphen_points(w, "de_DE"), (line, w)
                start += len(w)


def test_english_book_paragraphs_use_english_hyphenation():
    from briefbook.export.pdf import _Styles
    from briefbook.export.template import load_template

    tpl = load_template("official")
    assert _Styles(tpl, "en").s["body"].hyphenationLang == "en_GB"
    assert _Styles(tpl, "de").s["cell"].hyphenationLang == "de_DE"
    assert _Styles(tpl, "ja").s["body"].hyphenationLang == ""


def test_a_name_never_breaks_across_lines():
    from reportlab.lib.styles import ParagraphStyle

    from briefbook.export.fonts import LATIN, register_pdf_fonts
    from briefbook.export.layout import unbreakable_name
    from briefbook.export.linebreak import CJKParagraph

    register_pdf_fonts()
    name = unbreakable_name("Zhang Shuangdi (張雙弟)")
    st = ParagraphStyle("c", fontName=LATIN, fontSize=9, leading=11, wordWrap="CJK")
    for width in (40, 55, 70, 90):
        p = CJKParagraph(name, st)
        p.wrap(width, 500)
        lines = ["".join(str(x) for x in line.words[0].text).strip() for line in p.blPara.lines]
        assert "\u2060" not in "".join(lines)
        if width >= 70:  # room for each part: the only break is before the parenthesis
            assert lines in (["Zhang\u00a0Shuangdi", "(張雙弟)"], ["Zhang\u00a0Shuangdi (張雙弟)"]), lines
    cjk_only = unbreakable_name("張雙弟")
    p = CJKParagraph("協議 " + cjk_only, st)
    p.wrap(30, 500)
    lines = ["".join(str(x) for x in line.words[0].text).strip() for line in p.blPara.lines]
    assert "張雙弟" in lines, lines


def test_no_page_holds_only_a_heading(exported):
    import re

    for (loc, fmt), path in exported.items():
        if fmt != "pdf":
            continue
        pages = pdftotext(path).split("\f")
        for number, page in enumerate(pages[2:], 3):  # after the cover and the contents
            lines = [x.strip() for x in page.splitlines() if x.strip()]
            body = [x for x in lines[2:] if not re.search(r"\d+\D+\d+", x) or len(x) > 30]  # header, footer out
            if not lines:
                continue
            assert not all(re.match(r"\d+(\.\d+)*\s", x) for x in body), (loc, number, lines)


def test_japanese_book_is_set_in_the_japanese_font(tmp_path):
    """Japanese text in BIZ UDGothic (Japanese glyph forms: 直, 骨, 角, 令), with its real
    bold face; a Chinese book keeps WenQuanYi Micro Hei."""
    from briefbook.core.book import Book, Paragraph, Run, Section, TextItem

    def fonts_of(locale: str) -> set[str]:
        book = Book("直骨角令", locale=locale, sections=[Section("text", "角度", items=[TextItem([
            Paragraph([Run("直接の命令。"), Run("骨格", bold=True)])])])])
        out = tmp_path / f"{locale}.pdf"
        export_book(book, out, fmt="pdf")
        reader = PdfReader(str(out))
        return {str(f["/BaseFont"]).split("+")[-1] for p in reader.pages
                for f in (p["/Resources"].get("/Font") or {}).values()}

    ja = fonts_of("ja")
    assert {"BIZUDGothic-Regular", "BIZUDGothic-Bold"} <= ja
    assert not any("WenQuanYi" in f for f in ja)  # every character here is in the Japanese font
    zh = fonts_of("zh-Hant")
    assert any("WenQuanYi" in f for f in zh) and not any("BIZUD" in f for f in zh)


def test_delegation_role_is_not_cut_inside_a_word(exported):
    text = pdftotext(exported[("de", "pdf")], layout=True)
    assert re.search(r"\bDelegationsleiter\b", text), "the role broke across lines"
