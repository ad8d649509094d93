"""Generate hostile import cases: damaged, oversized, tricky and odd files in mixed batches.

    python tests/hostile/make_cases.py OUT_DIR [--quick]

Writes OUT_DIR/batch-NN/ folders (each a mix of kinds plus one ordinary article
that must always import: the batch must go on) and OUT_DIR/manifest.json:
one entry per case with its kind and what Briefbook must do with it —
"import" (must be imported), "fail" (must be refused with a reason) or "any"
(either, but never a traceback, hang or half-stored row).  Deterministic: the
same seed gives the same bytes.  ``--quick`` leaves out the slow giants
(multi-megabyte files), for the pytest subset.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import random
import socket
import struct
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

SEED = 20261202

ZH = "青岛市与日本经贸合作不断深化，双方企业签署了十二项合作协议，总金额达到七十六亿美元。"
ZH_T = "青島市與日本經貿合作不斷深化，雙方企業簽署了十二項合作協議，總金額達到七十六億美元。"
JA = "日本貿易振興機構（ジェトロ）の佐々木伸彦理事長は、青島市の代表団と東京で会談した。"
DE = "Die Delegation aus Qingdao besuchte Tokio und traf Vertreter der Wirtschaftsförderung. Grüße aus Straße."
EN = "The Qingdao delegation visited Tokyo and met officials of the Japan External Trade Organization."
TEXTS = {"zh-Hans": ZH, "zh-Hant": ZH_T, "ja": JA, "de": DE, "en": EN}


@dataclass
class Case:
    name: str  # the file's name inside its batch folder, as the import report prints it
    kind: str
    expect: str  # import | fail | any
    batch: int = 0
    note: str = ""
    extra: dict = field(default_factory=dict)


class Cases:
    def __init__(self, out: Path, batches: int, rng: random.Random, once: bool = False):
        self.once = once  # one case of each kind only (the fast test subset)
        self.seen: set[str] = set()
        self.out = out
        self.batches = batches
        self.rng = rng
        self.cases: list[Case] = []
        self._next = 0
        for b in range(batches):
            (out / f"batch-{b:02d}").mkdir(parents=True, exist_ok=True)

    def _batch(self) -> int:
        # round-robin over a shuffled order: every batch gets a mix of kinds
        b = self._next % self.batches
        self._next += 1
        return b

    def folder(self, batch: int) -> Path:
        return self.out / f"batch-{batch:02d}"

    def add(self, name: str | bytes, kind: str, expect: str, data: bytes | None = None, note: str = "",
            make=None) -> Path | None:
        if self.once and kind in self.seen:
            return None
        self.seen.add(kind)
        batch = self._batch()
        folder = os.fsencode(self.folder(batch))
        raw = name if isinstance(name, bytes) else os.fsencode(name)
        index = len(self.cases)
        raw = b"%04d-" % index + raw
        path = os.path.join(folder, raw)
        if make is not None:
            make(path)
        else:
            with open(path, "wb") as fh:
                fh.write(data or b"")
        shown = raw.decode("utf-8", "backslashreplace")
        self.cases.append(Case(shown, kind, expect, batch, note))
        return Path(os.fsdecode(path))


def article(lang: str, n: int, tag: str) -> str:
    """An ordinary article of about ``n`` sentences, made unique by ``tag``."""
    base = TEXTS[lang]
    lines = [f"{tag} {lang}"] + [base] * n + [f"({tag})"]
    return "\n\n".join(lines)


def html_page(body: str, title: str = "Nachricht", charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
            f"<body><nav>Home | News</nav><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
            "<footer>Impressum</footer></body></html>")


def docx_bytes(text: str, title: str = "Bericht") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for para in text.split("\n\n"):
        document.add_paragraph(para)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Qingdao"
    table.rows[0].cells[1].text = "Tokio"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes(text: str, pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("Bericht")
    for p in range(pages):
        y = 800
        for line in text.split("\n"):
            if line.strip():
                c.drawString(40, y, line[:90])
                y -= 14
                if y < 40:
                    break
        c.drawString(40, 20, f"page {p + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def flip(data: bytes, rng: random.Random, count: int) -> bytes:
    buf = bytearray(data)
    for _ in range(count):
        i = rng.randrange(len(buf))
        buf[i] = rng.randrange(256)
    return bytes(buf)


def zip_of(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def minimal_docx_members(body_xml: bytes) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        b"</Types>",
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>",
        "word/document.xml": body_xml,
    }


def w_doc(paragraphs_xml: str) -> bytes:
    return ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{paragraphs_xml}</w:body></w:document>").encode()


def raw_pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered object bodies, with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def text_pdf_objects(content: bytes, length: bytes | None = None) -> list[bytes]:
    stream_len = length if length is not None else b"%d" % len(content)
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + stream_len + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def bt(text: str) -> bytes:
    return b"BT /F1 12 Tf 40 800 Td (" + text.encode("latin-1") + b") Tj ET"


# ---------------------------------------------------------------- the kinds


def plain_text_cases(c: Cases, rng: random.Random, quick: bool) -> None:
    for i, lang in enumerate(TEXTS):
        body = article(lang, 4, f"enc{i}")
        for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                    "gb18030", "big5", "shift_jis", "euc_jp", "iso2022_jp", "iso2022_jp_2", "hz", "cp1252"):
            try:
                data = body.encode(enc)
            except UnicodeEncodeError:
                continue
            c.add(f"{lang}-{enc}.txt", f"encoding {enc}", "import", data)
    c.add("empty.txt", "empty", "fail", b"")
    c.add("spaces.txt", "whitespace only", "fail", b" \n\t\r\n   \n")
    c.add("nul.txt", "NUL bytes", "fail", b"\x00" * 4096)
    c.add("png.txt", "binary as text", "fail", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    c.add("elf.md", "binary as markdown", "fail", b"\x7fELF\x02\x01\x01" + bytes(rng.randrange(256) for _ in range(3000)))
    for i in range(30):
        c.add(f"random-{i}.txt", "random bytes", "any", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 5000))))
    c.add("zero-width.txt", "only zero-width characters", "fail", ("\u200b\u200c\u200d\ufeff" * 500).encode())
    c.add("question-marks.txt", "only ???? junk", "fail", b"?" * 100_000)
    c.add("replacement.txt", "only U+FFFD", "fail", ("\ufffd" * 5000).encode())
    c.add("controls.txt", "control characters", "any", bytes(range(1, 32)) * 200 + EN.encode())
    c.add("bidi.txt", "bidi overrides", "import", ("\u202e" + EN + "\u202c\n") .encode() * 5)
    c.add("mojibake.txt", "UTF-8 read as Latin-1 then saved", "import",
          (DE * 5).encode("utf-8").decode("latin-1").encode("utf-8"), note="flagged for checking")
    c.add("double-mojibake.txt", "CJK UTF-8 read as cp1252", "any",
          (ZH * 5).encode("utf-8").decode("cp1252", "replace").encode("utf-8"))
    c.add("mixed-encodings.txt", "UTF-8 and GB18030 halves", "any", (ZH * 3).encode("utf-8") + (ZH * 3).encode("gb18030"))
    c.add("invalid-utf8.txt", "invalid UTF-8 sequences", "any", EN.encode() + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 50)
    c.add("overlong.txt", "overlong UTF-8", "any", EN.encode() + b"\xc0\xaf\xe0\x80\xaf" * 100)
    c.add("cesu.txt", "surrogates encoded in UTF-8", "any", EN.encode() + b"\xed\xa0\x80\xed\xb0\x80" * 100)
    c.add("bad-bom.txt", "UTF-32 BOM, then junk", "fail", codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff" * 100)
    c.add("odd-utf16.txt", "UTF-16 BOM with an odd length", "any", codecs.BOM_UTF16_LE + (EN * 3).encode("utf-16-le") + b"\x00\xd8a")
    c.add("hz-broken.txt", "HZ with a broken shift", "any", ("~{" + "<:" * 30 + EN).encode("ascii"))
    c.add("iso2022-broken.txt", "ISO-2022-JP with a broken escape", "any", b"\x1b$B" + b"\x7f\x7f" * 200 + EN.encode())
    c.add("crlf.txt", "CR-only and CRLF newlines", "import", (DE + "\r") .encode() * 10 + (EN + "\r\n").encode() * 10)
    c.add("long-line.txt", "one long line (300,000 characters)", "import", (ZH * 8000).encode())
    c.add("many-lines.txt", "100,000 short lines", "import", ("Qingdao\n" * 100_000).encode())
    c.add("boilerplate.txt", "only page furniture", "any", "首页\n分享到：\n打印本页\n关闭窗口\n".encode() * 50)
    c.add("pinyin.txt", "pinyin glued after every character", "import",
          "".join(f"{ch}(jīng)" for ch in ZH).encode() * 5)
    for i in range(20):  # cut in the middle of a multi-byte character
        lang = list(TEXTS)[i % 5]
        data = article(lang, 3, f"cut{i}").encode("utf-8" if i < 10 else ("gb18030" if lang.startswith("zh") else "utf-16"))
        c.add(f"cut-{i}-{lang}.txt", "text cut mid-character", "any", data[: len(data) - 1 - i % 3])
    c.add("rtf.txt", "RTF named .txt", "any", rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard " + EN.encode() + b"}")
    c.add("xlsx.docx", "spreadsheet named .docx", "fail", zip_of({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}))
    if not quick:
        c.add("over-char-limit.txt", "1.5 M characters (over the article limit)", "fail", (EN * 15_400).encode())
        c.add("huge-49mb.txt", "49 MB of text (over the size limit)", "fail", b"Qingdao Tokyo trade " * (49 * 1024 * 1024 // 20))
        c.add("single-line-5mb.txt", "5 MB single line", "fail", (b"Qingdao-Tokyo-" * 400_000)[:5_000_000])

        def sparse(path):
            with open(path, "wb") as fh:
                fh.truncate(8 * 1024**3)
        c.add("sparse-8gb.txt", "8 GB sparse file", "fail", make=sparse)


def markdown_cases(c: Cases, rng: random.Random, quick: bool) -> None:
    n = 20_000 if quick else 100_000
    for name, data in (("brackets", "[" * n), ("closing", "]" * n), ("bang", "![" * n), ("stars", "*" * n),
                       ("unders", "_" * n), ("pairs", "[](" * n), ("hashes", "#" * n), ("quotes", ">" * n),
                       ("fences", "```\n" * (n // 10)), ("link-open", "[a](" * n), ("bold-open", "**a" * n)):
        c.add(f"{name}.md", f"markdown {name} x{n}", "any", (data + "\n" + EN).encode())
    c.add("ok.md", "ordinary markdown", "import",
          f"# Besuch\n\n**{DE}** [JETRO](https://jetro.go.jp) ![x](y.png)\n\n> {EN}\n".encode())


def html_cases(c: Cases, rng: random.Random, quick: bool) -> None:
    base = html_page(article("de", 3, "html-base").replace("\n\n", " "), "Besuch in Tokio").encode()
    for i in range(60):
        c.add(f"flip-{i}.html", "byte-flipped HTML", "any", flip(base, rng, 1 + i % 20))
    for i in range(20):
        c.add(f"trunc-{i}.html", "truncated HTML", "any", base[: rng.randrange(1, len(base))])
    depth = 5000 if quick else 100_000
    c.add("deep.html", f"{depth} nested divs", "any", ("<div>" * depth + EN * 3 + "</div>" * depth).encode())
    c.add("deep-unclosed.html", "nested unclosed tags", "any", ("<b><i>" * depth + EN * 3).encode())
    c.add("entity-bomb.html", "billion laughs in an HTML DOCTYPE", "any",
          (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
           b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i else b"&lol;" * 10) for i in range(1, 10)) +
           b']><html><body><p>&lol9;</p><p>' + EN.encode() * 3 + b"</p></body></html>"))
    c.add("xxe.html", "external entity", "any",
          b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>&e;</p><p>'
          + EN.encode() * 3 + b"</p></body></html>")
    c.add("bogus-charset.html", "unknown charset", "import", html_page(DE * 3, charset="x-evil-9").encode())
    c.add("utf7-charset.html", "UTF-7 declared", "any", html_page(DE * 3, charset="utf-7").encode())
    c.add("wrong-charset.html", "Shift_JIS bytes declared as UTF-8", "any", html_page(JA * 3).encode("shift_jis"))
    c.add("gbk.html", "GBK page", "import", html_page(ZH * 3, "青岛", charset="gbk").encode("gbk"))
    c.add("scripts-only.html", "only scripts", "fail", b"<html><script>" + b"var a=1;" * 5000 + b"</script></html>")
    c.add("huge-attr.html", "one 2 MB attribute", "any", b'<html><body><p title="' + b"x" * 2_000_000 + b'">' + EN.encode() * 3 + b"</p></body></html>")
    c.add("lt.html", "100,000 '<'", "any", b"<" * 100_000)
    c.add("comment.html", "unterminated comment", "any", b"<html><body><!-- " + EN.encode() * 50)
    c.add("cdata.html", "CDATA and processing instructions", "any", b"<?php evil(); ?><![CDATA[" + EN.encode() * 20 + b"]]>")
    c.add("nul.html", "NULs inside HTML", "fail", base.replace(b"e", b"\x00"))
    c.add("utf16.html", "UTF-16 page", "any", codecs.BOM_UTF16_LE + html_page(ZH * 3, "青岛").encode("utf-16-le"))


def docx_cases(c: Cases, rng: random.Random, quick: bool) -> None:
    good = docx_bytes(article("en", 5, "docx-base"))
    c.add("good.docx", "valid Word file", "import", good)
    for i in range(60):
        c.add(f"flip-{i}.docx", "byte-flipped DOCX", "any", flip(good, rng, 1 + i % 12))
    for i in range(25):
        c.add(f"trunc-{i}.docx", "truncated DOCX", "fail", good[: rng.randrange(1, len(good) - 30)])
    body = w_doc("".join(f"<w:p><w:r><w:t>{EN} {i}</w:t></w:r></w:p>" for i in range(5)))
    c.add("minimal.docx", "minimal valid DOCX", "import", zip_of(minimal_docx_members(body)))
    c.add("bomb.docx", "zip bomb (250 MB of spaces)", "fail",
          zip_of(minimal_docx_members(b"<w:document>" + b" " * (250 * 1024 * 1024) + b"</w:document>")))
    # a member whose header lies about its size: the reader must stop at the declared size
    lying = bytearray(zip_of(minimal_docx_members(w_doc("<w:p><w:r><w:t>" + "x" * 200_000 + "</w:t></w:r></w:p>"))))
    c.add("lying-size.docx", "member larger than its declared size", "any", _patch_sizes(bytes(lying)))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
              b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
                       for i in range(1, 10)) + b"]>")
    c.add("entity-bomb.docx", "billion laughs in document.xml", "fail",
          zip_of(minimal_docx_members(laughs + w_doc("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>")[21:])))
    archive = zipfile.ZipFile(io.BytesIO(good))
    members = {name: archive.read(name) for name in archive.namelist()}
    core = dict(members)
    core["docProps/core.xml"] = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><cp:coreProperties/>'
    c.add("doctype-core.docx", "DOCTYPE in docProps/core.xml", "fail", zip_of(core))
    broken_core = dict(members)
    broken_core["docProps/core.xml"] = b"<cp:coreProperties><unclosed>"
    c.add("broken-core.docx", "damaged docProps/core.xml", "any", zip_of(broken_core))
    c.add("encrypted.docx", "encrypted member flag", "fail", _set_flag(good, 0x1))
    c.add("method-99.docx", "unknown compression method", "fail", _set_method(good, 99))
    c.add("stored-crc.docx", "bad CRC", "any", _bad_crc(zip_of(members, zipfile.ZIP_STORED)))
    c.add("no-body.docx", "zip without word/document.xml", "fail", zip_of({"a.txt": b"hello"}))
    c.add("traversal.docx", "member names with ../", "any",
          zip_of({**minimal_docx_members(body), "../../evil.txt": b"x", "/abs/evil": b"y"}))
    deep = "<w:p>" * 5000 + "<w:r><w:t>" + EN + "</w:t></w:r>" + "</w:p>" * 5000
    c.add("deep.docx", "5,000 nested paragraphs", "any", zip_of(minimal_docx_members(w_doc(deep))))
    c.add("many-members.docx", "3,000 zip members", "any",
          zip_of({**minimal_docx_members(body), **{f"junk/{i}.bin": b"x" for i in range(3000)}}))
    c.add("pdf-as.docx", "a PDF named .docx", "fail", pdf_bytes(EN))
    c.add("text-as.docx", "text named .docx", "fail", EN.encode() * 10)
    c.add("nested.docx", "a zip in a zip", "fail", zip_of({"inner.docx": good}))
    c.add("empty-body.docx", "DOCX without text", "fail", zip_of(minimal_docx_members(w_doc(""))))
    c.add("bad-xml.docx", "document.xml not XML", "fail", zip_of(minimal_docx_members(b"<w:document><<<>>>")))


def _patch_sizes(data: bytes) -> bytes:
    """Make every local and central header claim 100 bytes uncompressed."""
    buf = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = buf.find(sig)
        while i != -1:
            buf[i + off: i + off + 4] = struct.pack("<I", 100)
            i = buf.find(sig, i + 4)
    return bytes(buf)


def _set_flag(data: bytes, bit: int) -> bytes:
    buf = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = buf.find(sig)
        while i != -1:
            flags = struct.unpack_from("<H", buf, i + off)[0] | bit
            struct.pack_into("<H", buf, i + off, flags)
            i = buf.find(sig, i + 4)
    return bytes(buf)


def _set_method(data: bytes, method: int) -> bytes:
    buf = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        i = buf.find(sig)
        while i != -1:
            struct.pack_into("<H", buf, i + off, method)
            i = buf.find(sig, i + 4)
    return bytes(buf)


def _bad_crc(data: bytes) -> bytes:
    buf = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        i = buf.find(sig)
        while i != -1:
            struct.pack_into("<I", buf, i + off, 0xDEADBEEF)
            i = buf.find(sig, i + 4)
    return bytes(buf)


def pdf_cases(c: Cases, rng: random.Random, quick: bool) -> None:
    good = pdf_bytes(article("en", 6, "pdf-base"))
    c.add("good.pdf", "valid PDF", "import", good)
    for i in range(60):
        c.add(f"flip-{i}.pdf", "byte-flipped PDF", "any", flip(good, rng, 1 + i % 15))
    for i in range(25):
        c.add(f"trunc-{i}.pdf", "truncated PDF", "any", good[: rng.randrange(1, len(good))])
    c.add("raw.pdf", "hand-made PDF", "import", raw_pdf(text_pdf_objects(bt(EN))))
    c.add("self-length.pdf", "self-referencing /Length", "any", raw_pdf(text_pdf_objects(bt(EN), b"4 0 R")))
    c.add("bad-length.pdf", "wrong /Length", "any", raw_pdf(text_pdf_objects(bt(EN), b"999999")))
    bomb = zlib.compress(b" " * (300 * 1024 * 1024 if not quick else 80 * 1024 * 1024), 9)
    objs = text_pdf_objects(b"")
    objs[3] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    c.add("flate-bomb.pdf", "flate bomb content stream", "fail", raw_pdf(objs))
    loop = text_pdf_objects(bt(EN))
    loop[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    c.add("pages-loop.pdf", "page tree that contains itself", "any", raw_pdf(loop))
    c.add("huge-count.pdf", "/Count 2^31", "any",
          raw_pdf([text_pdf_objects(bt(EN))[0], b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>"]
                  + text_pdf_objects(bt(EN))[2:]))
    c.add("deep-array.pdf", "100,000 nested arrays", "any",
          raw_pdf(text_pdf_objects(bt(EN))[:4] + [b"[" * 100_000 + b"]" * 100_000]))
    c.add("xref-garbage.pdf", "garbage xref", "any", good.replace(b"xref", b"xrex"))
    c.add("no-text.pdf", "PDF without a text layer", "fail", raw_pdf(text_pdf_objects(b"0 0 m 100 100 l S")))
    info = raw_pdf(text_pdf_objects(bt(EN)) + [b"<< /Title (unterminated /Author 7 0 R >>"], trailer_extra=b"/Info 6 0 R ")
    c.add("bad-info.pdf", "damaged metadata, good text", "import", info)
    info_loop = raw_pdf(text_pdf_objects(bt(EN)) + [b"6 0 R"], trailer_extra=b"/Info 6 0 R ")
    c.add("info-loop.pdf", "metadata that points to itself", "import", info_loop)
    c.add("header-only.pdf", "%PDF header only", "fail", b"%PDF-1.7\n")
    c.add("html-as.pdf", "HTML named .pdf", "fail", html_page(EN).encode())
    for algo, user, expect in (("AES-256", "", "import"), ("AES-128", "", "import"), ("RC4-128", "", "import"),
                               ("AES-256", "secret", "fail"), ("RC4-40", "secret", "fail")):
        c.add(f"enc-{algo}-{'open' if not user else 'locked'}.pdf", f"encrypted {algo}", expect,
              _encrypted_pdf(good, algo, user))
    pages = 2100 if not quick else 2001
    c.add("many-pages.pdf", f"{pages} pages (over the page limit)", "fail", _blank_pages(pages))


def _encrypted_pdf(data: bytes, algorithm: str, user: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _blank_pages(n: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(n):
        writer.add_blank_page(200, 200)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def name_cases(c: Cases, rng: random.Random, quick: bool) -> None:
    for i, name in enumerate((b"bad-\xff.txt", b"latin1-\xe9t\xe9.txt", b"\xc3\x28-broken.md", b"nl\nin-name.txt",
                              b"tab\tname.txt", b"   .txt", b"-dash-first.txt", b"--json.txt", b"UPPER.TXT",
                              b"double.txt.pdf", "emoji😀.txt".encode(), "rtl\u202egnp.txt".encode(),
                              "名前 with spaces.txt".encode(), b"back\\slash.txt", b"colon:name.txt",
                              b"quote'\"name.txt", b"x" * 240 + b".txt", b"star*glob?.txt", b"$(echo evil).txt")):
        expect = "fail" if name.endswith(b".pdf") else "import"
        c.add(name, "odd file name", expect, article("en", 2, f"name{i}").encode())


def special_cases(c: Cases, rng: random.Random, quick: bool) -> None:
    c.add("fifo.txt", "named pipe", "fail", make=os.mkfifo)
    for target, kind in (("/dev/zero", "symlink to /dev/zero"), ("/dev/urandom", "symlink to /dev/urandom"),
                         ("/dev/null", "symlink to /dev/null"), ("/proc/self/environ", "symlink to /proc/self/environ"),
                         ("/proc/self/maps", "symlink to /proc/self/maps"), ("/sys/kernel/notes", "symlink into /sys"),
                         ("/dev/stdin", "symlink to stdin"), ("/does/not/exist.txt", "broken symlink")):
        if os.path.lexists(target) or kind == "broken symlink":
            c.add(f"link-{kind.split()[-1].strip('/').replace('/', '-')}.txt", kind, "fail",
                  make=lambda p, t=target: os.symlink(t, p))
    first = c.add("loop-a.txt", "symlink loop", "fail", make=lambda p: None)
    second = c.add("loop-b.txt", "symlink loop, second link", "fail", make=lambda p: None)
    os.symlink(second, first)
    os.symlink(first, second)
    c.add("self-loop.txt", "symlink to itself", "fail", make=lambda p: os.symlink(p, p))
    c.add("dir.txt", "folder named .txt", "any", make=os.mkdir)
    target = c.folder(0) / "ok-target.bin"
    target.write_bytes(article("de", 2, "symlink-target").encode())
    c.add("link-ok.txt", "symlink to an ordinary file", "import", make=lambda p: os.symlink(target, p))

    def sock(path):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.bind(os.fsdecode(path))
        finally:
            s.close()
    try:
        c.add("socket.txt", "unix socket", "fail", make=sock)
    except OSError:  # socket paths are limited to ~100 bytes: no such case then
        pass

    def unreadable_file(path):
        with open(path, "wb") as fh:
            fh.write(EN.encode() * 3)
        os.chmod(path, 0)
    c.add("no-permission.txt", "file without read permission", "any", make=unreadable_file)

    def unreadable_dir(path):
        os.mkdir(path)
        with open(os.path.join(path, b"inside.txt" if isinstance(path, bytes) else "inside.txt"), "wb") as fh:
            fh.write(article("en", 2, "inside-locked").encode())
        os.chmod(path, 0)
    c.add("locked-folder", "unreadable sub-folder", "any", make=unreadable_dir)


def canaries(c: Cases) -> None:
    """One ordinary article per batch: whatever else is in it, this one must import."""
    for b in range(c.batches):
        name = f"canary-{b:02d}.txt"
        (c.folder(b) / name).write_text(article("zh-Hans", 3, f"canary{b}"), encoding="utf-8")
        c.cases.append(Case(name, "canary (ordinary article)", "import", b))


def generate(out: Path, quick: bool = False, batches: int = 12, seed: int = SEED, once: bool = False) -> list[Case]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    cases = Cases(out, batches, rng, once)
    for make in (plain_text_cases, markdown_cases, html_cases, docx_cases, pdf_cases, name_cases, special_cases):
        make(cases, rng, quick)
    canaries(cases)
    (out / "manifest.json").write_text(json.dumps([asdict(x) for x in cases.cases], ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    return cases.cases


def restore_permissions(out: Path) -> None:
    """Give back the permissions the cases took away, so the folder can be deleted."""
    for root, dirs, files in os.walk(out):  # top-down: a folder is opened up before it is entered
        for name in dirs + files:
            path = os.path.join(root, name)
            if not os.path.islink(path) and (os.path.isdir(path) or os.path.isfile(path)):
                try:
                    os.chmod(path, 0o700)
                except OSError:
                    pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    cases = generate(Path(args.out), args.quick)
    print(f"{len(cases)} cases in {args.out}")


if __name__ == "__main__":
    main()
