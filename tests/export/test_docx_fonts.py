"""The shipped fonts embedded in exported DOCX files (ECMA-376 Part 1 §17.8.1):
obfuscated subsets that Word and LibreOffice use on a machine without the fonts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefbook.core.book import Book, Paragraph, Run, Section, TextItem
from briefbook.export import export_book
from briefbook.export.docx_fonts import font_key, obfuscate

from .conftest import need, pdftotext

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def convert_without_shipped_fonts(soffice: str, src: Path, out: Path, *more: Path) -> Path:
    """LibreOffice's PDF of ``src`` (and of ``more``, in the same session), run with a
    fontconfig that knows one Latin font (reportlab's Bitstream Vera) and none of the
    fonts Briefbook ships."""
    import reportlab

    fonts = out / "lo-fonts"
    fonts.mkdir(exist_ok=True)
    shutil.copy(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", fonts)
    conf = out / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{fonts}</dir>'
                    f"<cachedir>{out / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    env = {**__import__("os").environ, "FONTCONFIG_FILE": str(conf)}
    subprocess.run([soffice, f"-env:UserInstallation=file://{out / 'lo-profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(out), str(src), *map(str, more)], check=True, capture_output=True,
                   timeout=300, env=env)
    pdf = out / (src.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def _embedded(path: Path) -> dict[tuple[str, str], TTFont]:
    """(family, face) -> the de-obfuscated font of each embedding in the font table."""
    from lxml import etree

    z = zipfile.ZipFile(path)
    table = etree.fromstring(z.read("word/fontTable.xml"))
    rels = etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for font in table.iter(f"{W}font"):
        for embed in font:
            tag = etree.QName(embed).localname
            if not tag.startswith("embed"):
                continue
            data = z.read("word/" + targets[embed.get(f"{R}id")])
            plain = obfuscate(data, embed.get(f"{W}fontKey"))
            assert plain[:4] == b"\x00\x01\x00\x00", "not a TrueType file once de-obfuscated"
            out[(font.get(f"{W}name"), tag[5:])] = TTFont(io.BytesIO(plain))
    return out


def _text(path: Path) -> str:
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", body))


def test_obfuscation_is_the_guid_xor_of_the_first_32_bytes():
    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    data = bytes(40)
    done = obfuscate(data, key)
    # the key's bytes in reverse order, twice over the first 32 bytes; the rest untouched
    assert done[:16] == bytes.fromhex("FFEEDDCCBBAA99887766554433221100")
    assert done[16:32] == done[:16] and done[32:] == bytes(8)
    assert obfuscate(done, key) == data
    assert font_key("Liberation Sans", "Bold") == font_key("Liberation Sans", "Bold") != font_key(
        "Liberation Sans", "Regular")


def test_chinese_book_embeds_latin_and_chinese_subsets(exported):
    path = exported[("zh-Hans", "docx")]
    z = zipfile.ZipFile(path)
    assert 'Extension="odttf"' in z.read("[Content_Types].xml").decode()
    settings = z.read("word/settings.xml").decode()
    assert "<w:embedTrueTypeFonts/>" in settings and "<w:saveSubsetFonts/>" in settings
    fonts = _embedded(path)
    assert {("Liberation Sans", "Regular"), ("Liberation Sans", "Bold"), ("WenQuanYi Micro Hei", "Regular")} <= set(
        fonts)
    text = _text(path)
    cjk = {ord(c) for c in text if "\u4e00" <= c <= "\u9fff"}
    assert len(cjk) > 100 and cjk <= set(fonts[("WenQuanYi Micro Hei", "Regular")].getBestCmap())
    assert path.stat().st_size < 3_000_000


def test_every_book_embeds_the_same_bytes_for_a_face(exported, tmp_path):
    """LibreOffice keeps the first embedded font of a name for its session: a face cut
    to one book's characters would rob the next book opened of its glyphs."""
    other = Book("访问", locale="zh-Hans", sections=[Section("text", "说明", items=[TextItem([
        Paragraph([Run("一个不同的文本：龘 Größe", bold=True)])])])])
    a = _raw_faces(exported[("zh-Hans", "docx")])
    b = _raw_faces(export_book(other, tmp_path / "other.docx"))
    shared = set(a) & set(b)
    assert {("Liberation Sans", "Regular"), ("WenQuanYi Micro Hei", "Regular")} <= shared
    for face in shared:
        assert a[face] == b[face], face


def _raw_faces(path: Path) -> dict[tuple[str, str], bytes]:
    out = {}
    for face, font in _embedded(path).items():
        buf = io.BytesIO()
        font.reader.file.seek(0)
        buf.write(font.reader.file.read())
        out[face] = buf.getvalue()
    return out


def test_latin_book_without_cjk_text_carries_no_cjk_font(tmp_path):
    book = Book("Visit to Munich", locale="en", sections=[Section("text", "Notes", items=[TextItem([
        Paragraph([Run("Meeting with the Chamber of Commerce; "), Run("agreed", bold=True)])])])])
    out = export_book(book, tmp_path / "en.docx")
    assert {family for family, _ in _embedded(out)} == {"Liberation Sans"}


def _japanese_book() -> Book:
    return Book("直骨角令", locale="ja", sections=[Section("text", "角度", items=[TextItem([
        Paragraph([Run("直接の命令。"), Run("骨格", bold=True)]), Paragraph.plain("引用：中日贸易发展"),
        Paragraph([Run("Reiseüberblick", bold=True)])])])])


def test_japanese_book_embeds_the_japanese_font_and_names_the_chinese_one_where_it_lacks_glyphs(tmp_path):
    out = export_book(_japanese_book(), tmp_path / "ja.docx")
    fonts = _embedded(out)
    assert {("BIZ UDGothic", "Regular"), ("BIZ UDGothic", "Bold")} <= set(fonts)
    assert {ord(c) for c in "直骨角令命格"} <= set(fonts[("BIZ UDGothic", "Regular")].getBestCmap())
    # 贸 (Simplified) is not in the Japanese font: its run names WenQuanYi, which is embedded too
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    run = re.search(r"<w:r>(?:(?!</w:r>).)*贸(?:(?!</w:r>).)*</w:r>", body).group(0)
    assert 'w:eastAsia="WenQuanYi Micro Hei"' in run
    assert ord("贸") in set(fonts[("WenQuanYi Micro Hei", "Regular")].getBestCmap())
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="BIZ UDGothic"' in styles


def test_libreoffice_shows_the_japanese_book_in_the_embedded_fonts(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    need("pdffonts")
    src = export_book(_japanese_book(), tmp_path / "ja.docx")
    # a German book opened after it in the same session: LibreOffice reuses the fonts
    # the first file embedded, which must hold the second one's glyphs too
    de = export_book(Book("Prüfung", locale="de", sections=[Section("text", "Überblick", items=[TextItem([
        Paragraph([Run("Größe, Maße: ÄÖÜ äöü ß"), Run(" Ärger über Öl", bold=True)])])])]), tmp_path / "de.docx")
    pdf = convert_without_shipped_fonts(soffice, src, tmp_path, de)
    de_fonts = subprocess.run(["pdffonts", str(tmp_path / "de.pdf")], check=True, capture_output=True,
                              text=True).stdout
    assert "LiberationSans-Bold" in de_fonts and "Vera" not in de_fonts, de_fonts
    assert "ÄrgerüberÖl" in "".join(pdftotext(tmp_path / "de.pdf").split())
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    for name in ("BIZUDGothic-Regular", "BIZUDGothic-Bold", "WenQuanYiMicroHei", "LiberationSans"):
        assert name in fonts, fonts
    # nothing drawn in the machine's one font: every glyph came from an embedded one
    # (an umlaut drawn as u + a combining mark from another font was a bug)
    assert "Vera" not in fonts, fonts
    text = "".join(pdftotext(pdf).split())
    assert "直接の命令。骨格" in text and "中日贸易发展" in text and "Reiseüberblick" in text


def test_every_japanese_run_the_japanese_font_lacks_names_the_chinese_font(tmp_path):
    """Body text, tables and footnotes (source titles keep their Chinese characters)."""
    from briefbook.export.fonts import font_codepoints, ja_font_codepoints
    from tests.export.sample_book import demo_book

    out = export_book(demo_book("ja"), tmp_path / "ja.docx")
    latin, cjk = font_codepoints()
    ja = ja_font_codepoints()
    z = zipfile.ZipFile(out)
    checked = 0
    for part in ("word/document.xml", "word/footnotes.xml"):
        for run in re.findall(r"<w:r>(?:(?!</w:r>).)*</w:r>", z.read(part).decode("utf-8")):
            text = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", run))
            if any(ord(c) not in ja and ord(c) not in latin and ord(c) in cjk for c in text):
                assert 'w:eastAsia="WenQuanYi Micro Hei"' in run, text
                checked += 1
    assert checked, "the sample book quotes Chinese source titles"
