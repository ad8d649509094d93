"""German and English dates (made-up sentences): a season with its year, a range of days
over one or two months written with both months, and a weekday after "bis"/"until" in a
present-tense clause."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def dates(text: str, lang: str, published: str | None = None) -> dict[str, tuple]:
    return {f.text: (f.value.get("iso"), f.value.get("end_iso"))
            for f in extract_text(text, lang, published) if f.kind == "date"}


def test_a_season_with_its_year_is_its_three_months():
    assert dates("Im Herbst 2018 reiste sie nach Osaka.", "de")["Herbst 2018"] == ("2018-09", "2018-11")
    assert dates("The plant opens in the spring of 2027.", "en")["spring of 2027"] == ("2027-03", "2027-05")
    assert dates("Talks resume in fall 2026.", "en")["fall 2026"] == ("2026-09", "2026-11")


def test_fall_as_a_verb_is_no_season():
    assert not any("fall" in t for t in dates("Prices could fall 2026 percent, he joked.", "en"))


def test_a_day_range_with_both_months():
    assert dates("The fair runs from June 30 to July 2, 2026.", "en")["June 30 to July 2, 2026"] == \
        ("2026-06-30", "2026-07-02")
    assert dates("Die Messe läuft vom 30. Juni bis 2. Juli 2026.", "de")["30. Juni bis 2. Juli 2026"] == \
        ("2026-06-30", "2026-07-02")


def test_a_day_range_without_a_year_takes_the_article_year_or_stays_open():
    assert dates("From June 16 to June 19, the mayor toured Osaka.", "en", "2026-03-02")["June 16 to June 19"] == \
        ("2026-06-16", "2026-06-19")
    assert dates("From June 16 to June 19, the mayor toured Osaka.", "en")["June 16 to June 19"] == (None, None)


def test_a_weekday_after_bis_in_the_present_is_the_coming_one():
    # Monday 2026-05-11: until Wednesday the guests are here -> 2026-05-13
    assert dates("Bis Mittwoch ist die Delegation zu Gast in Kiel.", "de", "2026-05-11")["Mittwoch"] == \
        ("2026-05-13", None)
    assert dates("Sie war bis Mittwoch in Kiel.", "de", "2026-05-15")["Mittwoch"] == ("2026-05-13", None)
