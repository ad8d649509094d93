"""Import as a resumable job: stored text and queued extraction go together, and the
queue is finished by the next import or the next opening of the library."""

from __future__ import annotations

from briefbook.extract import EXTRACTOR_VERSION
from briefbook.services.extraction import finish_queue
from briefbook.services.importing import import_pasted, import_paths
from briefbook.store.db import open_library
from briefbook.store.extraction_queue import queue_extraction, queued_articles, unqueue
from briefbook.store.facts import facts_for_article

TEXTS = ("日本贸易振兴机构理事长佐佐木伸彦在青岛会见了青岛市副市长薛庆国。2019年青岛与日本进出口总额达到62.33亿美元。",
         "Bundeskanzlerin Angela Merkel traf am 3. Mai 2021 in Berlin den Präsidenten der IHK.")


def test_an_import_queues_the_extraction_with_the_text(tmp_path):
    lib = open_library(tmp_path / "lib.briefbook")
    first = import_pasted(lib, TEXTS[0], queue_extraction=True)
    second = import_pasted(lib, TEXTS[1], queue_extraction=True)
    assert queued_articles(lib) == [first.article_id, second.article_id]
    # a duplicate is not queued again, and an import that will not extract queues nothing
    assert import_pasted(lib, TEXTS[0], queue_extraction=True).status == "duplicate"
    assert import_pasted(lib, TEXTS[0] + "。", queue_extraction=False).status != "failed"
    assert len(queued_articles(lib)) == 2

    assert finish_queue(lib) == 2
    assert queued_articles(lib) == []
    assert facts_for_article(lib, first.article_id)
    assert lib.scalar("SELECT extracted_version FROM articles WHERE id = ?", (second.article_id,)) == EXTRACTOR_VERSION
    assert finish_queue(lib) == 0
    lib.close()


def test_the_queue_survives_closing_and_the_next_import_reports_it(tmp_path):
    lib = open_library(tmp_path / "lib.briefbook")
    left = import_pasted(lib, TEXTS[1], queue_extraction=True)
    lib.close()

    lib = open_library(tmp_path / "lib.briefbook")
    assert queued_articles(lib) == [left.article_id]
    report = import_paths(lib, [], queue_extraction=True)
    assert report.resumed == [left.article_id]
    assert report.to_json()["resumed"] == 1
    assert "the extraction of 1 article(s) an earlier import left unfinished is resumed" in report.summary()
    assert import_paths(lib, []).resumed == []  # an import that does not extract resumes nothing
    lib.close()


def test_queue_writes_return_what_undo_needs(tmp_path):
    lib = open_library(tmp_path / "lib.briefbook")
    article = import_pasted(lib, TEXTS[1]).article_id
    assert queue_extraction(lib, [article]) == [article]
    assert queue_extraction(lib, [article]) == []
    assert unqueue(lib, [article]) == [article]
    assert unqueue(lib, [article]) == []
    lib.close()


def test_an_article_extracted_meanwhile_only_leaves_the_queue(tmp_path):
    from briefbook.services.extraction import extract_articles

    lib = open_library(tmp_path / "lib.briefbook")
    article = import_pasted(lib, TEXTS[0], queue_extraction=True).article_id
    assert extract_articles(lib, [article]) == 1
    assert queued_articles(lib) == []  # saving the extraction took it off the queue
    queue_extraction(lib, [article])
    assert finish_queue(lib) == 0
    assert queued_articles(lib) == []
    lib.close()
