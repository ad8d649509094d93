"""Dates real news writes that the rules missed: a day without its month (wire
datelines 台北28日電, 26日至29日), today / yesterday, the end of a year, English month
abbreviations without a full stop and a year that ends the sentence (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def dates(text, lang, published):
    return {f.text: f.value for f in extract_text(text, lang, published) if f.kind == "date"}


def test_a_day_alone_takes_the_month_of_the_article():
    got = dates("(中央社記者王明台北14日電)市長李強12日至15日率團訪問大阪,13日上午簽約。", "zh-Hant", "2024-05-14")
    assert got["14日"]["iso"] == "2024-05-14"
    assert (got["12日至15日"]["iso"], got["12日至15日"]["end_iso"]) == ("2024-05-12", "2024-05-15")
    assert got["13日上午"]["iso"] == "2024-05-13"
    # without the article's date the day is still a date, with no ISO value
    got = dates("代表团一行9日访问名古屋。", "zh-Hans", None)
    assert got["9日"]["iso"] is None
    # a length of days, an ordinal or a day of another month is no such date
    assert not dates("会期3日間、第2日目,每日更新。", "ja", "2024-05-14")
    assert set(dates("6月9日签约。", "zh-Hans", "2024-05-14")) == {"6月9日"}


def test_today_and_yesterday_are_read_against_the_article_date():
    got = dates("部长今天表示,昨天晚間已与对方会谈。", "zh-Hant", "2024-05-14")
    assert got["今天"] == {"iso": "2024-05-14", "end_iso": None, "relative": True}
    assert got["昨天晚間"]["iso"] == "2024-05-13"
    assert dates("昨日,副市长会见代表团。", "zh-Hans", "2016-03-01")["昨日"]["iso"] == "2016-02-29"
    # without the article's day it is still a date of the text, with no ISO value (as 今年
    # and 27日 are there); "today's" is a figure of speech
    assert dates("部长今天表示欢迎。", "zh-Hans", None)["今天"]["iso"] is None
    assert not dates("今天的投资就是明天的产业。", "zh-Hans", "2024-05-14")


def test_a_day_before_the_verb_to_go_and_this_year_in_japanese():
    # 30日前往 is "went on the 30th"; 30日前 alone is "30 days before"
    got = dates("市长将于30日前往东京。", "zh-Hans", "2024-05-14")
    assert got["30日"]["iso"] == "2024-05-30"
    assert "30日" not in dates("30日前已抵达。", "zh-Hans", "2024-05-14")
    assert dates("本年は友好40周年に当たる。", "ja", "2024-05-14")["本年"]["iso"] == "2024"
    assert "本年" not in dates("本年度の予算が決まった。", "ja", "2024-05-14")


def test_until_the_end_of_a_year_is_its_last_day():
    assert dates("截至2023年底,共有800家企业。", "zh-Hans", None)["截至2023年底"]["iso"] == "2023-12-31"
    assert dates("2023年投资增长。", "zh-Hans", None)["2023年"]["iso"] == "2023"


def test_english_month_abbreviations_and_years_ending_a_sentence():
    got = dates("The mayor led a delegation from Aug 26 to 30 and met the governor on Sept 3. "
                "The cities became partners in 1982. The office opened in 2018, the report said.", "en", "2024-09-10")
    assert (got["Aug 26 to 30"]["iso"], got["Aug 26 to 30"]["end_iso"]) == ("2024-08-26", "2024-08-30")
    assert got["Sept 3"]["iso"] == "2024-09-03"
    assert got["1982"]["iso"] == "1982" and got["2018"]["iso"] == "2018"
    # Jan is a German given name; a decimal after a year is no year
    assert not dates("Jan 12 Mitarbeiter kamen.", "de", "2024-09-10")
    assert "2019" not in dates("The share rose in 2019.5 terms.", "en", None)


def test_weekdays_point_back_for_what_happened_and_ahead_for_what_is_to_come():
    # 2018-09-15 is a Saturday
    got = dates("Der Minister ist am Samstag nach China aufgebrochen. Am Montagabend trifft er den Gouverneur. "
                "Am Mittwoch ist ein Forum geplant. Er hatte am Donnerstag erklärt, die Reise sei wichtig.",
                "de", "2018-09-15")
    assert got["Samstag"]["iso"] == "2018-09-15"
    assert got["Montagabend"]["iso"] == "2018-09-17"
    assert got["Mittwoch"]["iso"] == "2018-09-19"
    assert got["Donnerstag"]["iso"] == "2018-09-13"
    got = dates("The two agencies signed an agreement on Tuesday and will meet again on Friday.", "en", "2026-07-09")
    assert got["Tuesday"]["iso"] == "2026-07-07" and got["Friday"]["iso"] == "2026-07-10"
    # without the article's day a weekday is no date
    assert not dates("Am Montag reist er ab.", "de", None)


def test_two_years_named_together():
    got = dates("Bereits 2015 und 2017 war er in der Provinz.", "de", None)
    assert got["2015"]["iso"] == "2015" and got["2017"]["iso"] == "2017"
