"""One reader per file format: bytes in, plain text (and a title hint) out.

Readers only turn a format into text; cleaning, metadata and language are
common to all formats and happen afterwards.  Archive-based formats are opened
with limits, because a DOCX is a zip and a hostile one can be a zip bomb.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
import zlib
from dataclasses import dataclass, field

from .decode import decode_bytes, looks_binary, plausibility_warning
from .errors import IngestError

MAX_FILE_BYTES = 50 * 1024 * 1024
_MAX_UNZIPPED = 200 * 1024 * 1024
_MAX_RATIO = 200

SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".pdf": "pdf",
}

# Per-format limits on the file itself.  Plain text is read whole and scanned by
# every cleaning and extraction pass, so it gets the smallest; PDF and DOCX files
# carry fonts and images that never become text.
MAX_BYTES = {"txt": 16 * 1024 * 1024, "md": 16 * 1024 * 1024, "html": 24 * 1024 * 1024,
             "docx": MAX_FILE_BYTES, "pdf": MAX_FILE_BYTES}
# An article is a news story or a report, not a library: longer text is refused
# with a reason rather than imported into hours of extraction.
MAX_TEXT_CHARS = 1_000_000
_MAX_PDF_PAGES = 2000
# PDF text extraction is the one reader whose work is not bounded by the file
# size (a page can draw the same glyphs a million times), so it keeps a budget.
_PDF_SECONDS = 60.0


SUPPORTED = ".txt, .md, .html, .docx, .pdf"  # a reason's value: the types Briefbook reads


def supported_types() -> str:
    return "Briefbook reads .txt, .md, .html, .docx and .pdf"


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
    warnings: list[str] = field(default_factory=list)


def read_bytes(data: bytes, fmt: str) -> ReadResult:
    """Text of a file in format ``fmt``.  Raises IngestError, and nothing else: any
    failure of a parser library on a hostile file becomes that file's one-line reason."""
    reader = {"txt": _read_txt, "md": _read_md, "html": _read_html,
              "docx": _read_docx, "pdf": _read_pdf}.get(fmt)
    if reader is None:
        raise IngestError(f"unsupported file type '{fmt}' ({supported_types()})", "unsupported_type",
                          type=fmt, supported=SUPPORTED)
    if not data.strip():
        raise IngestError("the file is empty", "empty")
    try:
        result = reader(data)
    except IngestError:
        raise
    except MemoryError as err:
        raise IngestError("the file needs more memory to read than is available; skipped", "out_of_memory") from err
    except RecursionError as err:
        raise IngestError(f"the {_FORMAT_NAMES[fmt]} is nested too deeply to read", "too_deep", format=fmt) from err
    except Exception as err:  # a parser library choking on a damaged file must not end the batch
        raise IngestError(f"the {_FORMAT_NAMES[fmt]} is damaged and cannot be read ({_brief(err)})", "damaged",
                          format=fmt, detail=_brief(err)) from err
    if not result.text.strip():
        raise IngestError("no readable text was found in the file", "no_text")
    if len(result.text) > MAX_TEXT_CHARS:
        raise IngestError(f"the text is too long for one article ({len(result.text):,} characters; "
                          f"the limit is {MAX_TEXT_CHARS:,}); split it into several files", "text_too_long",
                          chars=len(result.text), limit=MAX_TEXT_CHARS)
    warning = plausibility_warning(result.text)
    if warning:
        result.warnings.append(warning)
    return result


_FORMAT_NAMES = {"txt": "text file", "md": "Markdown file", "html": "HTML page", "docx": "Word file", "pdf": "PDF"}


def _brief(err: BaseException) -> str:
    """The exception's type and the start of its message, on one short line."""
    message = " ".join(str(err).split())
    if len(message) > 80:
        message = message[:77] + "..."
    name = type(err).__name__
    if name == "error":  # zlib.error, binascii.error ...: say which
        name = f"{type(err).__module__}.error"
    return f"{name}: {message}" if message else name


def _read_txt(data: bytes) -> ReadResult:
    text, enc = decode_bytes(data)
    return ReadResult(text=text, format="txt", encoding=enc)


# Every pattern is linear: a character class never includes the delimiter that
# ends it, so a file of 100,000 '[' or '*' is one pass, not a quadratic backtrack.
_MD_MARKUP = (
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.MULTILINE), ""),
    (re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)"), r"\1"),
    (re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)"), r"\1"),
    (re.compile(r"\*\*([^*\n]+)\*\*"), r"\1"),
    (re.compile(r"__([^_\n]+)__"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^```[^\n]*$", re.MULTILINE), ""),
)


def _read_md(data: bytes) -> ReadResult:
    text, enc = decode_bytes(data)
    for pattern, repl in _MD_MARKUP:
        text = pattern.sub(repl, text)
    return ReadResult(text=text, format="md", encoding=enc)


def _read_html(data: bytes) -> ReadResult:
    if looks_binary(data):
        raise IngestError("this is a binary file, not an HTML page", "binary_not_html")
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
        raise IngestError(f"the HTML page could not be parsed ({type(err).__name__})", "damaged",
                          format="html", detail=type(err).__name__) from err
    # A page whose "content" is a handful of words is navigation left over, not an article.
    if doc is None or len(re.findall(r"\w", doc.text or "")) < 20:
        raise IngestError("the HTML page has no article text (only navigation, scripts or markup)", "html_no_text")
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
        members = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError) as err:
        raise IngestError("the Word file is damaged (not a valid .docx zip archive)", "docx_not_zip") from err
    total = sum(info.file_size for info in members)
    if total > _MAX_UNZIPPED or total > max(len(data), 1) * _MAX_RATIO:
        raise IngestError("the Word file expands to an implausible size (a zip bomb?); refused", "zip_bomb")
    if any(info.flag_bits & 0x1 for info in members):
        raise IngestError("the Word file is encrypted (password-protected); open it in Word and save it without a password",
                          "docx_encrypted")
    if "word/document.xml" not in archive.namelist():
        raise IngestError("the file is a zip archive but not a Word document (no word/document.xml)", "docx_not_word")
    return archive


def _read_docx(data: bytes) -> ReadResult:
    archive = _check_zip(data)
    # Every XML part python-docx parses is checked (core.xml, styles, relationships),
    # not only the body: a DOCTYPE anywhere is refused before any parser sees it.
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as member:
                head = member.read(8192)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError) as err:
            raise IngestError(f"the Word file is damaged ({info.filename[:60]}: {_brief(err)})", "damaged",
                              format="docx", detail=f"{info.filename[:60]}: {_brief(err)}") from err
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise IngestError("the Word file declares XML entities; refused for safety", "xml_entities")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError) as err:
        raise IngestError(f"the Word file is damaged ({_brief(err)})", "damaged", format="docx", detail=_brief(err)) from err
    except Exception as err:
        raise IngestError(f"the Word file could not be read ({_brief(err)})", "unreadable", detail=_brief(err)) from err
    title = author = None
    try:  # metadata is a bonus: a damaged docProps/core.xml must not cost the text
        props = document.core_properties
        title, author = props.title or None, props.author or None
    except Exception:
        pass
    return ReadResult(text="\n".join(lines), format="docx", title=title, author=author)


def _read_pdf(data: bytes) -> ReadResult:
    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError("the file is not a PDF (no %PDF header)", "not_pdf")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _decrypt(reader)
        count = len(reader.pages)
        if count > _MAX_PDF_PAGES:
            raise IngestError(f"the PDF has {count:,} pages; Briefbook reads articles of up to {_MAX_PDF_PAGES:,} pages",
                              "pdf_too_many_pages", pages=count, limit=_MAX_PDF_PAGES)
        deadline = time.monotonic() + _PDF_SECONDS
        pages: list[str] = []
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.append(text)
            size += len(text)
            if size > MAX_TEXT_CHARS:
                raise IngestError(f"the PDF holds more text than one article (over {MAX_TEXT_CHARS:,} characters)",
                                  "text_too_long", chars=size, limit=MAX_TEXT_CHARS)
            if time.monotonic() > deadline:
                raise IngestError(f"reading the PDF's text takes too long (over {_PDF_SECONDS:.0f} s after "
                                  f"{len(pages)} of {count} pages); skipped", "pdf_too_slow",
                                  seconds=round(_PDF_SECONDS), read=len(pages), pages=count)
    except IngestError:
        raise
    except LimitReachedError as err:
        raise IngestError("the PDF holds a stream that expands to an implausible size (a compression bomb?); refused",
                          "zip_bomb") from err
    except FileNotDecryptedError as err:
        raise IngestError("the PDF is encrypted and cannot be opened without its password", "pdf_encrypted") from err
    except DependencyError as err:
        raise IngestError("the PDF is encrypted with AES; not supported by this installation", "pdf_aes") from err
    except Exception as err:
        raise IngestError(f"the PDF is damaged and cannot be read ({_brief(err)})", "damaged",
                          format="pdf", detail=_brief(err)) from err
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError("the PDF has no text layer (a scan?); Briefbook does not run OCR", "pdf_no_text_layer")
    title = None
    try:  # metadata is a bonus: a damaged info dictionary must not cost the text
        title = (reader.metadata or {}).get("/Title") or None
        title = " ".join(str(title).split())[:300] or None if title else None
    except Exception:
        title = None
    return ReadResult(text=text, format="pdf", title=title)


def _decrypt(reader) -> None:
    """Open a PDF encrypted with an empty user password (common for 'no printing' PDFs)."""
    from pypdf.errors import DependencyError

    try:
        ok = reader.decrypt("")
    except DependencyError as err:
        raise IngestError("the PDF is encrypted with AES; not supported by this installation", "pdf_aes") from err
    except NotImplementedError as err:
        raise IngestError(f"the PDF uses an encryption Briefbook cannot open ({_brief(err)})",
                          "pdf_encryption_unsupported", detail=_brief(err)) from err
    except Exception as err:
        raise IngestError("the PDF is encrypted and cannot be opened without its password", "pdf_encrypted") from err
    if not ok:
        raise IngestError("the PDF is password-protected; open it and save a copy without a password", "pdf_encrypted")
