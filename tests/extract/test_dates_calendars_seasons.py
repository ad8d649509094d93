"""Dates in the Republic of China's calendar (Taiwan), five-year plans, and German and
English periods the rules missed: years after a capitalised preposition, seasons, weeks,
numbered halves and quarters, today and yesterday (made-up sentences)."""

from __future__ import annotations

import pytest

from briefbook.extract.pipeline import extract_text


def dates(text, lang, published="2025-06-10"):
    return {f.text: (f.value["iso"], f.value["end_iso"]) for f in extract_text(text, lang, published) if f.kind == "date"}


def test_taiwanese_years_count_from_1912():
    assert dates("中華民國113年3月12日雙方簽署備忘錄。", "zh-Hant") == {"中華民國113年3月12日": ("2024-03-12", None)}
    assert dates("民國112年起實施新制。", "zh-Hant") == {"民國112年": ("2023", None)}
    assert dates("113年度預算增加。", "zh-Hant") == {"113年度": ("2024", None)}
    assert dates("113年1至3月出口成長。", "zh-Hant") == {"113年1至3月": ("2024-01", "2024-03")}
    assert dates("發布日期：113/03/12", "zh-Hant") == {"113/03/12": ("2024-03-12", None)}
    assert dates("民國一百一十三年三月十二日", "zh-Hant") == {"民國一百一十三年三月十二日": ("2024-03-12", None)}
    # a number of years is no year; the numeric form is Taiwanese only
    assert not dates("公司成立113年來首次。", "zh-Hant")
    assert not dates("编号113/03/12", "zh-Hans")


def test_japanese_era_years_in_chinese_numerals():
    assert dates("令和六年三月に開設した。", "ja") == {"令和六年三月": ("2024-03", None)}


def test_a_five_year_plan_is_its_five_years():
    assert dates("“十四五”期间，两地合作不断深化。", "zh-Hans") == {"十四五": ("2021", "2025")}
    assert dates("十三五时期完成投资。", "zh-Hans") == {"十三五": ("2016", "2020")}
    assert not dates("十四五规划纲要发布。", "zh-Hans")  # the plan, not its years


@pytest.mark.parametrize("text, lang, expected", [
    ("Seit 2019 besteht die Partnerschaft.", "de", {"2019": ("2019", None)}),
    ("Bis 2030 will das Land klimaneutral sein.", "de", {"2030": ("2030", None)}),
    ("Since 1985, the cities have been twinned.", "en", {"1985": ("1985", None)}),
    ("In 2023, exports rose.", "en", {"2023": ("2023", None)}),
])
def test_a_year_after_a_capitalised_preposition(text, lang, expected):
    assert dates(text, lang) == expected


def test_seasons_weeks_halves_and_quarters():
    assert dates("Im Herbst 2024 soll das Werk eröffnen.", "de") == {"Herbst 2024": ("2024-09", "2024-11")}
    assert dates("Im Sommer beginnt der Bau.", "de") == {"Sommer": ("2025-06", "2025-08")}
    assert dates("In the spring of 2024 the plant opened.", "en") == {"spring of 2024": ("2024-03", "2024-05")}
    # a bare season word, or "fall" without its year, is no date
    assert not dates("Summer school students fall behind.", "en")
    assert dates("Vergangene Woche traf er den Gouverneur.", "de") == {"Vergangene Woche": ("2025-06-02", "2025-06-08")}
    assert dates("Next week the delegation returns.", "en") == {"Next week": ("2025-06-16", "2025-06-22")}
    assert dates("Im 1. Halbjahr 2024 stieg der Umsatz.", "de") == {"1. Halbjahr 2024": ("2024-01", "2024-06")}
    assert dates("Sales rose in Q3 2024.", "en") == {"Q3 2024": ("2024-07", "2024-09")}
    assert not dates("The Q3 model sold well.", "en")


def test_month_edges_keep_their_word():
    assert dates("Anfang Mai reiste er nach Tokio.", "de") == {"Anfang Mai": ("2025-05", None)}
    assert dates("Ende Juni 2024 endete die Frist.", "de") == {"Ende Juni 2024": ("2024-06", None)}
    assert dates("The talks resumed in mid-April.", "en") == {"mid-April": ("2025-04", None)}


def test_today_yesterday_and_a_day_without_its_year():
    assert dates("Heute unterzeichnen beide Seiten.", "de") == {"Heute": ("2025-06-10", None)}
    assert dates("Gestern Abend landete die Delegation.", "de") == {"Gestern Abend": ("2025-06-09", None)}
    assert dates("Yesterday the minister said so.", "en") == {"Yesterday": ("2025-06-09", None)}
    assert not dates("Das gilt bis heute.", "de")
    assert not dates("Heute gilt das.", "de", None)  # without the article's day, no date
    assert not dates("China today's leaders", "en")
    assert dates("Am 12.3. unterzeichneten sie.", "de") == {"12.3.": ("2025-03-12", None)}


def test_taiwanese_press_writes_the_number_in_brackets():
    assert dates("今(113)年3月雙方簽約。", "zh-Hant", "2024-06-13") == {"今(113)年3月": ("2024-03", None)}
    assert dates("去(2023)年出口成長。", "zh-Hant", "2024-06-13") == {"去(2023)年": ("2023", None)}
    assert dates("市長昨(12)日率團抵達東京。", "zh-Hant", "2024-06-13") == {"昨(12)日": ("2024-06-12", None)}
    assert dates("今（13）日上午舉行記者會。", "zh-Hant", "2024-06-13") == {"今（13）日上午": ("2024-06-13", None)}
    # the written day wins over the arithmetic across a month's end
    assert dates("昨(31)日抵達。", "zh-Hant", "2024-06-01") == {"昨(31)日": ("2024-05-31", None)}
    assert dates("本(6)月底前完成。", "zh-Hant", "2024-06-13") == {"本(6)月底": ("2024-06", None)}


def test_cjk_seasons_and_year_edges():
    assert dates("今春、工場を開設した。", "ja", "2024-06-13") == {"今春": ("2024-03", "2024-05")}
    assert dates("2025年春に開業する。", "ja", "2024-06-13") == {"2025年春": ("2025-03", "2025-05")}
    assert dates("今春以来，订单大增。", "zh-Hans", "2024-06-13") == {"今春": ("2024-03", "2024-05")}
    assert not dates("春季广交会开幕。", "zh-Hans", "2024-06-13")
    assert dates("明年初投产。", "zh-Hans", "2024-06-13") == {"明年初": ("2025-01", None)}
    assert dates("去年底雙方簽約。", "zh-Hant", "2024-06-13") == {"去年底": ("2023-12", None)}
    assert set(dates("今年初步统计完成。", "zh-Hans", "2024-06-13")) == {"今年"}  # 初步: preliminary


def test_cjk_weekdays_and_weeks_around_the_article_day():
    # 2024-06-13 is a Thursday
    assert dates("本周三，双方签署协议。", "zh-Hans", "2024-06-13") == {"本周三": ("2024-06-12", None)}
    assert dates("代表团将于下周二抵达。", "zh-Hans", "2024-06-13") == {"下周二": ("2024-06-18", None)}
    assert dates("週三雙方簽署協議。", "zh-Hant", "2024-06-13") == {"週三": ("2024-06-12", None)}
    assert dates("他周五将访问大阪。", "zh-Hans", "2024-06-13") == {"周五": ("2024-06-14", None)}
    assert dates("水曜日に会談した。", "ja", "2024-06-13") == {"水曜日": ("2024-06-12", None)}
    assert dates("来週の火曜日に発表する。", "ja", "2024-06-13") == {"来週の火曜日": ("2024-06-18", None)}
    assert dates("上周，市长会见代表团。", "zh-Hans", "2024-06-13") == {"上周": ("2024-06-03", "2024-06-09")}
    # every week, a count of weeks, a name: no date
    assert not dates("每周一举行例会。", "zh-Hans", "2024-06-13")
    assert not dates("毎週土曜日に開く。", "ja", "2024-06-13")
    assert not dates("一周三次。", "zh-Hans", "2024-06-13")
    assert not dates("周一鸣会见代表团。", "zh-Hans", "2024-06-13")
    assert not dates("本周三，双方签署协议。", "zh-Hans", None)


def test_weekdays_with_their_week_and_without_a_preposition():
    # 2025-06-10 is a Tuesday
    assert dates("The minister said Tuesday that talks went well.", "en") == {"Tuesday": ("2025-06-10", None)}
    assert dates("Last Tuesday, the delegation arrived.", "en") == {"Last Tuesday": ("2025-06-03", None)}
    assert dates("He will visit next Monday.", "en") == {"next Monday": ("2025-06-16", None)}
    assert dates("Kommenden Freitag reist er ab.", "de") == {"Kommenden Freitag": ("2025-06-13", None)}
    # the date written after the weekday says which day; habits and names are no day
    assert dates("Am Montag, 12. Mai, reiste er.", "de") == {"12. Mai": ("2025-05-12", None)}
    assert not dates("Jeden Montag trifft sich der Rat; dienstags ist Ruhetag.", "de")
    assert not dates("Black Friday sales and every Monday", "en")


def test_day_lists_decades_and_years_ago():
    assert dates("Am 12./13. März 2025 tagte der Rat.", "de") == {"12./13. März 2025": ("2025-03-12", "2025-03-13")}
    assert dates("In the 1990s trade grew.", "en") == {"1990s": ("1990", "1999")}
    assert dates("Seit den 1990er Jahren wächst der Handel.", "de") == {"1990er Jahren": ("1990", "1999")}
    assert dates("Vor drei Jahren wurde der Vertrag geschlossen.", "de") == {"Vor drei Jahren": ("2022", None)}
    assert dates("A year ago the plant opened.", "en") == {"A year ago": ("2024", None)}
    assert dates("Zum Jahresende soll das Werk stehen.", "de") == {"Jahresende": ("2025-12", None)}
    assert not dates("Vor drei Jahren wurde er gewählt.", "de", None)


def test_a_weekday_reads_its_own_sentence_only_even_without_full_stops():
    # a word of the future far before it, in text with no full stop, does not turn the weekday ahead
    text = "Die Delegation wird " + "sehr " * 100 + "lange am Montag unterzeichnet haben"
    assert dates(text, "de")["Montag"] == ("2025-06-09", None)
