from __future__ import annotations

import pytest

from briefbook.export.locale import (
    display_name,
    format_count,
    format_date_range,
    format_iso_date,
    format_money,
    format_percent_value,
    label,
    normalise_locale,
    romanise_name,
)


@pytest.mark.parametrize(("loc", "expected"), [
    ("en", "USD 7.64 billion"),
    ("de", "7,64\u00a0Mrd. USD"),
    ("zh-Hans", "76.43亿美元"),
    ("zh-Hant", "76.43億美元"),
    ("ja", "76.43億米ドル"),
])
def test_money_reads_like_the_press(loc, expected):
    assert format_money(7643000000, "USD", loc) == expected


def test_money_small_and_other_currencies():
    assert format_money(3680000000, "USD", "zh-Hans") == "36.8亿美元"
    assert format_money(62330000, "USD", "en") == "USD 62.33 million"
    assert format_money(1000000000, "CNY", "zh-Hans") == "10亿元"
    assert format_money(950, "EUR", "de") == "950 EUR"
    assert format_money(1500000, None, "en") == "1.5 million"


@pytest.mark.parametrize(("loc", "expected"), [
    ("en", "30 July 2020"), ("de", "30. Juli 2020"), ("zh-Hans", "2020年7月30日"),
    ("zh-Hant", "2020年7月30日"), ("ja", "2020年7月30日"),
])
def test_dates(loc, expected):
    assert format_iso_date("2020-07-30", loc) == expected


def test_partial_and_bad_dates():
    assert format_iso_date("2019", "de") == "2019"
    assert format_iso_date("2020-05", "de") == "Mai 2020"
    assert format_iso_date("2020-05", "zh-Hans") == "2020年5月"
    assert format_iso_date("sometime", "en") == "sometime"
    assert format_iso_date("2020-02-31", "en") == "2020-02-31"
    assert format_iso_date(None, "en") == ""
    assert format_date_range("2026-12-07", "2026-12-11", "de") == "7. Dezember 2026 – 11. Dezember 2026"


def test_numbers_percent_counts():
    assert format_percent_value(2.1, "en") == "2.1%"
    assert format_percent_value(2.1, "de") == "2,1\u00a0%"
    assert format_count(1000, "companies", "more_than", "en") == "more than 1,000 companies"
    assert format_count(1000, "companies", "more_than", "de") == "mehr als 1.000 Unternehmen"
    assert format_count(1000, "companies", "more_than", "zh-Hans") == "超过1000家企业"
    assert format_count(400000, "person_trips", "nearly", "zh-Hans") == "近40万人次"
    assert format_count(1000, "companies", "more_than", "ja") == "1000社超"
    assert format_count(1000, "companies", "at_least", "ja") == "1000社以上"
    assert format_count(12, "TEU", None, "zh-Hant") == "12標準箱"
    assert format_count(3, "sets", None, "de") == "3 Sätze"


def test_names_romanised_outside_cjk_books():
    assert display_name("高燕", "en") == "Gao Yan (高燕)"
    assert display_name("高燕", "de") == "Gao Yan (高燕)"
    assert display_name("高燕", "zh-Hans") == "高燕"
    assert display_name("高燕", "ja") == "高燕"
    assert display_name("Angela Merkel", "en") == "Angela Merkel"
    assert romanise_name("刘家义") == "Liu Jiayi"
    assert romanise_name("欧阳修") == "Ouyang Xiu"
    assert romanise_name("張琳") == "Zhang Lin"  # Traditional
    assert romanise_name("佐佐木伸彦", "ja") == "Sasaki Nobuhiko"
    assert romanise_name("吕光辉") == "Lü Guanghui"  # ü as in standard pinyin, never "Lv"
    assert display_name("二階俊博", "en", "ja") == "Nikai Toshihiro (二階俊博)"
    assert display_name("高燕", "en", romanised="GAO Yan") == "GAO Yan (高燕)"


def test_labels_and_locale_names():
    assert label("contents", "de") == "Inhalt"
    assert label("contents", "zh-Hant") == "目錄"
    assert label("page_x_of_y", "de", page=3, pages=9) == "Seite 3 von 9"
    assert label("page_x_of_y", "zh-Hans", page=3, pages=9) == "第 3 页，共 9 页"
    assert label("unknown-key", "de") == "unknown-key"
    assert normalise_locale("zh_CN") == "zh-Hans"
    assert normalise_locale("zh-TW") == "zh-Hant"
    assert normalise_locale("de-DE") == "de"
    assert normalise_locale("fr") == "en"
