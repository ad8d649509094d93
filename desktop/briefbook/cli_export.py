"""``briefbook export``: write a book of the library (or the demo book) as DOCX or PDF.

    briefbook export --book ID -o FILE [--format docx|pdf] [--locale L] [--template T] [--draft]
    briefbook export --demo -o FILE
    briefbook export --list
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def run(args, open_existing, progress_bar) -> int:
    import tempfile

    from .services.exporting import book_for_export, book_layout, left_out_sections, write_book

    if args.list:
        from .services.trips import list_books

        with open_existing(args) as lib:
            books = list_books(lib)
        if args.json:
            print(json.dumps(books, ensure_ascii=False, indent=1))
        for b in [] if args.json else books:
            print(f"{b['id']:>5}  {b['locale']:<7} {b['template']:<9} {b['title']}")
        if not books and not args.json:
            print("No books in this library yet (briefbook book new TITLE --trip ID makes one).")
        return 0
    if not args.output:
        print("briefbook: give the file to write with -o FILE", file=sys.stderr)
        return 2
    if args.demo:
        from .services.demo import build_demo_library
        from .services.demo_book import build_demo_book

        with tempfile.TemporaryDirectory(prefix="briefbook-demo-") as tmp:
            lib = build_demo_library(Path(tmp) / "demo.briefbook", progress=progress_bar("Building the demo library"))
            try:  # the demo library's book (as --demo builds it), written in the locale asked for
                book = book_for_export(lib, build_demo_book(lib, locale=args.locale or "en",
                                                            template=args.template or "official"),
                                       locale=args.locale, template=args.template, draft=args.draft)
            finally:
                lib.close()
    else:
        if args.book is None:
            print("briefbook: give --book ID (see briefbook export --list) or --demo", file=sys.stderr)
            return 2
        with open_existing(args) as lib:
            try:
                book = book_for_export(lib, args.book, locale=args.locale, template=args.template, draft=args.draft)
            except KeyError:
                print(f"briefbook: there is no book {args.book} (briefbook export --list shows them)",
                      file=sys.stderr)
                return 2
    layout = book_layout(book)  # laid out once, for the check and the file
    omitted = left_out_sections(book, layout)
    if omitted:
        print("Left out (no content yet): " + "; ".join(omitted), file=sys.stderr)
    out = write_book(book, args.output, fmt=args.format, progress=progress_bar("Exporting"), steps=100, layout=layout)
    if args.json:
        print(json.dumps({"path": str(out), "format": out.suffix.lstrip(".").lower(), "bytes": out.stat().st_size,
                          "book": args.book, "demo": bool(args.demo), "title": book.title, "locale": book.locale,
                          "template": book.template}, ensure_ascii=False, indent=1))
    else:
        print(f"Wrote {out}")
    return 0
