"""One reader per file format: bytes in, plain text (and a title hint) out.

Readers only turn a format into text; cleaning, metadata and language are
common to all formats and happen afterwards.  Archive-based formats are opened
with limits, because a DOCX is a zip and a hostile one can be a zip bomb.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from .decode import decode_bytes, looks_binary
from .errors import IngestError

MAX_FILE_BYTES = 50 * 1024 * 1024
_MAX_UNZIPPED = 200 * 1024 * 1024
_MAX_RATIO = 200

SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".pdf": "pdf",
}


@dataclass
class ReadResult:
    text: str
    format: str
    encoding: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None


def read_bytes(data: bytes, fmt: str) -> ReadResult:
    reader = {"txt": _read_txt, "md": _read_md, "html": _read_html,
              "docx": _read_docx, "pdf": _read_pdf}.get(fmt)
    if reader is None:
        raise IngestError(f"unsupported file type '{fmt}' (Briefbook reads .txt, .md, .html, .docx and .pdf)")
    if not data.strip():
        raise IngestError("the file is empty")
    result = reader(data)
    if not result.text.strip():
        raise IngestError("no readable text was found in the file")
    return result


def _read_txt(data: bytes) -> ReadResult:
    text, enc = decode_bytes(data)
    return ReadResult(text=text, format="txt", encoding=enc)


_MD_MARKUP = (
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),
    (re.compile(r"^```.*$", re.MULTILINE), ""),
)


def _read_md(data: bytes) -> ReadResult:
    text, enc = decode_bytes(data)
    for pattern, repl in _MD_MARKUP:
        text = pattern.sub(repl, text)
    return ReadResult(text=text, format="md", encoding=enc)


def _read_html(data: bytes) -> ReadResult:
    if looks_binary(data):
        raise IngestError("this is a binary file, not an HTML page")
    html, enc = _decode_html(data)
    # trafilatura finds the article body and drops navigation, share and comment
    # blocks; it never fetches anything or runs scripts.
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, favor_recall=True,
            with_metadata=True, deduplicate=False,
        )
    except Exception as err:  # trafilatura raises a variety of parser errors on malformed pages
        raise IngestError(f"the HTML page could not be parsed ({type(err).__name__})") from err
    # A page whose "content" is a handful of words is navigation left over, not an article.
    if doc is None or len(re.findall(r"\w", doc.text or "")) < 20:
        raise IngestError("the HTML page has no article text (only navigation, scripts or markup)")
    title = (doc.title or "").strip() or None
    text = doc.text
    if title and not text.lstrip().startswith(title):
        text = title + "\n\n" + text
    return ReadResult(
        text=text, format="html", encoding=enc, title=title,
        published=doc.date or None, author=doc.author or None,
        source=doc.sitename or None, url=doc.url or None,
    )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w\-]+)""", re.IGNORECASE)


def _decode_html(data: bytes) -> tuple[str, str]:
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        if declared in ("gb2312", "gbk"):
            declared = "gb18030"
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def _check_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as err:
        raise IngestError("the Word file is damaged (not a valid .docx zip archive)") from err
    total = sum(info.file_size for info in archive.infolist())
    if total > _MAX_UNZIPPED or total > max(len(data), 1) * _MAX_RATIO:
        raise IngestError("the Word file expands to an implausible size (a zip bomb?); refused")
    if "word/document.xml" not in archive.namelist():
        raise IngestError("the file is a zip archive but not a Word document (no word/document.xml)")
    return archive


def _read_docx(data: bytes) -> ReadResult:
    archive = _check_zip(data)
    xml = archive.read("word/document.xml")
    if b"<!DOCTYPE" in xml[:2048] or b"<!ENTITY" in xml[:4096]:
        raise IngestError("the Word file declares XML entities; refused for safety")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:
        raise IngestError(f"the Word file could not be read ({type(err).__name__})") from err
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    props = document.core_properties
    return ReadResult(text="\n".join(lines), format="docx", title=(props.title or None),
                      author=(props.author or None))


def _read_pdf(data: bytes) -> ReadResult:
    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError("the file is not a PDF (no %PDF header)")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError("the PDF is password-protected")
            except Exception as err:
                raise IngestError("the PDF is encrypted and cannot be opened without its password") from err
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as err:
        raise IngestError(f"the PDF is damaged and cannot be read ({type(err).__name__})") from err
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError("the PDF has no text layer (a scan?); Briefbook does not run OCR")
    title = None
    try:
        title = (reader.metadata or {}).get("/Title") or None
    except Exception:
        title = None
    return ReadResult(text=text, format="pdf", title=str(title) if title else None)
