"""Opening a library finishes the extraction an interrupted import left queued."""

from __future__ import annotations

from briefbook.services.importing import import_paths
from briefbook.store.db import open_library
from briefbook.store.extraction_queue import queued_articles

from .conftest import SEEDS


def test_opening_the_library_extracts_what_an_interrupted_import_queued(make_window, library_path):
    lib = open_library(library_path)
    report = import_paths(lib, [SEEDS / "001_d130a965e8ac6871.txt"], queue_extraction=True)
    (article_id,) = [o.article_id for o in report.imported]
    assert lib.scalar("SELECT count(*) FROM facts") == 0
    lib.close()  # as if the import had been killed before extracting

    window = make_window(library_path)
    lib = window.ctx.lib
    assert queued_articles(lib) == []
    assert lib.scalar("SELECT count(*) FROM facts WHERE article_id = ?", (article_id,)) > 0
