"""The article's own date from its dateline or page line (made-up articles)."""

from __future__ import annotations

import pytest

from briefbook.ingest.dateline import find_dateline
from briefbook.services.importing import import_paths
from briefbook.store.articles import get_article, list_articles
from briefbook.store.db import open_library


@pytest.mark.parametrize("text, iso", [
    ("Harbour fair opens\nMarch 12, 2025\nThe fair opened with 300 exhibitors.", "2025-03-12"),
    ("Hafenmesse eröffnet\nMünchen, 14. März 2025 – Die Messe begann am Montag mit 300 Ausstellern.", "2025-03-14"),
    ("港口博览会开幕\n2025年3月12日\n博览会于3月10日开幕。", "2025-03-12"),
    ("港口博览会开幕\n（2025年3月12日）\n博览会开幕。", "2025-03-12"),
    ("港の見本市\n発行日 2025年3月12日\n見本市が開幕した。", "2025-03-12"),
    ("Hafenmesse\nMittwoch, 12.03.2025\nDie Messe begann.", "2025-03-12"),
    ("Harbour fair\nPublished: 12 March 2025\nThe fair opened.", "2025-03-12"),
    ("Harbour fair\nPORTSMOUTH, Sept. 3, 2024 (Wire) - The fair opened.", "2024-09-03"),
    ("港口博览会\n新华社青岛2025年3月12日电 博览会开幕。", "2025-03-12"),
])
def test_a_dateline_in_any_language_is_found(text, iso):
    assert find_dateline(text)[0] == iso


@pytest.mark.parametrize("text", [
    # a date inside a sentence of the story is an event it reports, not its dateline
    "Harbour fair\nThe fair was first held on March 12, 2019 in a small hall by the sea.\nMore.",
    "Hafenmesse\nDie erste Messe fand am 14. März 2019 in Kiel statt, damals mit 20 Ausstellern.",
    "Harbour fair\nVisitors came from 12 countries.",
])
def test_a_date_in_the_story_is_no_dateline(text):
    assert find_dateline(text) is None


def test_an_imported_article_takes_its_dateline_as_its_date(tmp_path):
    path = tmp_path / "fair.txt"
    path.write_text("Hafenmesse eröffnet\n\nKiel, 14. März 2025 – Die Messe begann am Montag. "
                    "Im vergangenen Jahr kamen 300 Aussteller, die erste Messe fand am 2. Mai 2019 statt.\n",
                    encoding="utf-8")
    lib = open_library(tmp_path / "lib.briefbook")
    report = import_paths(lib, [path])
    (outcome,) = report.imported
    assert get_article(lib, outcome.article_id).published == "2025-03-14"
    assert [a["published"] for a in list_articles(lib)] == ["2025-03-14"]
    lib.close()
