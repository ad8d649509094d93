"""Where a Chinese person's name ends and begins when the rules and the tagger meet
(extract/zh/tagged.py, extract/zh/people.py, resources/dict/zh/person_trailing_titles.txt;
made-up sentences)."""

from __future__ import annotations

import pytest

from briefbook.extract import extract_text


def facts(text, kind):
    return [f for f in extract_text(text, "zh-Hans", None) if f.kind == kind]


def names(text):
    return {f.value["name"] for f in facts(text, "person")}


def test_a_linking_character_before_a_foreign_name_is_not_part_of_it():
    assert names("应玛丽娜公主的邀请，代表团访问了伦敦。") == {"玛丽娜"}


def test_a_title_of_rank_after_a_foreign_name_makes_it_a_person_not_a_place():
    text = "乔治王子昨天抵达。"
    assert names(text) == {"乔治"}
    assert "乔治" not in {f.text for f in facts(text, "place")}


@pytest.mark.parametrize("text, place", [("英国女王出席了仪式。", "英国"), ("丹麦王子昨天抵达。", "丹麦")])
def test_a_country_before_a_title_of_rank_stays_a_place(text, place):
    assert {f.text for f in facts(text, "place")} == {place}
    assert not names(text)


@pytest.mark.parametrize("text, name", [
    ("该剧由彼得·汤玛斯基于真实故事改编。", "彼得·汤玛斯"),
    ("安德里亚·皮萨诺的作品很有名。", "安德里亚·皮萨诺"),
])
def test_a_dotted_foreign_name_ends_before_the_next_word(text, name):
    assert names(text) == {name}


def test_a_longer_tagger_name_keeps_the_title_of_the_rule_name_it_replaces():
    person = facts("美国总统艾森豪威尔访问了日本。", "person")
    assert [(p.value["name"], p.value["title"], p.text) for p in person] == \
        [("艾森豪威尔", "美国总统", "美国总统艾森豪威尔")]


def test_a_rank_after_a_bureau_suffix_is_no_organisation():
    assert not facts("经上级批准，他享受正厅级待遇。", "organization")


def test_a_tagger_name_run_into_an_ordinary_word_is_cut_before_it():
    from briefbook.extract.base import Doc
    from briefbook.extract.cjk.scan import CjkScan
    from briefbook.extract.tagger import TaggedSpan
    from briefbook.extract.zh.tagged import _trim_person

    text = "刘明顺利完成了任务。"
    scan = CjkScan(Doc(text, text, "zh-Hans", None))
    assert _trim_person(scan, TaggedSpan(0, 4, "person", 0.9)) == TaggedSpan(0, 2, "person", 0.9)


def test_the_military_title_is_read_whole():
    person = facts("占领军司令官山本利吉宣布投降。", "person")
    assert [(p.value["name"], p.value["title"]) for p in person] == [("山本利吉", "司令官")]


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_a_full_name_written_again_is_the_same_person_again(lang):
    text = "3月15日，王立新接受了调查，公司表示王立新已失去联络。"
    people = [f for f in extract_text(text, lang, None) if f.kind == "person"]
    assert [(p.start, p.end) for p in people] == [(6, 9), (19, 22)]


def test_a_name_repeated_inside_an_organisation_is_not_read_again():
    text = "彼得·汤玛斯说，他和彼得·汤玛斯基金会无关。"
    assert [f.text for f in facts(text, "person")] == ["彼得·汤玛斯"]
    assert [f.text for f in facts(text, "organization")] == ["彼得·汤玛斯基金会"]


def test_a_tagger_name_ends_before_a_title_it_starts():
    from briefbook.extract.base import Doc
    from briefbook.extract.cjk.scan import CjkScan
    from briefbook.extract.tagger import TaggedSpan
    from briefbook.extract.zh.tagged import _trim_person

    text = "他被封为夏洛莱伯爵。"
    scan = CjkScan(Doc(text, text, "zh-Hans", None))
    assert _trim_person(scan, TaggedSpan(4, 8, "person", 0.9)) == TaggedSpan(4, 7, "person", 0.9)


def test_a_transliterated_river_is_no_person():
    text = "大军渡过塞纳河后继续前进。"
    assert not facts(text, "person")
    assert [f.text for f in facts(text, "place")] == ["塞纳河"]


def test_a_court_clerk_is_a_title_not_a_name():
    assert not facts("他出任地方法院书记官长。", "person")


@pytest.mark.parametrize("text, name", [
    ("Katherine自杀，因此成了吸血鬼。", "Katherine"),
    ("发布会由Tim Cook主持，新产品随后亮相。", "Tim Cook"),
])
def test_a_given_name_in_latin_letters_is_a_person_and_ends_before_chinese(text, name):
    assert [(p.value["name"], p.text) for p in facts(text, "person")] == [(name, name)]


def test_a_latin_place_in_chinese_text_is_no_person():
    assert not facts("他在Paris读书。", "person")
