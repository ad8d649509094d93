"""Amount and percentage forms: Chinese and Japanese tenths (两成, 3割), points written in
Chinese numerals, a currency before the number, 千 inside a compound number; spelled-out German
and English amounts and percentages (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def found(text, lang, kind):
    return {f.text: f.value for f in extract_text(text, lang, "2025-06-10") if f.kind == kind}


def test_tenths_are_percentages():
    assert found("出口增长两成，九成以上的企业盈利。", "zh-Hans", "percentage") == {
        "两成": {"value": 20}, "九成": {"value": 90}}
    assert found("輸出は3割増えた。", "ja", "percentage") == {"3割": {"value": 30}}
    assert found("營收增加兩成。", "zh-Hant", "percentage") == {"兩成": {"value": 20}}
    assert found("3割増えた。", "ja", "percentage") == {"3割": {"value": 30}}  # at the very start too


def test_cheng_that_starts_a_word_is_no_tenth():
    got = found("每一成员国都同意，他一成不变，完成三成任务，有八成是企业。", "zh-Hans", "percentage")
    assert got == {}


def test_points_in_chinese_numerals():
    assert found("失业率下降三个百分点。", "zh-Hans", "percentage") == {
        "三个百分点": {"value": 3, "unit": "percentage_points"}}


def test_a_currency_before_the_number_says_which_yuan():
    got = found("貿易總額達新台幣1兆2000億元，項目總投資約合人民幣3億元。", "zh-Hant", "amount")
    assert got["新台幣1兆2000億元"] == {"value": 1_200_000_000_000, "currency": "TWD"}
    assert got["約合人民幣3億元"] == {"value": 300_000_000, "currency": "CNY", "approx": "about"}
    # a plain 元 amount stays yuan
    assert found("投资5亿元。", "zh-Hans", "amount")["5亿元"]["currency"] == "CNY"


def test_thousand_inside_a_japanese_compound_number():
    assert found("予算は1億2千万円だった。", "ja", "amount") == {
        "1億2千万円": {"value": 120_000_000, "currency": "JPY"}}


def test_spelled_out_latin_amounts_and_percentages():
    de = found("Es geht um zwei Milliarden Euro, ein Anstieg um knapp fünf Prozent; sie zahlten zwei Euro.", "de",
               "amount")
    assert de == {"zwei Milliarden Euro": {"value": 2_000_000_000, "currency": "EUR"}}
    assert found("Ein Anstieg um knapp fünf Prozent.", "de", "percentage") == {
        "knapp fünf Prozent": {"value": 5, "approx": "about"}}
    en = found("It costs ten million dollars, almost $4 billion in all.", "en", "amount")
    assert en["ten million dollars"] == {"value": 10_000_000, "currency": "USD"}
    assert en["almost $4 billion"] == {"value": 4_000_000_000, "currency": "USD", "approx": "about"}


def test_one_chinese_numeral_before_yuan_is_no_sum_of_money():
    assert found("一元化を進め、三元里を訪れた。", "zh-Hans", "amount") == {}
    assert found("二元論を論じた。", "ja", "amount") == {}
    people = found("四元奈生美さんが来日した。", "ja", "person")
    assert "四元奈生美" in people and found("四元奈生美さんが来日した。", "ja", "amount") == {}
    assert found("投资五亿元，门票五十元。", "zh-Hans", "amount") == {
        "五亿元": {"value": 500_000_000, "currency": "CNY"}, "五十元": {"value": 50, "currency": "CNY"}}
