"""Review rows a desk officer decides once: name forms, short forms of one article,
bylines, a figure read twice, an event under a descriptor, counts inside a statement."""

from briefbook.knowledge.glossary import default_glossary
from briefbook.knowledge.grouping import (
    conflict_groups,
    entity_groups,
    figure_groups,
    figures_in_statements,
    name_key,
    statement_groups,
)


def org(name, *articles, kind="organization", **kw):
    return {"kind": kind, "names": [name], "articles": list(articles), **kw}


def test_name_forms():
    assert name_key("烟台市人民政府") == name_key("烟台市政府")
    assert name_key("中国(山东)自贸试验区") == name_key("山东自贸区") == name_key("山东自由贸易试验区")
    assert name_key("山东省青岛市政府") == name_key("青岛市政府")
    assert name_key("山东省人民政府") != name_key("青岛市政府")


def test_short_forms_join_the_one_long_form_of_their_article():
    ents = [org("烟台市委", 4), org("市委", 4), org("市政府", 1), org("市政府", 4), org("烟台市政府", 4),
            org("莱州市政府", 4), org("青岛片区", 3, kind="place"), org("山东自贸区青岛片区", 3, kind="place"),
            org("青岛", 3, kind="place")]
    groups = entity_groups(ents)
    assert [0, 1] in groups               # 市委 is the article's 烟台市委
    assert [2] in groups and [3] in groups  # 市政府 of two articles stay two; in article 4 it is ambiguous
    assert [6, 7] in groups               # 青岛片区 starts with a place of its article


def test_glossary_joins_languages_but_not_an_ambiguous_short_form():
    ents = [org("Untergremium des chinesischen Rats zur internationalen Wirtschaftsförderung Shandong", 5),
            org("International Trade Shandong Sub-Council", 5), org("山东省贸促会", 2),
            org("山东省发改委", 2), org("发改委", 2), org("国家发改委", 1)]
    groups = entity_groups(ents, default_glossary())
    assert [0, 1, 2] in groups
    assert [4] in groups  # next to 山东省发改委 it is not the national commission


def test_people_with_one_name_stay_apart_and_a_byline_is_one_row():
    ents = [org("王伟", 1, kind="person"), org("王伟", 2, kind="person"),
            org("杨光", 3, kind="person", byline=True), org("沈默", 3, kind="person", byline=True),
            org("高少帅", 4, kind="person", byline=True), org("青岛", 1, kind="place"),
            org("青岛", 2, kind="place", apart=True)]
    groups = entity_groups(ents)
    assert [0] in groups and [1] in groups and [2, 3] in groups and [4] in groups
    assert [5] in groups and [6] in groups  # the user split it off: not grouped back


def fig(value, period=None, articles=(1,), measure="number_of_companies", subject="烟台 ← 日本", **kw):
    return {"measure": measure, "subject": subject, "value": value, "unit": "companies", "currency": None,
            "period": {"start": period[0], "end": period[1]} if period else None,
            "sources": [{"article_id": a, "start": 0, "end": 1} for a in articles], **kw}


def test_a_figure_read_with_and_without_its_period_in_one_article():
    figs = [fig(46, ("2024-05-20", "2024-05-22")), fig(46), fig(46, articles=(2,)), fig(47)]
    assert figure_groups(figs) == [[0, 1], [2], [3]]


def test_conflicts_need_measure_subject_and_period():
    figs = [fig(7643, ("2019-01-01", "2019-12-31")), fig(7210, ("2019-01-01", "2019-12-31"), articles=(2,)),
            fig(7000), fig(6000), fig(7643, ("2020-01-01", "2020-12-31"))]
    assert conflict_groups(figs) == [[0, 1]]


def test_events_and_agreements_said_twice():
    sts = [{"kind": "event", "args": {"name": "招商活动——日本企业“烟台行”活动"}, "articles": [4]},
           {"kind": "event", "args": {"name": "日本企业“烟台行”活动"}, "articles": [4]},
           {"kind": "event", "args": {"name": "日本企业“烟台行”活动开幕式"}, "articles": [4]},
           {"kind": "agreement", "args": {"subject": "中日绿色氢能供应链项目签约"}, "articles": [4]},
           {"kind": "agreement", "args": {"subject": "中日绿色氢能供应链项目"}, "articles": [4]},
           {"kind": "event", "args": {"name": "中日绿色氢能供应链项目签约仪式"}, "articles": [4]},
           {"kind": "event", "args": {"name": "日本企业“烟台行”活动"}, "articles": [2]}]
    assert statement_groups(sts) == [[0, 1], [2], [3, 4, 5], [6]]


def test_a_count_inside_an_agreement_is_decided_with_it():
    sts = [{"sources": [{"article_id": 4, "start": 10, "end": 30}]}]
    figs = [{"sources": [{"article_id": 4, "start": 22, "end": 24}]}, {"sources": [{"article_id": 4, "start": 40, "end": 42}]},
            {"sources": [{"article_id": 5, "start": 22, "end": 24}]}]
    assert figures_in_statements(figs, sts) == {0: 0}


def test_a_short_form_after_a_coordinated_name_shares_its_place():
    from briefbook.knowledge.grouping import coordinated_name

    places = ["烟台", "山东省", "青岛市"]
    assert coordinated_name("市政府", "这是在今年烟台市委、", places) == "烟台市政府"
    assert coordinated_name("省政府", "等国之重任,山东省委、", places) == "山东省政府"
    assert coordinated_name("市政府", "今年由", places) is None
    assert coordinated_name("省政府", "烟台市委、", places) is None  # a city does not make a province's government
    assert coordinated_name("市政府", "在今年某某市委、", places) is None  # not a place the library knows
    ents = [org("市政府", 4, resolved=["烟台市政府"]), org("烟台市人民政府", 4), org("市政府", 1)]
    assert entity_groups(ents) == [[0, 1], [2]]


def test_points_and_percent_and_other_periods_do_not_conflict():
    year, months = ("2020-01-01", "2020-12-31"), ("2020-01-01", "2020-05-31")
    figs = [fig(12.5, year, measure="growth_rate", unit="percent"),
            fig(1.5, year, measure="growth_rate", unit="percentage_points", articles=(2,)),
            fig(40, months), fig(46, year, articles=(2,)),  # Jan-May is not the year
            fig(None, None), fig(12.0, year, measure="growth_rate", unit="percent", articles=(3,))]
    assert conflict_groups(figs) == [[0, 5]]
