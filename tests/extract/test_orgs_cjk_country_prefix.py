"""A foreign country written before a place that opens a body's name is left out of the
body (日本|宫城县议会); bodies whose name holds the country keep it (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def facts(text: str, lang: str):
    got = extract_text(text, lang, None)
    for f in got:
        assert text[f.start:f.end] == f.text
    orgs = {f.value["name"] for f in got if f.kind == "organization"}
    people = {f.value["name"]: f.value.get("org") for f in got if f.kind == "person"}
    return orgs, people


def test_the_country_before_a_prefecture_or_city_is_no_part_of_the_body():
    orgs, people = facts("日本新潟縣議會議長田中一郎與日本新潟縣國際交流協會代表出席。", "zh-Hant")
    assert "新潟縣議會" in orgs and "日本新潟縣議會" not in orgs
    assert "新潟縣國際交流協會" in orgs
    assert people["田中一郎"] == "新潟縣議會"


def test_the_country_stays_where_another_country_or_region_follows():
    orgs, _ = facts("日本台湾交流协会与日本贸易振兴机构举办说明会。", "zh-Hans")
    assert "日本台湾交流协会" in orgs and "日本贸易振兴机构" in orgs


def test_the_home_countrys_bodies_keep_the_country():
    orgs, _ = facts("中国江苏省人民政府与日方签约。", "zh-Hans")
    assert "中国江苏省人民政府" in orgs
    orgs, _ = facts("日本宮城県議会の代表団が来た。", "ja")
    assert "日本宮城県議会" in orgs

