"""Every supported format reads, and every kind of bad input gets a clear one-line reason."""

import io
import zipfile

import pytest

from briefbook.ingest import read_file
from briefbook.ingest.errors import IngestError
from briefbook.ingest.readers import MAX_FILE_BYTES

STORY = "青岛市贸促会会长张三表示，今年上半年青岛与日本贸易额达到62.33亿美元，同比增长2.1%。"


def test_html_main_content_without_navigation(tmp_path):
    page = f"""<html><head><meta charset="gbk"><title>青岛与日本合作</title>
    <script>alert('x'); fetch('http://example.com/track')</script></head><body>
    <nav><a href="/">首页</a> <a href="/news">新闻中心</a> <a href="/about">关于我们</a></nav>
    <div class="share">分享到: 新浪微博 微信</div>
    <article><h1>青岛与日本合作</h1><p>{STORY}</p><p>{STORY.replace('张三', '李四')}</p></article>
    <div class="comments"><p>最热评论</p><p>来说两句吧...</p></div>
    <footer>版权所有 2020 某网站 鲁ICP备12345678号</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    art = read_file(path)
    assert "62.33亿美元" in art.text and "李四" in art.text
    assert "新闻中心" not in art.text and "来说两句" not in art.text and "alert" not in art.text
    assert art.format == "html"
    assert art.title == "青岛与日本合作"


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("日本企业烟台行")
    document.add_paragraph(STORY)
    path = tmp_path / "story.docx"
    document.save(path)
    art = read_file(path)
    assert STORY in art.text and art.format == "docx" and art.lang == "zh-Hans"


def test_pdf_text_layer(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "story.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 760, "Japan-Shandong cooperation seminar held in Jinan")
    c.drawString(72, 740, "Trade between Qingdao and Japan reached USD 6.2 billion in 2019.")
    c.save()
    art = read_file(path)
    assert "USD 6.2 billion" in art.text and art.format == "pdf" and art.lang == "en"


def test_markdown(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Besuch in Tokio\n\nDie **Delegation** trifft [JETRO](https://www.jetro.go.jp) am Montag.\n", encoding="utf-8")
    art = read_file(path)
    assert art.text.splitlines()[0] == "Besuch in Tokio"
    assert "Die Delegation trifft JETRO am Montag." in art.text


def _reason(path) -> str:
    with pytest.raises(IngestError) as info:
        read_file(path)
    reason = str(info.value)
    assert "\n" not in reason and reason
    return reason


def test_bad_inputs_have_clear_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "empty" in _reason(tmp_path / "empty.txt")

    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert "binary" in _reason(tmp_path / "photo.txt")

    assert "does not exist" in _reason(tmp_path / "missing.txt")

    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    assert "unsupported" in _reason(tmp_path / "sheet.xlsx")

    (tmp_path / "nobody.html").write_text("<html><head><script>var a=1;</script></head><body><nav>首页</nav></body></html>")
    assert "no article text" in _reason(tmp_path / "nobody.html")

    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    assert "damaged" in _reason(tmp_path / "broken.docx")

    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    assert "PDF" in _reason(tmp_path / "broken.pdf")

    (tmp_path / "fake.pdf").write_bytes(b"hello, I am text")
    assert "not a PDF" in _reason(tmp_path / "fake.pdf")


def test_undecodable_bytes(tmp_path):
    # Valid in no candidate encoding: lone continuation bytes and controls mixed with text.
    data = ("Bericht " * 50).encode("ascii") + bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x1b, 0x07]) * 300
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    reason = _reason(path)
    assert "binary" in reason or "encoding" in reason


def test_oversized_file(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    assert "too large" in _reason(path)


def test_zip_bomb_docx_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024 // 2) + b"</w:document>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    assert "zip bomb" in _reason(path)


def test_entity_bomb_docx_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document/>')
    path = tmp_path / "entities.docx"
    path.write_bytes(buf.getvalue())
    assert "entities" in _reason(path)


def test_encrypted_pdf_refused(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    assert "password" in _reason(path) or "encrypted" in _reason(path)
