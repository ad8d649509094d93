"""The Chinese names of countries used in Taiwan and Hong Kong (肯亚, 纽西兰, 模里西斯)
are places like the mainland names, in either script (resources/dict/places_countries.txt;
made-up sentences)."""

from __future__ import annotations

import pytest

from briefbook.extract import extract_text


@pytest.mark.parametrize("text, lang, place", [
    ("近年来，肯亚的长跑选手屡获佳绩。", "zh-Hans", "肯亚"),
    ("近年來，肯亞的長跑選手屢獲佳績。", "zh-Hant", "肯亞"),
    ("该语言也在苏利南和模里西斯使用。", "zh-Hans", "模里西斯"),
    ("他们从纽西兰出发。", "zh-Hans", "纽西兰"),
])
def test_a_taiwan_or_hong_kong_country_name_is_a_place_not_a_person(text, lang, place):
    found = extract_text(text, lang, None)
    assert place in {f.text for f in found if f.kind == "place"}
    assert place not in {f.text for f in found if f.kind == "person"}


def test_the_added_countries_have_their_english_names():
    found = extract_text("The delegation travelled on to Suriname and Tonga.", "en", None)
    assert {"Suriname", "Tonga"} <= {f.text for f in found if f.kind == "place"}
