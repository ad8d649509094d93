"""The article's own date from its dateline or page line (made-up articles)."""

from __future__ import annotations

from datetime import date

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
    # a place and the date alone on the line under the title
    ("Hafenmesse eröffnet\n\nKiel, 14. März 2025\n\nDie Messe begann am Montag.", "2025-03-14"),
    ("Hafenmesse eröffnet\nKiel, den 3. Mai 2024\nDie Messe begann am Montag.", "2024-05-03"),
    ("Harbour fair opens\nPORTSMOUTH, March 12, 2025\nThe fair opened.", "2025-03-12"),
    # a time and a weekday between the label and the date; a slash date no month can misread
    ("Harbour fair\nUpdated 2:30 PM ET, Tue March 12, 2025\nThe fair opened.", "2025-03-12"),
    ("Hafenmesse\nVeröffentlicht: Mi, 12.03.2025, 10:15 Uhr\nDie Messe begann.", "2025-03-12"),
    ("Harbour fair\nPosted on 25/03/2025\nThe fair opened.", "2025-03-25"),
    ("Harbour fair\nPosted on 3/25/2025\nThe fair opened.", "2025-03-25"),
    # Taiwanese dates count the Republic's years (民國113年 = 2024)
    ("港口博覽會\n發布日期：113-03-12\n博覽會開幕。", "2024-03-12"),
    ("港口博覽會\n中華民國113年3月12日\n博覽會開幕。", "2024-03-12"),
])
def test_a_dateline_in_any_language_is_found(text, iso):
    assert find_dateline(text)[0] == iso


@pytest.mark.parametrize("text", [
    # a date inside a sentence of the story is an event it reports, not its dateline
    "Harbour fair\nThe fair was first held on March 12, 2019 in a small hall by the sea.\nMore.",
    "Hafenmesse\nDie erste Messe fand am 14. März 2019 in Kiel statt, damals mit 20 Ausstellern.",
    "Harbour fair\nVisitors came from 12 countries.",
    "Hafenmesse\nDie erste Messe fand in Kiel statt, am 14. März 2019\nMehr.",
    # 05/03/2025: the 5th of March in Europe, May 3rd in the US
    "Harbour fair\nPosted on 05/03/2025\nThe fair opened.",
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


@pytest.mark.parametrize("text, iso", [
    # the year of the article's other full dates (the most frequent one)
    ("Port deal\nBERLIN, March 12 (Wire) - The two ports signed the deal. Talks began on "
     "January 8, 2025 and a first draft followed on February 2, 2025.", "2025-03-12"),
    ("Hafenabkommen\nMünchen, 14. März – Die Häfen unterzeichneten. Die Gespräche begannen "
     "am 8. Januar 2024.", "2024-03-14"),
    ("港口协议\n新华社北京3月12日电 两港签署协议。谈判始于2023年1月8日。", "2023-03-12"),
])
def test_a_dateline_without_a_year_takes_the_year_of_the_articles_dates(text, iso):
    assert find_dateline(text)[0] == iso


def test_a_dateline_without_a_year_takes_the_documents_stated_year_first():
    text = "Hafenabkommen\nMünchen, 14. März – Die Gespräche begannen am 8. Januar 2019."
    assert find_dateline(text, published_year=2025)[0] == "2025-03-14"


def test_a_dateline_without_a_year_or_dates_takes_the_latest_such_day_before_the_file_date():
    text = "Port deal\nHAMBURG, March 12 (Wire) - The two ports signed the deal."
    assert find_dateline(text, reference=date(2025, 6, 1))[0] == "2025-03-12"
    # not dated after the file: March 12 seen on 1 March is last year's
    assert find_dateline(text, reference=date(2025, 3, 1))[0] == "2024-03-12"
    assert find_dateline(text) is None  # no year anywhere: no date rather than a guess


@pytest.mark.parametrize("text", [
    "Port deal\nThe ports met on March 12 and signed a deal.",
    "Hafen\nAm 14. März unterzeichneten die Häfen - endlich.",
])
def test_a_day_and_month_in_a_sentence_is_no_dateline(text):
    assert find_dateline(text, reference=date(2025, 6, 1)) is None


def test_an_imported_file_with_a_yearless_dateline_takes_the_year_of_its_dates(tmp_path):
    path = tmp_path / "deal.txt"
    path.write_text("Port deal\n\nLONDON, Oct. 3 (Wire) - The ports signed. The first talks were held "
                    "on 5 May 2023.\n", encoding="utf-8")
    lib = open_library(tmp_path / "lib.briefbook")
    report = import_paths(lib, [path])
    (outcome,) = report.imported
    assert get_article(lib, outcome.article_id).published == "2023-10-03"
    lib.close()


def test_the_date_label_among_the_fields_of_a_page_line():
    assert find_dateline("作者:佚名 文章来源:东方经济网 点击数 更新时间:2016-10-20 10:40:28\n\n正文。")[0] == "2016-10-20"
    assert find_dateline("作者:佚名  来源:东方日报   更新:2020-12-11 6:09:43\n\n正文。")[0] == "2020-12-11"
    assert find_dateline("Headline\n\nexample.gov.cn| Updated: September 4, 2018\n\nBody.")[0] == "2018-09-04"
    # a sentence that mentions an update is no page line
    assert find_dateline("The plan. It was updated: March 3, 2019 by the board.") is None


def test_the_publishers_closing_line_dates_the_article():
    text = "4月19日午後、代表団が県を訪問した。\n両県は協力を強化する。\n人民中国インターネット版 2012年4月23日\n"
    assert find_dateline(text)[0] == "2012-04-23"
    assert find_dateline("本文。\n「東方網日本語版」2012年6月18日")[0] == "2012-06-18"
    # a sentence ending in a date is no closing line
    assert find_dateline("本文。\n両県は協定を2012年6月18日に結んだ。") is None
