"""Figure subjects on constructed sentences: blocs, reporting countries, partners named once."""

from briefbook.extract import extract_text
from briefbook.knowledge.figures import read_figures


def _read(text, lang="zh-Hans", published="2022-07-31"):
    return read_figures(text, lang, published, extract_text(text, lang, published))


def _subject(figs, part):
    fig = next(f for f in figs if part in f.text)
    return fig.subject.display() if fig.subject else None


def test_a_bloc_is_a_side_of_a_trade_like_a_country():
    figs = _read("1―3月、ASEANは韓国最大の貿易相手で、ASEANとの貿易額は500億ドルだった。", "ja")
    assert _subject(figs, "500億ドル") in ("韓国–ASEAN", "ASEAN–韓国")


def test_a_flow_to_and_from_a_partner_in_japanese():
    text = "2022年、韓国の貿易総額は800億ドル。うち、タイへの輸出額は300億ドル、タイからの輸入額は200億ドルだった。"
    figs = _read(text, "ja")
    assert _subject(figs, "300億ドル") == "韓国 → タイ"
    assert _subject(figs, "200億ドル") == "韓国 ← タイ"


def test_the_reporting_country_is_the_importer_a_sentence_leaves_unnamed():
    text = ("Im ersten Halbjahr 2022 stiegen die Einfuhren aus Polen um 5 Prozent auf 40 Milliarden Euro, "
            "wie das Statistische Bundesamt mitteilte.")
    assert _subject(_read(text, "de"), "40 Milliarden") == "Deutschland ← Polen"
    # without the office the importer stays unknown
    plain = "Im ersten Halbjahr 2022 stiegen die Einfuhren aus Polen um 5 Prozent auf 40 Milliarden Euro."
    assert _subject(_read(plain, "de"), "40 Milliarden") != "Deutschland ← Polen"


def test_a_flow_under_a_pair_goes_out_of_the_reporting_country():
    text = "日本財務省によると、2022年の日中輸出入総額は900億ドルに達した。うち輸出は400億ドル、輸入は500億ドルだった。"
    figs = _read(text, "ja")
    assert _subject(figs, "400億ドル") == "日本 → 中国"
    assert _subject(figs, "500億ドル") == "日本 ← 中国"
    # a Chinese release of the same pair: the flows are China's
    text = "据中国海关统计，2022年中日进出口总额为900亿美元。其中，出口400亿美元，进口500亿美元。"
    figs = _read(text)
    assert _subject(figs, "400亿美元") == "中国 → 日本"
    assert _subject(figs, "500亿美元") == "中国 ← 日本"


def test_our_country_is_the_country_the_article_is_written_in():
    figs = _read("2022年，我国自越南进口额为800亿美元。", "zh-Hans")
    assert _subject(figs, "800亿美元") == "中国 ← 越南"
    taipei = _read("（記者台北報導）2022年我國對越南出口達100億美元。", "zh-Hant")
    assert _subject(taipei, "100億美元") == "台灣 → 越南"


def test_a_balance_with_a_partner_named_once_is_of_the_pair():
    text = "2022年，越南经济增长较快。韩国的出口额为3000亿美元，对越贸易顺差为100亿美元。"
    assert _subject(_read(text), "100亿美元") in ("韩国–越南", "越南–韩国")


def test_a_clause_without_a_comma_starts_at_its_sentence():
    # the export word of the sentence before is not this figure's measure
    text = "Die Exporte Japans waren hoch. Das Museum kostete 2022 genau 12 Millionen Euro."
    fig = next(f for f in _read(text, "de") if "12 Millionen" in f.text)
    assert fig.measure != "exports", fig.cues


def test_a_percentage_of_its_whole_is_a_share():
    text = "In 2022 Korea sold 17.5 percent of its exports to Vietnam."
    fig = next(f for f in _read(text, "en") if "17.5" in f.text)
    assert fig.measure == "share"


def test_a_quoted_noun_after_a_place_is_a_subject_only_when_the_glossary_knows_it():
    figs = _read("日本“国际客厅”接待了200余次访问。日本“超级市场”接待了100余次访问。")
    assert _subject(figs, "200余次") == "日本“国际客厅”"
    assert _subject(figs, "100余次") is None  # neither 日本 nor the quoted phrase


def test_a_balance_after_the_flows_is_of_the_pair():
    text = ("In 2022 Japan's exports to Vietnam rose 5 percent to $30 billion, while imports from Vietnam "
            "were $20 billion, resulting in a surplus of $10 billion.")
    assert _subject(_read(text, "en"), "$10 billion") in ("Japan–Vietnam", "Vietnam–Japan")


def test_a_new_paragraph_does_not_take_the_time_of_the_one_before():
    text = "In 2019 trade between China and Japan reached $10 billion.\nThe new hotel in Osaka has 300 rooms."
    fig = next(f for f in _read(text, "en") if "300" in f.text)
    assert fig.period is None, fig.cues


def test_a_sentence_that_starts_with_a_pronoun_goes_on_with_the_sentence_before():
    text = ("Die Exporte nach Polen stiegen im ersten Halbjahr 2022 kräftig. Sie legten um 5 Prozent auf "
            "40 Milliarden Euro zu, wie das Statistische Bundesamt mitteilte.")
    fig = next(f for f in _read(text, "de", None) if "40 Milliarden" in f.text)
    assert fig.measure == "exports" and fig.subject.display() == "Deutschland → Polen", fig.cues
    assert (fig.period.start, fig.period.end) == ("2022-01-01", "2022-06-30")


def test_a_share_of_the_trade_with_a_partner_is_of_the_pair():
    figs = _read("2022年、韓国の対日輸出入額は、韓国の輸出入総額の8.5%を占めた。", "ja")
    assert _subject(figs, "8.5%") in ("韓国–日本", "日本–韓国")


def test_a_year_after_percent_from_is_compared_with_not_the_period():
    text = "In 2021, Korea-Vietnam trade shrank 4.5 percent from 2020."
    fig = next(f for f in _read(text, "en") if "4.5" in f.text)
    assert (fig.period.start, fig.period.end) == ("2021-01-01", "2021-12-31")


def test_a_rate_year_on_year_to_a_sum_qualifies_that_sum():
    text = "In 2021, trade between the two countries rose 10.1 percent year on year to $76.4 billion."
    figs = _read(text, "en")
    rate = next(f for f in figs if "10.1" in f.text)
    assert rate.qualifies is not None and "76.4" in figs[rate.qualifies].text


def test_a_paragraph_without_a_time_goes_on_with_the_report_before_it():
    text = ("2022年上半年，韩国与越南贸易额为500亿美元。\n"
            "由于其他国家贸易额下降，韩越贸易排名上升。韩越贸易总额同比增长12%，有30家企业参加。")
    figs = _read(text)
    rate = next(f for f in figs if "12%" in f.text)
    assert (rate.period.start, rate.period.end) == ("2022-01-01", "2022-06-30"), rate.cues
    assert next(f for f in figs if "30家" in f.text).period is None  # a count is no figure of the report
    dated = _read("2022年上半年，韩国与越南贸易额为500亿美元。\n2021年，韩越贸易排名上升。韩越贸易总额同比增长12%。")
    rate = next(f for f in dated if "12%" in f.text)
    assert rate.period.start == "2021-01-01"


def test_the_reporting_country_is_named_in_the_articles_language_and_the_office_is_no_side():
    text = "According to the General Administration of Customs, exports to Japan rose 5 percent to $150 billion in 2022."
    assert _subject(_read(text, "en"), "$150 billion") == "China → Japan"
    figs = _read("財務省が発表した貿易統計によると、2022年の対中輸出は18兆円だった。", "ja")
    assert _subject(figs, "18兆円") == "日本 → 中国"


def test_our_city_is_the_city_the_article_is_about():
    text = "烟台市商务局消息：烟台市与大阪交流活动举行。我市组织30家企业参加。"
    assert _subject(_read(text), "30家") == "烟台"
    # two cities named as often: 我市 says nothing that can be told
    two = "烟台市商务局和威海市商务局发布消息。我市组织30家企业参加。"
    assert _subject(_read(two), "30家") is None


def test_a_share_of_the_trade_with_a_partner_named_after_it_is_of_the_pair():
    text = "Im Jahr 2022 wickelte Polen 17,5 Prozent seines Außenhandels mit Deutschland ab."
    assert _subject(_read(text, "de"), "17,5") in ("Polen–Deutschland", "Deutschland–Polen")


def test_a_count_whose_clause_lists_only_what_it_counts_is_about_the_place_named_before():
    text = "副市长李明出席大连分会场活动，市商务局、科技局、财政局等9个部门负责人参加了会议。"
    assert _subject(_read(text), "9个") == "大连"


def test_a_sentence_naming_no_place_leaves_the_subject_unknown():
    assert _subject(_read("本次展会共设展位300个，观众超过2万人次。"), "300个") is None
