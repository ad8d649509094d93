"""Book -> one layout tree -> DOCX (python-docx) and PDF (reportlab).  No Qt.

    from briefbook.export import export_book
    export_book(book, "trip.pdf", fmt="pdf", progress=cb, cancel=event.is_set)

``progress(fraction, message)`` is called from the exporting thread;
``cancel`` is a callable (or an object with ``is_set()``) checked regularly.
Errors are :class:`ExportError` with a one-line message; the target file is
written atomically, so a failed or cancelled export leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from briefbook.core.book import Book
from briefbook.export.errors import ExportCancelled, ExportError

FORMATS = ("pdf", "docx")

__all__ = ["FORMATS", "ExportCancelled", "ExportError", "export_book", "build_layout"]


def _cancel_fn(cancel) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if hasattr(cancel, "is_set"):
        return cancel.is_set
    if callable(cancel):
        return lambda: bool(cancel())
    return lambda: bool(cancel)


def build_layout(book: Book):
    """The format-neutral layout tree of ``book`` (``layout.Document``)."""
    from briefbook.export.layout import build_document
    from briefbook.export.template import load_template

    tpl = load_template(book.template)
    return build_document(book, bool(tpl.get("headings.new_page_for_level1", True))), tpl


def export_book(book: Book, path: str | os.PathLike, fmt: str | None = None,
                progress: Callable[[float, str], None] | None = None, cancel=None, layout=None) -> Path:
    """Write ``book`` to ``path`` as PDF or DOCX (``fmt`` defaults to the suffix).
    ``layout``: ``build_layout(book)`` when the caller has it already (the writers do
    not change it)."""
    target = Path(path)
    fmt = (fmt or target.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format “{fmt}”: use pdf or docx.")
    is_cancelled = _cancel_fn(cancel)

    def report(frac: float, msg: str) -> None:
        if progress:
            progress(max(0.0, min(1.0, frac)), msg)

    def check() -> None:
        if is_cancelled():
            raise ExportCancelled("Export cancelled.")

    from briefbook.export.atomic import write_atomic

    report(0.0, "Preparing the book")
    check()
    try:
        document, tpl = layout if layout is not None else build_layout(book)
    except ExportError:
        raise
    except Exception as exc:  # a bug or bad data: still one line for the user
        raise ExportError(f"Could not lay out the book: {short_reason(exc)}") from exc
    report(0.1, "Layout ready")
    check()

    def produce(fh) -> None:
        try:
            if fmt == "pdf":
                from briefbook.export.pdf import write_pdf

                write_pdf(document, tpl, fh, report, is_cancelled)
            else:
                from briefbook.export.docx_writer import write_docx

                write_docx(document, tpl, fh, report, is_cancelled)
        except (ExportError, OSError):
            raise
        except Exception as exc:
            raise ExportError(f"Could not write the {fmt.upper()} file: {short_reason(exc)}") from exc

    out = write_atomic(target, produce)
    report(1.0, "Done")
    return out


def short_reason(exc: BaseException, width: int = 160) -> str:
    """One short line for an export failure: the item it concerns, never its whole text.

    reportlab names an item too large for a page as ``Flowable <Paragraph at 0x…>…text…
    too large on page N``; that becomes "an item is too large for page N: 'text…'"."""
    import re

    message = " ".join(str(exc).split())
    m = re.search(r"Flowable <\w+ at 0x[0-9a-f]+[^>]*>(.*?) too large on page (\d+)", message)
    if m:
        item = re.sub(r"<[^>]*>", "", m.group(1)).strip()[:60]
        return f"an item is too large for page {m.group(2)}: '{item}…'"
    if len(message) > width:
        message = message[: width - 1] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
