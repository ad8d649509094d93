"""Places: a region named with its word for "area" (九州地区), and a town, village or
township suffix on a listed place (钏路町, 吉安乡) (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def places(text: str, lang: str = "zh-Hans") -> set[str]:
    got = extract_text(text, lang, None)
    for f in got:
        assert text[f.start:f.end] == f.text
    return {f.value["name"] for f in got if f.kind == "place"}


def test_a_region_keeps_its_word_for_area():
    got = places("双方同意加强与关西地区及南九州地区的合作。")
    assert {"关西地区", "南九州地区"} <= got and "关西" not in got
    # a province or city before 地区 stays as it is
    assert "湖北" in places("湖北地区的企业代表出席。")


def test_a_town_or_township_suffix_joins_the_listed_place():
    got = places("代表团访问了北海道钏路町。")
    assert "钏路町" in got and "钏路" not in got
