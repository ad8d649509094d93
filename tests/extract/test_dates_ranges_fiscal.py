"""Month ranges, fiscal years and the edges of a year, in every language (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text

PUB = "2025-06-10"


def dates(text, lang, published=PUB):
    return {f.text: f.value for f in extract_text(text, lang, published) if f.kind == "date"}


def span(value):
    return value["iso"], value["end_iso"]


def test_japanese_month_ranges_with_a_tilde_or_wave_dash_are_one_range():
    got = dates("1～3月期の輸出は増えた。2025年1〜6月の貿易額は伸びた。2024年10月～12月期は減った。", "ja")
    assert span(got["1～3月"]) == ("2025-01", "2025-03") and got["1～3月"]["relative"]
    assert span(got["2025年1〜6月"]) == ("2025-01", "2025-06")
    assert span(got["2024年10月～12月"]) == ("2024-10", "2024-12")
    assert "3月" not in got and "6月" not in got  # no loose end month left over


def test_chinese_month_range_with_a_full_width_tilde():
    got = dates("1～6月，进出口总额增长。", "zh-Hans")
    assert span(got["1～6月"]) == ("2025-01", "2025-06")


def test_fiscal_years_keep_their_marker_and_give_the_first_year():
    ja = dates("2024年度の対中輸出は前年度比3.5％増。昨年度は減少し、令和6年度の予算も組まれた。", "ja")
    assert ja["2024年度"] == {"iso": "2024", "end_iso": None, "fiscal_year": True}
    assert ja["昨年度"]["iso"] == "2024" and ja["昨年度"]["relative"]
    assert ja["令和6年度"]["iso"] == "2024"
    assert not any(text.startswith("前年度") for text in ja)  # a comparison, not a date
    zh = dates("2024财年销售额增长12%，上年度利润下降。", "zh-Hans")
    assert zh["2024财年"]["fiscal_year"] and zh["上年度"]["iso"] == "2024"
    de = dates("Im Geschäftsjahr 2024/25 stieg der Umsatz.", "de")
    assert de["Geschäftsjahr 2024/25"] == {"iso": "2024", "end_iso": None, "fiscal_year": True}
    en = dates("In fiscal 2024 sales rose; FY2023 was weak; in the financial year 2024-25, profits fell.", "en")
    assert {t: v["iso"] for t, v in en.items()} == {"fiscal 2024": "2024", "FY2023": "2023",
                                                    "financial year 2024-25": "2024"}


def test_latin_month_ranges():
    de = dates("Von Januar bis März 2025 stiegen die Exporte. Zwischen Februar und Mai wuchs der Handel.", "de")
    assert span(de["Januar bis März 2025"]) == ("2025-01", "2025-03") and "relative" not in de["Januar bis März 2025"]
    assert span(de["Februar und Mai"]) == ("2025-02", "2025-05") and de["Februar und Mai"]["relative"]
    en = dates("From November 2024 to February 2025 exports rose. In January–June, imports fell.", "en")
    assert span(en["November 2024 to February 2025"]) == ("2024-11", "2025-02")
    assert span(en["January–June"]) == ("2025-01", "2025-06")


def test_two_months_joined_by_and_are_no_range_without_between():
    got = dates("Der Januar und Mai waren kalt.", "de")
    assert "Januar und Mai" not in got
    assert "January and May" not in dates("January and May were cold.", "en")


def test_the_edges_of_a_year():
    de = dates("Ende 2024 kam die Wende, Anfang 2025 der Aufschwung, Mitte 2025 die Messe.", "de")
    assert de["Ende 2024"]["iso"] == "2024-12"
    assert de["Anfang 2025"]["iso"] == "2025-01"
    assert span(de["Mitte 2025"]) == ("2025-06", "2025-07")
    en = dates("By the end of 2024 the plant was built; in early 2025 it opened.", "en")
    assert en["the end of 2024"]["iso"] == "2024-12" and en["early 2025"]["iso"] == "2025-01"


def test_german_genitive_relative_month():
    got = dates("Anfang nächsten Monats reist die Delegation.", "de")
    assert got["nächsten Monats"]["iso"] == "2025-07" and got["nächsten Monats"]["relative"]
