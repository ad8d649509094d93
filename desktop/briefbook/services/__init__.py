"""The use cases of Briefbook: what the desktop app (gui/) and the command line
(cli.py) both do, as plain functions over an open ``store.db.Library``.

This is the only package that combines the store (store/) with the wings that
read, extract, link and export (ingest/, extract/, link/, export/).  Long work
takes a ``progress(done, total, message)`` callback and a ``CancelToken``
(core/progress.py) and runs in the calling thread; the GUI runs it off the
main thread.

    importing    files, folders and pasted text -> articles in the library
    extraction   articles -> facts (in worker processes), then linking
    linking      facts -> entities and merge proposals
    assembling   a book of the library -> core.book.Book
    exporting    a Book -> DOCX / PDF
    demo         the demo library (the seed articles) and the demo book (demo_book)
    pool         the one home of worker processes
"""
