"""rules-5: bare Chinese personal names (no title) decided by a context cue, and
transliterated foreign names joined by "·".

The sentences here are written for the tests (not taken from the seeds, the held-out sets or
the public benchmarks).
"""

from __future__ import annotations

from briefbook.extract import dictionaries, extract_text


def facts(text, lang="zh-Hans"):
    fs = extract_text(text, lang, "2026-11-22")
    for f in fs:
        assert text[f.start:f.end] == f.text
    return fs


def people(text, lang="zh-Hans"):
    return {f.value.get("name") for f in facts(text, lang) if f.kind == "person"}


def orgs(text, lang="zh-Hans"):
    return {f.value.get("name") for f in facts(text, lang) if f.kind == "organization"}


def test_rare_given_characters_loaded():
    d = dictionaries.get()
    assert d.zh_given_rare and not (d.zh_given_rare & d.zh_given1 & d.zh_given2)


def test_name_before_a_verb_of_acting():
    got = people("1987年，周骏彦出任市政府顾问。")
    assert got == {"周骏彦"}
    assert people("2003年5月，叶小文出掌省文化厅。") == {"叶小文"}


def test_verb_is_not_part_of_an_organisation():
    assert "市政府" in orgs("1987年，周骏彦出任市政府顾问。")
    assert not any("出任" in o for o in orgs("1987年，周骏彦出任市政府顾问。"))


def test_list_with_a_person_already_found():
    assert people("参加会议的有张海波、闫剑波和魏骏翊。") == {"张海波", "闫剑波", "魏骏翊"}


def test_single_given_character_before_a_verb():
    assert people("1990年起，马勒成为这支乐团的指挥。") == {"马勒"}  # not 马勒成


def test_dot_joined_foreign_names():
    assert people("在卡洛琳·梅森逝世后，她的学生继续研究。") == {"卡洛琳·梅森"}
    assert people("但哈利·华纳表示反对。") == {"哈利·华纳"}  # not 但哈利
    assert people("他的哥哥洛马纳·卢阿卢阿曾在英国踢球。") == {"洛马纳·卢阿卢阿"}
    assert people("古斯塔夫·克林姆创作这幅画时四十五岁。") == {"古斯塔夫·克林姆"}


def test_ordinary_words_stay_words():
    for text in ("高水平开放表示新的阶段。", "王国维护和平。", "这一年，黄金价格上涨。", "由于天气原因，活动推迟。",
                 "同时强调要加强管理。", "和平表示欢迎。", "文明指出了方向。", "金融表示稳定。"):
        assert people(text) == set(), text


def test_traditional_script():
    assert people("1987年，周駿彥出任市政府顧問。", "zh-Hant") == {"周駿彥"}


def test_foreign_name_after_a_title_keeps_its_second_part():
    assert people("古巴领导人菲德尔·卡斯特罗访问了北京。") == {"菲德尔·卡斯特罗"}


def test_foreign_name_before_a_verb():
    assert people("维瓦尔第表示同意。") == {"维瓦尔第"}
    assert people("当年，哈德森逝世于伦敦。") == {"哈德森"}


def test_verb_that_starts_with_a_given_character():
    assert people("建政以来，单县历任县长名单如下。") == set()  # 历任 is the verb


def test_role_noun_before_a_name():
    assert "周鸿博" in people("理学家周鸿博任馆长，主持编修。")


def test_known_name_wins_over_a_place_inside_it():
    assert "孙中山" in people("1917年8月，孙中山成立新的政府。")
    assert people("中山市政府表示欢迎。") == set()


def test_known_name_with_a_middle_character_that_starts_words():
    assert "吴三桂" in people("每队设一领骑官，吴三桂在自己的靴筒上放了名册。")


def test_conjunction_and_word_boundaries_are_not_names():
    assert people("他曾想模仿前人，但全书强调新的责任感。") == set()  # 但 is the conjunction here
    assert people("该地由亚齐特别行政区负责管辖。") == set()  # 特别 is a word
