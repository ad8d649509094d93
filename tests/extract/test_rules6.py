"""Relative dates, ranges and approximations, currency words, counts of real things and
title modifiers (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text

PUB = "2025-03-12"


def facts(text, lang, kind, published=PUB):
    return [(f.text, f.value) for f in extract_text(text, lang, published) if f.kind == kind]


def test_relative_dates_are_resolved_against_the_article_date_and_marked():
    got = dict(facts("去年3月港口吞吐量上升，本月新航线开通，上半年出口增长，甲辰年签约。", "zh-Hans", "date"))
    assert got["去年3月"] == {"iso": "2024-03", "end_iso": None, "relative": True}
    assert got["本月"]["iso"] == "2025-03" and got["本月"]["relative"]
    assert (got["上半年"]["iso"], got["上半年"]["end_iso"]) == ("2025-01", "2025-06")
    assert got["甲辰年"]["iso"] == "2024"
    # the same text in another year's article reads other dates
    assert dict(facts("去年3月港口吞吐量上升。", "zh-Hans", "date", "2021-06-01"))["去年3月"]["iso"] == "2020-03"
    # a written-out year is not relative
    assert "relative" not in dict(facts("2023年上半年出口增长。", "zh-Hans", "date"))["2023年上半年"]


def test_latin_halves_and_months_are_resolved():
    got = dict(facts("Im ersten Halbjahr stieg der Umsatz, im vergangenen Monat fiel er.", "de", "date"))
    assert (got["Im ersten Halbjahr"]["iso"], got["Im ersten Halbjahr"]["end_iso"]) == ("2025-01", "2025-06")
    assert got["im vergangenen Monat"]["iso"] == "2025-02"
    got = dict(facts("In the first half of last year the port grew.", "en", "date"))
    assert got["In the first half of last year"]["end_iso"] == "2024-06"
    # without an article date nothing is invented
    assert dict(facts("Last month the port grew.", "en", "date", None))["Last month"]["iso"] is None


def test_ranges_and_approximations_of_amounts():
    got = dict(facts("项目投资3-5亿元，另有约20亿美元。", "zh-Hans", "amount"))
    assert got["3-5亿元"]["value"] == 3e8 and got["3-5亿元"]["value_end"] == 5e8
    assert got["约20亿美元"]["approx"] == "about"
    got = dict(facts("The harbour needs between 2 and 4 billion US dollars, more than 10 million euros.", "en", "amount"))
    assert (got["between 2 and 4 billion US dollars"]["value"], got["between 2 and 4 billion US dollars"]["value_end"]) \
        == (2e9, 4e9)
    assert got["more than 10 million euros"]["approx"] == "more_than"
    got = dict(facts("売上高は約500億円、投資は10億元だった。", "ja", "amount"))
    assert (got["約500億円"]["currency"], got["約500億円"]["approx"]) == ("JPY", "about")
    assert got["10億元"]["currency"] == "CNY"


def test_the_country_in_a_currency_word_is_no_place():
    text = "The harbour deal is worth 300 million US dollars, signed in Hamburg."
    assert [t for t, _ in facts(text, "en", "place")] == ["Hamburg"]
    assert facts(text, "en", "amount")[0][1]["currency"] == "USD"


def test_the_sides_of_a_talk_are_no_count():
    assert facts("The two sides agreed to open three new flights and 5 projects.", "en", "count") == [
        ("three new flights", {"value": 3, "unit": "flights", "approx": "exact"}),
        ("5 projects", {"value": 5, "unit": "projects", "approx": "exact"})]
    assert facts("Beide Seiten vereinbarten zwei Seiten Protokoll.", "de", "count") == []
    got = facts("Die Städte planen zwei gemeinsame Städtepartnerschaftsseminare.", "de", "count")
    assert [v["unit"] for _, v in got] == ["seminars"]  # the head of the compound, not "cities"


def test_title_modifiers_stay_with_the_title():
    got = {v["name"]: v["title"] for _, v in facts("会议开幕，王刚副市长和李明常务副市长出席。", "zh-Hans", "person")}
    assert got == {"王刚": "副市长", "李明": "常务副市长"}
    got = {v["name"]: v["title"] for _, v in facts("王小明副省長と山田知事が会談した。", "ja", "person")}
    assert got == {"王小明": "副省長", "山田": "知事"}


def test_an_approximation_word_opening_a_sentence_still_qualifies_the_figure():
    got = dict(facts("Mehr als 30 Unternehmen sind dort. Rund 12 Prozent wachsen.", "de", "count"))
    assert got["Mehr als 30 Unternehmen"]["approx"] == "more_than"
    assert facts("Rund 12 Prozent wachsen.", "de", "percentage")[0] == ("Rund 12 Prozent", {"value": 12, "approx": "about"})
    got = dict(facts("About 2,000 Bavarian companies trade with China. Over 40 flights a week.", "en", "count"))
    assert got["About 2,000 Bavarian companies"] == {"value": 2000, "unit": "companies", "approx": "about"}
    assert got["Over 40 flights"]["approx"] == "more_than"


def test_a_four_digit_number_before_what_a_briefing_counts_is_a_count_not_a_year():
    got = dict(facts("Rund 2000 bayerische Unternehmen sind in China. Dort sind 1500 Unternehmen aktiv.", "de", "count"))
    assert got["Rund 2000 bayerische Unternehmen"] == {"value": 2000, "unit": "companies", "approx": "about"}
    assert got["1500 Unternehmen"]["value"] == 1500
    assert dict(facts("More than 1800 companies attended.", "en", "count"))["More than 1800 companies"]["value"] == 1800
    # a word of time before it: the year of a sentence that goes on about companies
    assert facts("Im Jahr 2017 Unternehmen gegründet. Seit 2019 Unternehmen aus Bayern.", "de", "count") == []
    assert facts("In 2019 companies from Bavaria invested.", "en", "count") == []
    assert facts("Bis 2030 Projekte im Wert von 5 Milliarden Euro.", "de", "count") == []
