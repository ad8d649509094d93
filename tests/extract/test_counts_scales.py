"""Counts and shares the rules misread in real news: a scale word between the number and
the noun (55 Millionen Menschen), an anniversary (30周年), Japanese "-odd" (120数名), tenths
written 6成, a year before 台 and "the two regions", a number joined to what it counts
(25-köpfige, 90-strong, 4-day) and a population in millions (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def got(text, lang, kind):
    return {f.text: f.value for f in extract_text(text, lang, None) if f.kind == kind}


def test_a_scale_word_multiplies_the_count():
    de = got("In der Provinz leben rund 48 Millionen Menschen.", "de", "count")
    assert de["rund 48 Millionen Menschen"] == {"value": 48_000_000, "unit": "people", "approx": "about"}
    en = got("The province, with 80 million inhabitants, is large.", "en", "count")
    assert en["80 million inhabitants"]["value"] == 80_000_000
    # an amount of money is still an amount
    assert got("Sie investieren 3 Millionen Euro.", "de", "amount")["3 Millionen Euro"]["value"] == 3_000_000


def test_the_two_regions_are_the_parties_not_a_figure():
    assert not got("He hopes the two regions could deepen their ties.", "en", "count")
    assert got("He attended two business forums in Osaka.", "en", "count")["two business forums"]["value"] == 2


def test_an_anniversary_counts_years():
    c = got("今年是两市结好25周年,双方启动了结好25周年系列纪念活动。", "zh-Hans", "count")
    assert set(c) == {"25周年"} and c["25周年"]["unit"] == "years"


def test_japanese_odd_numbers_count_people_up_to_the_particle():
    c = got("企業の代表者80数名が、日本企業の代表者150数名と商談した。", "ja", "count")
    assert c["80数名"] == {"value": 80, "unit": "people", "approx": "more_than"}
    assert c["150数名"]["value"] == 150
    # 数 after a number is Japanese only
    assert "30数名" not in got("代表30数名出席。", "zh-Hans", "count")


def test_tenths_are_a_percentage():
    p = got("鋼鐵產業占總銷售額約7成,另有3成以上出口。", "zh-Hant", "percentage")
    assert p["約7成"] == {"value": 70, "approx": "about"}
    assert p["3成"]["value"] == 30
    assert not got("公司1成立於2000年,2成交量下滑。", "zh-Hant", "percentage")


def test_a_year_before_taiwan_is_no_count():
    assert not any(v["value"] == 2024 for v in got("2024台日產業合作論壇在東京舉行。", "zh-Hant", "count").values())


def test_japanese_durations_in_years():
    c = got("両県は以来12年の間に交流を深め、8年ぶりに知事が訪問した。", "ja", "count")
    assert c["12年"] == {"value": 12, "unit": "years", "approx": "exact"} and c["8年"]["value"] == 8
    # a year is still a date
    assert "2019年" in got("2019年の間に協定を結んだ。", "ja", "date")


def test_a_title_after_an_organisation_and_its_gloss():
    from briefbook.extract.pipeline import extract_text
    people = [f.value for f in extract_text("儀式由台日產業合作推動辦公室(TJPO)執行長陳大明主持。", "zh-Hant", None)
              if f.kind == "person"]
    assert [(p["name"], p["title"], p.get("org")) for p in people] == [("陳大明", "執行長", "台日產業合作推動辦公室")]


def test_people_and_the_size_of_a_delegation_are_counted():
    def counts(text, lang):
        return {f.text: f.value["value"] for f in extract_text(text, lang, None) if f.kind == "count"}

    assert counts("The delegation of 25 people arrived.", "en") == {"25 people": 25}
    assert counts("About 40 staff and 12 children came.", "en") == {"About 40 staff": 40, "12 children": 12}
    assert counts("A 30-member delegation and the 25-strong team", "en") == {"30-member": 30, "25-strong": 25}
    assert counts("Die 60-köpfige Wirtschaftsdelegation reiste an.", "de") == {"60-köpfige": 60}
    assert not counts("Many people came; both sides agreed.", "en")


def _counts(text: str, lang: str) -> dict[str, tuple]:
    return {t: (v["value"], v["unit"]) for t, v in got(text, lang, "count").items()}


def test_a_number_joined_to_what_it_counts():
    assert _counts("Eine 25-köpfige Delegation aus Gifu kam an.", "de")["25-köpfige"] == (25, "people")
    assert _counts("Zum 40-jährigen Bestehen der Partnerschaft lud sie ein.", "de")["40-jährigen"] == (40, "years")
    found = _counts("A 90-strong delegation began a 4-day visit with a 12-member team.", "en")
    assert found["90-strong"] == (90, "people") and found["4-day"] == (4, "days")
    assert found["12-member"] == (12, "people")


def test_a_population_in_millions_is_a_count_of_people():
    found = _counts("The province has a population of about 2.3 million and is home to nearly 90 million people.", "en")
    assert found["about 2.3 million"] == (2300000, "people")
    assert found["nearly 90 million people"] == (90000000, "people")
