"""Where a Chinese organisation's name ends and begins: a place with 国际 before an
organisation head is the organisation's name, and a verb of action the tagger glued to
a name is no part of it (extract/cjk/scan.py, extract/zh/tagged.py; made-up sentences)."""

from __future__ import annotations

import pytest

from briefbook.extract import extract_text


def kinds(text, lang="zh-Hans"):
    out: dict[str, set[str]] = {}
    for f in extract_text(text, lang, None):
        out.setdefault(f.kind, set()).add(f.text)
    return out


@pytest.mark.parametrize("text, lang, org, place", [
    ("巴伐利亚国际公司与上海市政府签署了合作协议。", "zh-Hans", "巴伐利亚国际公司", "巴伐利亚"),
    ("巴伐利亚國際公司與上海市政府簽署了合作協議。", "zh-Hant", "巴伐利亚國際公司", "巴伐利亚"),
    ("昨天上海国际集团发布了年报。", "zh-Hans", "上海国际集团", "上海"),
])
def test_a_place_and_international_before_a_head_name_an_organisation(text, lang, org, place):
    found = kinds(text, lang)
    assert org in found.get("organization", set())
    assert place not in found.get("place", set())


def test_international_with_only_generic_words_is_still_no_name():
    found = kinds("一家国际公司与大型国际集团开展合作。")
    assert not found.get("organization")


@pytest.mark.parametrize("text, org", [
    ("长城酒店签署合作备忘录。", "长城酒店"),
    ("中国银行签署贷款协议。", "中国银行"),
])
def test_a_verb_of_action_after_a_name_is_not_part_of_it(text, org):
    orgs = kinds(text).get("organization", set())
    assert org in orgs
    assert not any(o.endswith(("签署", "签约")) for o in orgs)


def test_the_tagger_span_is_cut_before_a_trailing_verb():
    from briefbook.extract.tagger import TaggedSpan
    from briefbook.extract.zh.tagged import _trim_verbs

    norm = "长城酒店签署合作备忘录"
    assert _trim_verbs(norm, TaggedSpan(0, 6, "organization", 0.9)) == TaggedSpan(0, 4, "organization", 0.9)
    assert _trim_verbs(norm, TaggedSpan(0, 4, "organization", 0.9)) == TaggedSpan(0, 4, "organization", 0.9)
    # at least two characters of the name stay
    assert _trim_verbs("王签署", TaggedSpan(0, 3, "person", 0.9)).end == 3


@pytest.mark.parametrize("text, org", [
    ("昨天上海国际集团发布了年报。", "上海国际集团"),
    ("今日青岛啤酒集团发布了年报。", "青岛啤酒集团"),
])
def test_a_time_word_before_an_organisation_is_not_part_of_its_name(text, org):
    assert kinds(text).get("organization") == {org}
