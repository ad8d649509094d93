"""Figure semantics on constructed sentences: measure, subject, period, approximation, ties."""

from briefbook.extract import extract_text
from briefbook.knowledge.display import format_value
from briefbook.knowledge.figures import read_figures
from briefbook.knowledge.measures import UNKNOWN, Measure, Vocabulary, default_vocabulary, parse_tsv


def _read(text, lang="zh-Hans", published="2020-07-31", vocab=None):
    facts = extract_text(text, lang, published)
    return read_figures(text, lang, published, facts, vocab)


def _by_text(figs, part):
    return next(f for f in figs if part in f.text)


def test_half_year_resolves_against_the_article_date():
    figs = _read("今年上半年，青岛与日本进出口贸易总额达到36.8亿美元。")
    fig = _by_text(figs, "36.8亿美元")
    assert fig.measure == "trade_volume"
    assert (fig.period.start, fig.period.end) == ("2020-01-01", "2020-06-30")
    assert fig.subject.display() == "青岛–日本"
    assert fig.value == 3680000000


def test_as_of_and_month_range_and_investment_direction():
    figs = _read("截至2020年5月底，日本累计在青岛投资项目2155个，实际到账外资59.67亿美元。"
                 "今年1-5月，日本在青岛投资项目15个，同比增长25%。")
    stock = _by_text(figs, "59.67亿美元")
    assert stock.measure == "fdi_actual"
    assert stock.period.kind == "as_of" and stock.period.start is None and stock.period.end == "2020-05-31"
    assert stock.subject.display() == "青岛 ← 日本"
    growth = _by_text(figs, "25%")
    assert growth.measure == "growth_rate"
    assert figs[growth.qualifies].text.endswith("15个")
    assert (growth.period.start, growth.period.end) == ("2020-01-01", "2020-05-31")


def test_more_than_one_third_is_a_fraction_not_a_rounded_percentage():
    figs = _read("2019年，青岛与日本进出口贸易总额为76.43亿美元，占山东省对日贸易的比重超过三分之一。")
    share = _by_text(figs, "三分之一")
    assert share.measure == "share"
    assert share.approx == "more_than" and share.fraction == "1/3"
    assert abs(share.value - 100 / 3) < 1e-9
    assert figs[share.qualifies].text == "76.43亿美元"
    assert (share.period.start, share.period.end) == ("2019-01-01", "2019-12-31")
    shown = {loc: format_value("percentage", share.value, fraction=share.fraction, approx=share.approx, locale=loc)
             for loc in ("en", "de", "zh-Hans", "ja")}
    assert shown == {"en": "more than one third", "de": "mehr als ein Drittel", "zh-Hans": "超过三分之一",
                     "ja": "3分の1超"}
    assert not any("33" in s for s in shown.values())


def test_unclassified_measure_and_missing_period_are_said_so():
    figs = _read("据介绍，这里有一个奇怪的数字3470亿元。", published=None)
    fig = _by_text(figs, "3470亿元")
    assert fig.measure == UNKNOWN
    assert default_vocabulary().label(fig.measure, "en") == "Measure unknown"
    assert default_vocabulary().label(fig.measure, "zh-Hans") == "指标未知"
    assert fig.period is None


def test_a_users_measure_is_used_like_a_shipped_one():
    mine = Measure(key="user:port_throughput", kinds=("amount", "count"), labels={"en": "Port throughput"},
                   triggers={"zh": ("吞吐量",)}, origin="user")
    vocab = Vocabulary([mine])
    figs = _read("2019年，青岛港的吞吐量收益达到30亿元。", vocab=vocab)
    assert any(f.measure == "user:port_throughput" for f in figs)
    assert vocab.label("user:port_throughput", "de") == "Port throughput"


def test_every_shipped_measure_has_all_five_labels():
    for m in default_vocabulary().measures:
        assert set(m.labels) == {"en", "de", "zh-Hans", "zh-Hant", "ja"}, m.key
    assert parse_tsv("# only a comment\n") == []


def test_german_half_year_and_growth():
    text = "Im ersten Halbjahr 2006 stiegen die Exporte von Bayern um 12 Prozent auf 5 Milliarden Euro."
    figs = _read(text, lang="de", published="2006-09-06")
    amount = _by_text(figs, "Milliarden")
    assert amount.measure == "exports"
    assert (amount.period.start, amount.period.end) == ("2006-01-01", "2006-06-30")
    growth = _by_text(figs, "Prozent")
    assert growth.measure == "growth_rate"
    assert growth.qualifies is not None and figs[growth.qualifies] is amount


def _span(fig):
    return (fig.period.start, fig.period.end) if fig.period else None


def test_a_breakdown_sentence_takes_the_subject_and_period_of_the_sentence_before():
    figs = _read("2020年，烟台与日本进出口总额为50亿美元。其中，出口30亿美元，进口20亿美元。")
    for part in ("30亿美元", "20亿美元"):
        fig = _by_text(figs, part)
        assert fig.subject is not None and "烟台" in fig.subject.display(), fig.cues
        assert _span(fig) == ("2020-01-01", "2020-12-31")
    # without the marker the next sentence does not borrow anything
    alone = _by_text(_read("2020年，烟台与日本进出口总额为50亿美元。会议介绍了30个项目。"), "30个")
    assert alone.subject is None or "日本" not in alone.subject.display()


def test_trade_flows_have_a_direction():
    out = _by_text(_read("2020年，烟台对日本出口30亿美元。"), "30亿美元")
    assert out.measure == "exports" and out.subject.display() == "烟台 → 日本"
    back = _by_text(_read("2020年，烟台从日本进口20亿美元。"), "20亿美元")
    assert back.measure == "imports" and back.subject.display() == "烟台 ← 日本"


def test_months_from_january_and_a_compared_year_is_not_the_period():
    first7 = _by_text(_read("今年前7个月，青岛与日本进出口总额为50亿美元。", published="2021-08-20"), "50亿美元")
    assert _span(first7) == ("2021-01-01", "2021-07-31")
    ja = _by_text(_read("1月から4月にかけて、日本と中国の貿易総額は100億ドルだった。", "ja", "2023-05-20"), "100億ドル")
    assert _span(ja) == ("2023-01-01", "2023-04-30")
    de = _by_text(_read("In den ersten sieben Monaten 2023 erreichte der Handel zwischen China und Deutschland "
                        "120 Mrd. Euro.", "de", "2023-09-01"), "120")
    assert _span(de) == ("2023-01-01", "2023-07-31")
    compared = _by_text(_read("2021年，青岛与日本进出口总额为80亿美元，比2019年增长10%。"), "80亿美元")
    assert _span(compared) == ("2021-01-01", "2021-12-31")
