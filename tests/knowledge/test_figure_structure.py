"""Figure semantics read from sentence structure, on constructed sentences: the words a
language puts around a figure (对日/対中/Japan's … to/zwischen), the period a report
states once, a rate before the sum it qualifies, a sum converted into another currency."""

from briefbook.extract import extract_text
from briefbook.knowledge.figures import read_figures
from briefbook.knowledge.measures import default_vocabulary


def _read(text, lang="zh-Hans", published="2020-07-31"):
    return read_figures(text, lang, published, extract_text(text, lang, published))


def _by_text(figs, part):
    return next(f for f in figs if part in f.text)


def _span(fig):
    return (fig.period.start, fig.period.end) if fig.period else None


def _subject(fig):
    return fig.subject.display() if fig.subject else None


def test_japanese_and_traditional_triggers_are_found_in_the_simplified_text():
    pairs = dict(default_vocabulary().triggers("amount", "ja"))
    assert pairs.get("输出") == "exports" and pairs.get("輸出") == "exports"
    fig = _by_text(_read("2020年、日本の対中輸出額は100億ドルだった。", "ja"), "100億ドル")
    assert fig.measure == "exports", fig.cues
    assert _subject(fig) == "日本 → 中国"
    hant = _by_text(_read("2020年，日本對中國出口額為50億美元。", "zh-Hant"), "50億美元")
    assert hant.measure == "exports"


def test_a_surplus_or_deficit_is_the_trade_balance():
    assert _by_text(_read("2020年，日本对华贸易逆差为50亿美元。"), "50亿美元").measure == "trade_balance"
    en = _by_text(_read("In 2017 China had a trade surplus of $31.57 billion with Japan.", "en"), "31.57")
    assert en.measure == "trade_balance"
    ja = _by_text(_read("9月の貿易収支は1396億円の黒字だった。", "ja", "2018-10-19"), "1396億円")
    assert ja.measure == "trade_balance"


def test_a_decimal_comma_is_no_clause_boundary():
    figs = _read("Im ersten Halbjahr 2018 ist das chinesische Außenhandelsvolumen um 7,9 Prozent auf "
                 "14,12 Billionen Yuan gestiegen.", "de", None)
    amount = _by_text(figs, "14,12")
    assert amount.measure == "trade_volume"
    assert _subject(amount) == "China"
    growth = _by_text(figs, "7,9")
    assert growth.measure == "growth_rate" and figs[growth.qualifies] is amount
    assert _span(growth) == ("2018-01-01", "2018-06-30")


def test_a_period_without_a_year_takes_the_year_the_text_stated_before():
    figs = _read("据统计，2015年1-6月，日本进出口额为6000亿美元。1-6月，日本与中国进出口额为1000亿美元。", published=None)
    assert _span(_by_text(figs, "1000亿美元")) == ("2015-01-01", "2015-06-30")
    de = _read("Im ersten Halbjahr 2010 stiegen die Einfuhren aus China um 35,6 Prozent auf 34,6 Milliarden Euro. "
               "In den ersten sechs Monaten legten die Exporte nach China auf 25,2 Milliarden Euro zu.", "de", None)
    assert _span(_by_text(de, "25,2")) == ("2010-01-01", "2010-06-30")


def test_a_fiscal_half_year_says_its_months_and_keeps_them():
    figs = _read("同日には2018年上半期(4−9月)の貿易データが発表された。日本の上半期の輸出額は40兆3657億円となった。",
                 "ja", "2018-10-19")
    assert _span(_by_text(figs, "40兆")) == ("2018-04-01", "2018-09-30")


def test_two_one_character_names_are_a_pair():
    fig = _by_text(_read("今年上半年，中日贸易总额为1000亿美元。"), "1000亿美元")
    assert fig.subject is not None and fig.subject.relation == "between"
    assert {fig.subject.a, fig.subject.b} == {"中国", "日本"}


def test_english_possessive_exporter_and_hyphenated_pair():
    figs = _read("In the first half of 2012, Japan's export to China totaled 73.54 billion U.S. dollars, while "
                 "its import from China was 91.29 billion U.S. dollars.", "en", "2012-09-22")
    assert _subject(_by_text(figs, "73.54")) == "Japan → China"
    assert _subject(_by_text(figs, "91.29")) == "Japan ← China"
    pair = _by_text(_read("In the first quarter of 2018, the China-Japan trade surplus fell to 8.31 billion dollars.",
                          "en", "2018-05-10"), "8.31")
    assert pair.measure == "trade_balance" and pair.subject.relation == "between"
    later = _read("The following are facts on China-Japan trade relations.\n"
                  "In 2017, bilateral goods trade rose 9.9 percent to $297.28 billion.", "en", "2018-05-10")
    total = _by_text(later, "297.28")
    assert total.subject is not None and {total.subject.a, total.subject.b} == {"China", "Japan"}
    assert _span(total) == ("2017-01-01", "2017-12-31")


def test_a_rate_before_its_sum_and_a_flow_paired_with_the_one_before():
    figs = _read("上半年日本的对华出口额同比减少25.3%为465亿美元，进口额同比减少17.8%为562亿美元。", published="2009-08-20")
    rate = _by_text(figs, "17.8%")
    assert figs[rate.qualifies].text.startswith("562")
    assert _subject(_by_text(figs, "562亿美元")) == "日本 ← 中国"
    ja = _read("うち輸出は14.3%増の782億ドル、輸入は21.4%増の849億ドルに達した。", "ja", "2011-08-18")
    ja_rate = _by_text(ja, "21.4%")
    assert ja_rate.qualifies is not None and ja[ja_rate.qualifies].text.startswith("849")


def test_a_sum_in_another_currency_is_the_same_figure():
    figs = _read("2018年1-3月，全国实际使用外资金额345.1亿美元，同比增长2.1%(折2275.4亿元人民币，同比增长0.5%)。",
                 published="2018-05-22")
    converted = _by_text(figs, "2275.4")
    assert converted.measure == "fdi_actual"
    assert _span(converted) == ("2018-01-01", "2018-03-31")


def test_a_duration_has_no_period_and_an_end_of_month_stock_is_as_of():
    figs = _read("2005年日本与中国的贸易总额达1893亿美元，连续7年更新历史最高纪录。", published="2006-02-22")
    assert _by_text(figs, "连续7年").period is None
    stock = _by_text(_read("As of the end of June 2012, Japan's actual cumulative investment in China reached "
                           "83.97 billion U.S. dollars.", "en", "2012-09-22"), "83.97")
    assert stock.period is not None and stock.period.kind == "as_of" and stock.period.end == "2012-06-30"


def test_a_compared_period_in_english_is_not_the_figure_s_period():
    fig = _by_text(_read("In the first half of 2012, exports of Japan were 73 billion U.S. dollars, down 6.2 percent "
                         "from the same period last year.", "en", "2012-09-22"), "6.2")
    assert _span(fig) == ("2012-01-01", "2012-06-30")


def test_investment_in_a_country_comes_from_the_investor():
    figs = _read("Japan’s direct investment to China totaled $3.27 billion in 2017, up from $3.11 billion in 2016.",
                 "en", "2018-05-10")
    now, before = _by_text(figs, "3.27"), _by_text(figs, "3.11")
    assert _subject(now) == "China ← Japan"
    assert before.measure == now.measure == "investment" and _subject(before) == "China ← Japan"
    assert _span(now) == ("2017-01-01", "2017-12-31") and _span(before) == ("2016-01-01", "2016-12-31")


def test_a_growth_rate_of_a_flow_has_the_flow_s_direction():
    figs = _read("China’s trade with Japan in March decreased 14.7 percent to $25.89 billion.\n"
                 "Imports from Japan were down 18.5 percent, while exports to Japan fell by 10 percent.",
                 "en", "2013-04-11")
    assert _subject(_by_text(figs, "25.89")) == "China–Japan"
    assert _subject(_by_text(figs, "18.5")) == "China ← Japan"
    assert _subject(_by_text(figs, "10 percent")) == "China → Japan"


def test_an_abbreviation_ends_no_sentence():
    figs = _read("Das chinesische Außenhandelsvolumen ist im ersten Halbjahr auf 523 Mrd. US-Dollar gestiegen, "
                 "der Importüberschuss auf 6,8 Mrd. US-Dollar.", "de", "2004-07-12")
    balance = _by_text(figs, "6,8")
    assert balance.measure == "trade_balance" and _subject(balance) == "China"
    en = _read("China’s global trade grew 14.2 percent in the Jan.-Feb. period this year to $609.31 billion.",
               "en", "2013-03-08")
    assert _span(_by_text(en, "609.31")) == ("2013-01-01", "2013-02-28")


def test_the_measure_may_stand_in_an_earlier_clause_of_the_sentence():
    fig = _by_text(_read("China’s global trade, however, grew 14.2 percent this year to $609.31 billion.", "en",
                         "2013-03-08"), "609.31")
    assert fig.measure == "trade_volume"


def test_a_national_release_in_simplified_chinese_is_about_china():
    fig = _by_text(_read("2018年1-3月，全国新设立外商投资企业14340家，同比增长124.7%。", published="2018-05-22"), "14340家")
    assert _subject(fig) == "中国"


def test_a_city_written_with_its_province_is_the_city():
    zh = _by_text(_read("2019年，广东省深圳市实际使用外资78.1亿美元。"), "78.1亿美元")
    ja = _by_text(_read("2019年、愛知県豊田市の輸出額は120億ドルだった。", "ja"), "120億ドル")
    assert _subject(zh) == "深圳市"
    assert _subject(ja) == "豊田市"
    province = _by_text(_read("2019年，广东省实际使用外资235.4亿美元。"), "235.4亿美元")
    assert _subject(province) == "广东省"


def test_a_month_said_relative_to_another_is_resolved():
    en = _read("In October 2021, exports rose 7.5 percent, after the previous month's 4.2 percent.", "en",
               published="2021-11-20")
    assert _span(_by_text(en, "4.2")) == ("2021-09-01", "2021-09-30")
    assert _span(_by_text(en, "7.5")) == ("2021-10-01", "2021-10-31")
    unnamed = _read("Exports rose 7.5 percent, after the previous month's 4.2 percent.", "en", published="2021-11-20")
    assert _by_text(unnamed, "4.2").period is None  # the month before no named month is not guessed
    zh = _read("上月，天津对韩国出口额为12.6亿美元。", published="2021-01-15")
    assert _span(_by_text(zh, "12.6亿美元")) == ("2020-12-01", "2020-12-31")


def test_a_month_a_figure_is_compared_with_is_not_its_period():
    ja = _read("2021年10月の輸出額は前月比5.1%増の80億ドルだった。", "ja", published="2021-11-20")
    assert _span(_by_text(ja, "80億ドル")) == ("2021-10-01", "2021-10-31")
    de = _read("Im Oktober 2021 stiegen die Exporte gegenüber dem Vormonat um 3,2 Prozent.", "de",
               published="2021-11-20")
    assert _span(_by_text(de, "3,2 Prozent")) == ("2021-10-01", "2021-10-31")
