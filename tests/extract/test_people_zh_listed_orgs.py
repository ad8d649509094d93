"""A list of one body's people (协会会长甲、副会长乙): the later titles without a body of
their own are the same body's; after a title with a place none is (made-up sentences)."""

from __future__ import annotations

from extract_helpers import people_titles


def people(text: str, lang: str = "zh-Hans") -> dict[str, tuple[str | None, str | None]]:
    return people_titles(text, lang)


def test_later_titles_in_a_list_take_the_body_of_the_first():
    got = people("出席的有中国贸促会会长王建国、副会长李明华、秘书长张伟、赵明等。")
    assert got["王建国"] == ("会长", "中国贸促会")
    assert got["李明华"] == ("副会长", "中国贸促会")
    assert got["张伟"] == ("秘书长", "中国贸促会")
    assert got["赵明"] == ("秘书长", "中国贸促会")


def test_after_a_title_with_a_place_the_next_title_has_no_body():
    got = people("日本大分市副市长田中一郎、议长山本正雄出席。")
    assert got["山本正雄"] == ("议长", None)


def test_there_were_before_a_place_opens_no_body():
    got = people("並有日本新潟縣議會議長田中一郎出席。", "zh-Hant")
    assert got["田中一郎"] == ("議長", "新潟縣議會")
