from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from briefbook.core.book import (
    Book,
    DelegationMember,
    FactItem,
    Paragraph,
    Run,
    Section,
    SourceRef,
    TextItem,
    Trip,
)
from briefbook.export import ExportError, export_book
from briefbook.export import fonts as fonts_mod

from .conftest import pdftotext

SRC = SourceRef("测试来源", publisher="观海新闻", date="2020-07-31", url="https://example.org/a")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_empty_book(tmp_path, fmt):
    p = export_book(Book(title=""), tmp_path / f"empty.{fmt}")
    assert p.stat().st_size > 1000
    if fmt == "pdf":
        assert len(PdfReader(str(p)).pages) >= 2
    else:
        Document(str(p))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_section_with_2000_facts(tmp_path, fmt):
    facts = [FactItem("amount", f"{i}亿美元", {"value": 1_000_000 * (i + 1), "currency": "USD"},
                      source=SourceRef(f"文章 {i % 40}", publisher="青报", date=f"20{10 + i % 15}-01-01"),
                      measure=f"指标 {i % 50}", as_of=f"{2000 + i % 25}") for i in range(2000)]
    book = Book("大表", locale="zh-Hans", sections=[Section("figures", items=facts), Section("sources")])
    p = export_book(book, tmp_path / f"big.{fmt}")
    assert p.stat().st_size > 10_000
    if fmt == "pdf":
        text = pdftotext(p)
        assert "指标 49" in text and "[40]" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_cell_of_5000_characters_and_long_words(tmp_path, fmt):
    long_cjk = "青岛与日本经贸往来，" * 500  # 5,000 characters in one cell
    long_word = "Donaudampfschifffahrtsgesellschaftskapitän" * 30
    trip = Trip("T", members=[DelegationMember("高燕", long_cjk, long_word, "团长")])
    book = Book("长单元格", trip=trip, locale="de", sections=[Section("delegation")])
    p = export_book(book, tmp_path / f"long.{fmt}")
    if fmt == "pdf":
        text = "".join(pdftotext(p).split())
        assert text.count("青岛与日本经贸往来") == 500
    else:
        doc = Document(str(p))
        assert any(long_cjk in c.text for t in doc.tables for r in t.rows for c in r.cells)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_emoji_non_bmp_and_control_characters(tmp_path, fmt):
    text = "Gruß 😀 𠀀𪚥 高燕\x00\x07 end"
    book = Book(f"Emoji {text}", locale="en", trip=Trip("t", classification="Internal 🔒"),
                sections=[Section("text", "Notes 📝", items=[TextItem([Paragraph([Run(text, bold=True)])]),
                                                            FactItem("person", text, {"name": "高燕😀"}, source=SRC)]),
                          Section("sources")])
    p = export_book(book, tmp_path / f"emoji.{fmt}")
    if fmt == "pdf":
        out = pdftotext(p)
        assert "Gruß" in out and "高燕" in out and "end" in out
    else:
        xml = zipfile.ZipFile(p).read("word/document.xml").decode("utf-8")
        assert "😀" in xml and "𪚥" in xml and "\x00" not in xml


def test_read_only_folder_gives_a_clear_error_and_no_file(tmp_path):
    if os.geteuid() == 0:
        target_dir = Path("/sys")  # read-only for root too
    else:
        target_dir = tmp_path / "ro"
        target_dir.mkdir()
        target_dir.chmod(0o555)
    before = set(os.listdir(target_dir))
    for fmt in ("pdf", "docx"):
        with pytest.raises(ExportError) as err:
            export_book(Book("x"), target_dir / f"book.{fmt}")
        msg = str(err.value)
        assert "\n" not in msg and ("read-only" in msg or "permission" in msg)
    assert set(os.listdir(target_dir)) == before


def test_full_disk_leaves_nothing_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"old version")
    import briefbook.export.pdf as pdf_mod

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf_mod, "write_pdf", full)
    with pytest.raises(ExportError, match="disk space"):
        export_book(Book("x"), target)
    assert target.read_bytes() == b"old version"
    assert os.listdir(tmp_path) == ["book.pdf"]


def test_missing_font_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts_mod, "fonts_dir", lambda: tmp_path / "nofonts")
    fonts_mod.register_pdf_fonts.cache_clear()
    try:
        with pytest.raises(ExportError, match="Font file missing"):
            export_book(Book("x"), tmp_path / "x.pdf")
        assert not (tmp_path / "x.pdf").exists()
    finally:
        monkeypatch.undo()
        fonts_mod.register_pdf_fonts.cache_clear()


def test_bad_format_and_template(tmp_path):
    with pytest.raises(ExportError, match="format"):
        export_book(Book("x"), tmp_path / "x.odt")
    with pytest.raises(ExportError, match="Template"):
        export_book(Book("x", template="nope"), tmp_path / "x.pdf")
    with pytest.raises(ExportError, match="folder"):
        export_book(Book("x"), tmp_path, fmt="pdf")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_fact_of_100000_characters_runs_over_pages(tmp_path, fmt):
    # a fact bigger than a page: split across pages, nothing lost, no "too large on page N"
    huge = ("青岛与日本经贸往来 Qingdao " * 6000)[:100_000]
    book = Book("Huge", locale="en", sections=[Section("text", "Facts", items=[FactItem("event", huge, {"name": huge},
                                                                                        source=SRC)])])
    p = export_book(book, tmp_path / f"huge.{fmt}")
    if fmt == "pdf":
        assert len(PdfReader(str(p)).pages) > 20
        # a Latin word is cut only at its hyphenation point (Qing-dao, at a line or page end),
        # so every one of them is there, whole or in its two halves
        text = pdftotext(p)
        assert text.count("Qing") == text.count("dao") == huge.count("Qingdao")
        assert text.count("Qingdao") + text.count("Qing-") == huge.count("Qingdao")
    else:
        doc = Document(str(p))
        assert "".join(par.text for par in doc.paragraphs).count("Qingdao") == huge.count("Qingdao")


def test_export_error_names_the_item_briefly():
    from briefbook.export import short_reason

    text = "x" * 100_000
    reason = short_reason(RuntimeError(f"Flowable <CJKParagraph at 0x7f12 frames=1>{text} too large on page 35 in frame"))
    assert reason.startswith("an item is too large for page 35: 'xxx") and len(reason) < 120
    assert len(short_reason(ValueError(text))) <= 200
