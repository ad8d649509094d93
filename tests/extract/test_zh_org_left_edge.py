"""Where a Chinese organisation's name begins when the walk back from its suffix runs
over the clause before it: verbs, adverbs and function words that never sit inside a
name end the walk (extract/cjk/orgs.py, ``cjk/org_cut_verbs.txt``; made-up sentences)."""

from __future__ import annotations

import pytest

from briefbook.extract import extract_text


def orgs(text, lang="zh-Hans"):
    return {f.text for f in extract_text(text, lang, None) if f.kind == "organization"}


@pytest.mark.parametrize("text, org", [
    ("他用了很多时间来比较浙江省地质调查局的数据。", "浙江省地质调查局"),
    ("筹备组利用南京市政府的拨款修建了球场。", "南京市政府"),
    ("由于实际持有单位江苏银行对此另有看法，工程推迟。", "江苏银行"),
    ("去年两家公司已经加入青岛港口集团。", "青岛港口集团"),
])
def test_a_clause_before_the_name_is_no_part_of_it(text, org):
    found = orgs(text)
    assert org in found
    assert not any(o != org and o.endswith(org) for o in found)


@pytest.mark.parametrize("text, org", [
    ("国家能源管理局发布了新规定。", "国家能源管理局"),
    ("省卫生健康委员会发布了通知。", "省卫生健康委员会"),
])
def test_words_that_stand_in_names_keep_the_name_whole(text, org):
    assert org in orgs(text)


@pytest.mark.parametrize("text, org", [
    ("王先生曾任跨国机构青岛远洋工程有限公司之董事。", "青岛远洋工程有限公司"),
    ("他于二〇〇一年任济南钢铁集团总经理。", "济南钢铁集团"),
])
def test_the_verb_ren_before_a_name_is_no_part_of_it(text, org):
    found = orgs(text)
    assert org in found
    assert not any(o.startswith("任") for o in found)


def test_a_known_name_that_starts_like_the_verb_ren_stays_whole():
    assert orgs("任天堂公司发布了新游戏机。") == {"任天堂公司"}


@pytest.mark.parametrize("text, bad", [
    ("但这个联盟很快就瓦解了。", "个联盟"),
    ("市里有两家集团参与竞标。", "两家集团"),
    ("他说已经有一些大学参与了评选。", "大学"),
    ("这是全省最后一部手摇电话。", "一部"),
])
def test_a_count_or_measure_word_opens_no_name(text, bad):
    assert bad not in orgs(text)


def test_a_count_before_a_name_is_left_out():
    assert "青岛港口集团" in orgs("去年两家青岛港口集团的子公司合并。")


@pytest.mark.parametrize("text, org", [
    ("战役中日本海军损失了两艘舰船。", "日本海军"),
    ("次日，清军攻下了县城。", "清军"),
    ("决赛里巴西队以二比一获胜。", "巴西队"),
])
def test_a_place_or_a_state_before_a_force_or_team_head_is_an_organisation(text, org):
    assert org in orgs(text)


@pytest.mark.parametrize("text, bad", [
    ("他是一位研究美军事史的学者。", "美军"),
    ("他说明军队的纪律很重要。", "明军"),
])
def test_a_force_or_team_head_inside_another_word_is_no_name(text, bad):
    assert not any(o.startswith(bad) for o in orgs(text))


@pytest.mark.parametrize("text, org", [
    ("该馆是中华人民共和国国家文物局直属的博物馆。", "中华人民共和国国家文物局"),
    ("中华人民共和国外交部发言人当天表示欢迎。", "中华人民共和国外交部"),
    ("他出任江苏省高等审判厅厅长。", "江苏省高等审判厅"),
    ("案件由首都高等法院审理。", "首都高等法院"),
])
def test_a_word_ending_in_a_stop_character_does_not_stop_the_walk(text, org):
    assert org in orgs(text)


def test_the_tail_of_a_word_before_the_name_is_no_part_of_it():
    # 同时 ("at the same time") and 此行 ("this trip") end before the body's name
    found = orgs("同時感謝仁愛國小合唱團的演出。", "zh-Hant")
    assert "仁愛國小" in found and not any(o.startswith("時") for o in found)
    assert not any(o.startswith("行") for o in orgs("此行協同台南市觀光協會前往。", "zh-Hant"))
