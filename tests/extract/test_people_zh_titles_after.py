"""Chinese names with the title written after them, where a verb of meeting follows or
an organisation stands glued before (made-up sentences)."""

from __future__ import annotations

from extract_helpers import people_titles


def people(text: str, lang: str = "zh-Hans") -> dict[str, tuple[str | None, str | None]]:
    return people_titles(text, lang)


def test_a_title_after_the_name_before_a_verb_of_meeting():
    assert people("期间,张大伟副市长会见了客人。")["张大伟"] == ("副市长", None)
    assert people("3月5日,刘志强副会长在京会见日本客人。")["刘志强"] == ("副会长", None)
    # "our office" before the name is no organisation of the person
    assert people("当晚,我办陈国华副主任会见了代表团。")["陈国华"] == ("副主任", None)


def test_a_title_before_a_body_of_meeting_words_still_ends_an_organisation():
    # 理事会 is a body: no person "理事" is read from it
    assert not people("理事会会议在东京举行。")


def test_titles_after_names_are_not_read_from_ordinary_words():
    assert not people("中日两国企业代表参加了会议。")
    assert not people("来自各地的高校校长出席。")
    assert not people("公司总经理会见了客人。")


def test_an_organisation_glued_before_the_name():
    got = people("典禮上,我國駐日本代表處謝明德大使致詞。", "zh-Hant")
    # "our country's" (我國) opens no name
    assert got["謝明德"] == ("大使", "駐日本代表處")
