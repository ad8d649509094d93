"""Behaviour of the rule extractor on small hand-written texts."""

from __future__ import annotations

import pickle

import pytest

from briefbook.core.article import Article
from briefbook.extract import EXTRACTOR_VERSION, extract, extract_many, extract_text


def facts_of(text, lang, published=None, kind=None):
    fs = extract_text(text, lang, published)
    for f in fs:
        assert text[f.start:f.end] == f.text
        assert f.extractor_version == EXTRACTOR_VERSION
    return [f for f in fs if kind is None or f.kind == kind]


def people(text, lang, published=None):
    return {f.value["name"]: (f.value["title"], f.value["org"]) for f in facts_of(text, lang, published, "person")}


def test_org_title_name_and_chains():
    t = "7月30日上午，省委书记刘家义，省委副书记、省长李干杰，中国贸促会会长高燕等出席活动。"
    p = people(t, "zh-Hans", "2020-07-31")
    assert p["刘家义"] == ("书记", "省委")
    assert p["李干杰"] == ("省委副书记、省长", None)
    assert p["高燕"] == ("会长", "中国贸促会")


def test_traditional_matches_like_simplified():
    t = "市政府副秘書長、市投促辦第一副主任張琳、市國資委二級巡視員高祀章等參加了活動。"
    p = people(t, "zh-Hant")
    assert p["張琳"] == ("市政府副秘書長、市投促辦第一副主任", None)
    assert p["高祀章"] == ("二級巡視員", "市國資委")


def test_list_after_title_and_japanese_names_and_title_after_name():
    t = "市领导王海涛、李明出席会议。日本经济产业省副大臣田中秀树、日本前首相鸠山友纪夫发来祝贺。"
    p = people(t, "zh-Hans", "2021-03-01")
    assert p["王海涛"] == ("市领导", None) and p["李明"] == ("市领导", None)
    assert p["田中秀树"][0] == "副大臣"
    assert p["鸠山友纪夫"] == ("日本前首相", None)
    assert people("2019年，习近平主席与外宾会晤。", "zh-Hans")["习近平"][0] == "主席"


def test_german_apposition():
    t = "An der Veranstaltung nahmen Liu Jiayi, Sekretär des CPC-Komitees der Provinz Shandong, und andere teil."
    p = people(t, "de")
    assert p["Liu Jiayi"] == ("Sekretär", "CPC-Komitees der Provinz Shandong")


@pytest.mark.parametrize("text,lang,value,cur", [
    ("合同外资62.33亿美元。", "zh-Hans", 6233000000, "USD"),
    ("总投资1.2万亿元的项目", "zh-Hans", 1200000000000, "CNY"),
    ("投资3470亿元。", "zh-Hans", 347000000000, "CNY"),
    ("売上高は5億円だった。", "ja", 500000000, "JPY"),
    ("Der Umsatz lag bei 7,64 Mrd. Euro.", "de", 7640000000, "EUR"),
    ("The fund has USD 1.5 billion.", "en", 1500000000, "USD"),
])
def test_amounts(text, lang, value, cur):
    a = facts_of(text, lang, kind="amount")
    assert [(f.value["value"], f.value["currency"]) for f in a] == [(value, cur)]


def test_counts_percentages_dates():
    t = "今年上半年，有1000多家日本企业、近40万人次往来，同比增长2.1%，占比超过三分之一。11月27日至12月1日考察。"
    fs = facts_of(t, "zh-Hans", "2020-07-31")
    counts = {f.text: f.value for f in fs if f.kind == "count"}
    assert counts["1000多家日本企业"] == {"value": 1000, "unit": "companies", "approx": "more_than"}
    assert counts["近40万人次"]["value"] == 400000 and counts["近40万人次"]["approx"] == "about"
    pct = {f.text: f.value["value"] for f in fs if f.kind == "percentage"}
    assert pct == {"2.1%": 2.1, "超过三分之一": 33.33}
    dates = {f.text: (f.value["iso"], f.value["end_iso"]) for f in fs if f.kind == "date"}
    assert dates["今年上半年"] == ("2020-01", "2020-06")
    assert dates["11月27日至12月1日"] == ("2020-11-27", "2020-12-01")


def test_year_from_publication_only():
    assert facts_of("7月30日上午举行。", "zh-Hans", None, "date")[0].value["iso"] is None
    assert facts_of("7月30日上午举行。", "zh-Hans", "2020-07-31", "date")[0].value["iso"] == "2020-07-30"
    assert facts_of("截至2020年5月底，项目15个。", "zh-Hans", None, "date")[0].value["iso"] == "2020-05-31"


@pytest.mark.parametrize("text", ["", "   ", "版本1.2.3发布", "2020-2021赛季", "Version 1.2.3 and 2020-2021",
                                  "😀😀 abc 🎉"])
def test_bad_input_gives_no_amounts(text):
    for lang in ("zh-Hans", "en", None):
        assert not [f for f in facts_of(text, lang) if f.kind in ("amount", "percentage")]


def test_offsets_with_non_bmp_characters():
    t = "😀𠀀🎉中国贸促会会长高燕表示，投资62.33亿美元。"
    fs = facts_of(t, "zh-Hans")
    assert any(f.kind == "person" and f.value["name"] == "高燕" for f in fs)
    assert any(f.kind == "amount" and f.text == "62.33亿美元" for f in fs)


def test_long_single_line_is_chunked_and_correct():
    unit = "中国贸促会会长高燕表示，投资62.33亿美元。"
    t = unit * 3000  # ~70k characters, no newline
    fs = facts_of(t, "zh-Hans")
    assert sum(1 for f in fs if f.kind == "amount") == 3000


def test_article_api_lang_detection_and_worker_function():
    art = Article(text="日本贸易振兴机构理事长佐佐木伸彦出席。", lang=None, published=None)
    fs = extract(art)
    assert any(f.kind == "person" and f.value["name"] == "佐佐木伸彦" for f in fs)
    out = extract_many([("投资3470亿元。", "zh-Hans", None)])
    assert out[0][0]["kind"] == "amount" and out[0][0]["value"] == 347000000000
    pickle.dumps(extract_many)  # importable by name in worker processes
