"""Figure values the number reader must get whole: mixed 兆/亿/万 sums and percentage points."""

from briefbook.extract import extract_text
from briefbook.knowledge.display import format_value
from briefbook.knowledge.figures import read_figures


def _read(text, lang="zh-Hans", published="2020-07-31"):
    return read_figures(text, lang, published, extract_text(text, lang, published))


def _by_text(figs, part):
    return next(f for f in figs if part in f.text)


def test_a_sum_in_three_descending_units_is_one_amount_with_its_approximation():
    figs = _read("2019年の大阪府の貿易総額は約2兆3456億7800万円であった。", lang="ja", published="2020-03-01")
    fig = _by_text(figs, "兆")
    assert fig.text.startswith("約2兆")
    assert fig.value == 2345678000000
    assert fig.approx == "about"


def test_parts_that_do_not_descend_are_not_glued_into_one_sum():
    figs = _read("双方签约金额为3亿5万亿元。")
    assert not any(f.value == 300050000 for f in figs)
    assert not any(f.value and f.value > 5e12 for f in figs)


def test_percentage_points_change_the_share_before_them():
    figs = _read("今年上半年，广州对韩国出口120.5亿美元，占广州出口总额的12.3%，提高0.8个百分点。")
    points = _by_text(figs, "百分点")
    assert points.kind == "percentage" and points.unit == "percentage_points"
    assert points.value == 0.8
    assert points.measure == "growth_rate"
    share = _by_text(figs, "12.3%")
    assert figs[points.qualifies] is share
    assert points.subject == share.subject and points.period == share.period


def test_points_in_german_english_and_japanese():
    de = _by_text(_read("Der Anteil stieg um 1,5 Prozentpunkte auf 8 Prozent.", lang="de"), "Prozentpunkte")
    en = _by_text(_read("The share rose by 2.5 percentage points to 9 percent.", lang="en"), "points")
    ja = _by_text(_read("シェアは12%で、0.4ポイント上昇した。", lang="ja"), "ポイント")
    assert (de.value, en.value, ja.value) == (1.5, 2.5, 0.4)
    assert {de.unit, en.unit, ja.unit} == {"percentage_points"}


def test_points_are_shown_as_points_never_as_percent():
    shown = {loc: format_value("percentage", 1.0, unit="percentage_points", locale=loc)
             for loc in ("en", "de", "zh-Hans", "zh-Hant", "ja")}
    assert shown == {"en": "1 percentage point", "de": "1 Prozentpunkt", "zh-Hans": "1个百分点",
                     "zh-Hant": "1個百分點", "ja": "1ポイント"}
    assert format_value("percentage", 2.5, unit="percentage_points", locale="de") == "2,5 Prozentpunkte"
    assert not any("%" in s for s in shown.values())
