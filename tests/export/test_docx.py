from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefbook.export import export_book
from tests.export.sample_book import demo_book

from .conftest import EPOCH, need, pdftotext
from .test_docx_fonts import convert_without_shipped_fonts

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _xml(path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def test_python_docx_rereads_and_east_asian_fonts(exported):
    path = exported[("zh-Hans", "docx")]
    doc = Document(str(path))
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rf = rpr_default.find(qn("w:rFonts"))
    # the shipped fonts, which the file embeds (test_docx_fonts.py)
    assert rf.get(qn("w:eastAsia")) == "WenQuanYi Micro Hei"
    assert rf.get(qn("w:ascii")) == "Liberation Sans"
    for style in ("Normal", "Heading 1", "Heading 2", "Title", "BB Cell", "toc 1"):
        srf = doc.styles[style].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert srf.get(qn("w:eastAsia")), style
    for el in styles.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            assert el.get(qn(attr)) is None
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "青岛市经贸代表团访日参阅材料" in text
    # names keep the WORD JOINERs that glue them (test_a_cjk_name_stays_on_one_line…)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells).replace("\u2060", "")
    assert "佐佐木伸彦" in cells and "76.43亿美元" in cells and "薛庆国" in cells


def test_toc_field_footnotes_header_footer(exported):
    path = exported[("en", "docx")]
    settings = _xml(path, "word/settings.xml")
    assert "updateFields" not in settings  # Word must not ask to update fields on opening
    body = _xml(path, "word/document.xml")
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert "PAGEREF _Toc000001" in body
    assert 'w:name="_Toc000001"' in body
    assert "<w:tblHeader/>" in body
    assert '<w:footnoteReference w:id="1"/>' in body
    foot = _xml(path, "word/footnotes.xml")
    assert "[1]" not in foot  # footnotes are numbered once, by Word
    assert "guanhai.com.cn" in foot
    rels = _xml(path, "word/_rels/document.xml.rels")
    assert "footnotes.xml" in rels
    ct = _xml(path, "[Content_Types].xml")
    assert "footnotes+xml" in ct
    footers = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("word/footer")]
    assert any("NUMPAGES" in _xml(path, n) and "Page" in _xml(path, n) for n in footers)
    headers = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("word/header")]
    assert any("Briefing book" in _xml(path, n) and "OFFICIAL – SENSITIVE" in _xml(path, n) for n in headers)
    assert any("OFFICIAL – SENSITIVE" in _xml(path, n) for n in footers)  # the marking at the foot too
    # the TOC entries are written out, so the file reads right before any field update
    doc = Document(str(path))
    toc_lines = [p.text for p in doc.paragraphs if p.style.name.startswith("toc")]
    assert any("Key figures" in t for t in toc_lines)


def test_word_structures_numbering_table_style_rows_toc_pages(exported):
    import re

    path = exported[("en", "docx")]
    body = _xml(path, "word/document.xml")
    numbering = _xml(path, "word/numbering.xml")
    styles = _xml(path, "word/styles.xml")
    # heading numbers and bullets come from numbering.xml, not typed text
    assert 'w:abstractNumId="901"' in numbering and '<w:lvlText w:val="%1.%2"/>' in numbering
    assert '<w:lvlText w:val="•"/>' in numbering
    doc = Document(str(path))
    heads = [p for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert heads and not any(re.match(r"\d+(\.\d+)*\s", p.text) for p in heads)
    assert not any(p.text.startswith("•") for p in doc.paragraphs)
    h1 = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S).group(0)
    assert '<w:numId w:val="901"/>' in h1
    # every table has the named style, every row is kept on one page
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S)
    assert tables and all('<w:tblStyle w:val="BBTable"/>' in t or '<w:tblStyle w:val="BBCoverTable"/>' in t
                          for t in tables)
    assert body.count("<w:tr>") == body.count("<w:cantSplit/>")
    assert 'w:styleId="BBTable"' in styles and "<w:name w:val=\"BB Table\"/>" in styles
    # the TOC's PAGEREFs carry page numbers already
    pages = re.findall(r"PAGEREF _Toc\d+ \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/>"
                       r"</w:r><w:r><w:t xml:space=\"preserve\">(\d+)</w:t>", body)
    assert len(pages) == body.count("PAGEREF _Toc") and pages
    assert [int(x) for x in pages] == sorted(int(x) for x in pages) and int(pages[0]) >= 3
    # header: the right tab stop is at the right margin (A4, 25 + 22 mm margins), not mid-page
    hdr = re.search(r'<w:style [^>]*w:styleId="Header".*?</w:style>', styles, re.S).group(0)
    sec = doc.sections[0]
    text_width = (sec.page_width - sec.left_margin - sec.right_margin) // 635  # EMU -> twips
    assert f'<w:tab w:val="right" w:pos="{text_width}"/>' in hdr and "4680" not in hdr


def test_footnotes_once_per_source_per_section(exported):
    import re

    path = exported[("en", "docx")]
    body = _xml(path, "word/document.xml")
    foot = _xml(path, "word/footnotes.xml")
    notes = re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', foot, re.S)
    refs = re.findall(r"<w:footnoteReference w:id=\"(\d+)\"/>", body)
    again = body.count("NOTEREF _BBNote")
    assert notes and len(refs) == len(notes) and again > 0  # repeated citations point to the same note
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", n)) for _, n in notes]
    assert not any(re.match(r"\s*\[\d+\]", t) for t in texts)
    # a footnote text appears at most once per chapter: count chapters by Heading 1
    chapters = body.split('w:val="Heading1"')
    for ch in chapters:
        ids = re.findall(r"<w:footnoteReference w:id=\"(\d+)\"/>", ch)
        shown = [texts[int(i) - 1] for i in ids]
        assert len(shown) == len(set(shown))


def test_watermark_only_when_draft(exported):
    de = exported[("de", "docx")]
    assert any("PowerPlusWaterMarkObject" in _xml(de, n) and "ENTWURF" in _xml(de, n)
               for n in zipfile.ZipFile(de).namelist() if n.startswith("word/header"))
    en = exported[("en", "docx")]
    assert not any("PowerPlusWaterMarkObject" in _xml(en, n) for n in zipfile.ZipFile(en).namelist()
                   if n.endswith(".xml"))


def test_chart_picture_present(exported):
    names = zipfile.ZipFile(exported[("de", "docx")]).namelist()
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in names)


def test_docx_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    export_book(demo_book("de", draft=True), a)
    export_book(demo_book("de", draft=True), b)
    assert a.read_bytes() == b.read_bytes()
    core = _xml(a, "docProps/core.xml")
    assert "2025-11-22T00:00:00Z" in core
    assert all(i.date_time == (2025, 11, 22, 0, 0, 0) for i in zipfile.ZipFile(a).infolist())


def test_libreoffice_converts_and_keeps_cjk(exported, tmp_path):
    need("pdffonts")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    src = exported[("zh-Hans", "docx")]
    pdf = convert_without_shipped_fonts(soffice, src, tmp_path)
    # drawn in the fonts the file embeds: the machine's fontconfig sees none of them
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "WenQuanYiMicroHei" in fonts and "LiberationSans" in fonts
    text = pdftotext(pdf)
    squeezed = "".join(text.split())  # LibreOffice inserts spaces between CJK and Latin digits when laying out
    for s in ("佐佐木伸彦", "薛庆国", "76.43亿美元", "目录", "资料来源"):
        assert s in squeezed, s
    for s in ("日本贸易振兴机构", "第 2 页，共"):
        assert s in text, s
    # the TOC shows each entry with its page number, and the heading is on that page
    import re

    pages = text.split("\f")
    toc = re.findall(r"^(\d+(?:\.\d+)*)\s+(.+?)\s*\.{3,}\s*(\d+)\s*$", pages[1], re.M)
    assert len(toc) == sum(1 for _ in Document(str(src)).paragraphs if _.style.name.startswith("Heading")) - 1
    for number, title, page in toc:
        heading = re.compile(rf"^{re.escape(number)}\s+{re.escape(title.strip()[:8])}", re.M)
        assert heading.search(pages[int(page) - 1]), (number, title, page)


def test_compact_template_cites_with_linked_brackets(tmp_path):
    p = export_book(demo_book("en", template="compact"), tmp_path / "c.docx")
    body = _xml(p, "word/document.xml")
    assert 'w:anchor="src1"' in body and 'w:name="src1"' in body
    assert "footnoteReference" not in body
    assert "word/footnotes.xml" not in zipfile.ZipFile(p).namelist()


def test_no_local_path_in_any_exported_text(exported):
    import re

    local = re.compile(r"(?:/home/|/tmp/|/Users/|[A-Za-z]:\\\\|file:|seeds/|\.txt\b|\.docx\b)")  # URLs may end in .html
    for (loc, fmt), path in exported.items():
        if fmt == "pdf":
            text = pdftotext(path)
        else:
            with zipfile.ZipFile(path) as z:
                text = " ".join(z.read(n).decode("utf-8") for n in z.namelist()
                                if n.startswith("word/") and n.endswith(".xml") and "rels" not in n)
            text = re.sub(r"<[^>]+>", " ", text)
        assert not local.search(text), (loc, fmt, local.search(text).group(0))


def test_a_cjk_name_stays_on_one_line_in_libreoffice(tmp_path):
    """The layout glues a CJK name with WORD JOINERs; the DOCX keeps them, in a run
    without an East Asian language (LibreOffice breaks CJK-language text between any
    two ideographs, joiners or not), and LibreOffice's PDF breaks only before "("."""
    from docx.shared import Mm

    from briefbook.export.docx_writer import _Writer
    from briefbook.export.layout import unbreakable_name

    name = unbreakable_name("Zhang Shuangdi (張雙弟)")
    w = _Writer.__new__(_Writer)
    w.japanese = w.cjk_book = False
    doc = Document()
    for indent in range(126, 142, 2):  # ever narrower columns
        p = doc.add_paragraph()
        p.paragraph_format.right_indent = Mm(indent)
        w.run(p._p, name, bold=True)
    runs = [r for r in doc.paragraphs[0]._p.iter(qn("w:r"))]
    glued = [r for r in runs if "\u2060" in "".join(t.text for t in r.iter(qn("w:t")))]
    assert ["".join(t.text for t in r.iter(qn("w:t"))) for r in glued] == ["(張\u2060雙\u2060弟)"]
    assert glued[0].find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:eastAsia")) == "x-none"
    assert "Zhang\u00a0Shuangdi" in "".join(t.text for t in doc.paragraphs[0]._p.iter(qn("w:t")))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    # the book's East Asian language, as the export sets it, so the test sees its line breaking
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="de-DE" w:eastAsia="zh-CN"/>'))
    src = tmp_path / "names.docx"
    doc.save(str(src))
    text = pdftotext(convert_without_shipped_fonts(soffice, src, tmp_path))
    assert text.count("張雙弟") == 8, text  # never 張雙 / 弟


def test_a_chinese_book_hints_its_shared_punctuation_to_the_east_asian_font(exported):
    """Runs with … “ ” in a Chinese book ask for the East Asian font (w:hint), as the
    PDF sets them; an English book's runs do not."""
    import re

    zh = _xml(exported[("zh-Hans", "docx")], "word/document.xml")
    en = _xml(exported[("en", "docx")], "word/document.xml")
    runs = re.findall(r"<w:r>(.*?)</w:r>", zh)
    quoted = [r for r in runs if re.search("<w:t[^>]*>[^<]*[“”…]", r)]
    assert quoted and all('w:hint="eastAsia"' in r for r in quoted)
    assert 'w:hint="eastAsia"' not in en
