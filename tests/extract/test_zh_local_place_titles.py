"""Chinese titles of the head of a town or city no list holds, written after a listed place
(日本|金崎町|副町长): the whole place chain belongs to the title (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def titles(text: str, lang: str = "zh-Hans") -> dict[str, str | None]:
    out = {}
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out[f.value["name"]] = f.value.get("title")
    return out


def test_an_unlisted_town_between_a_listed_place_and_its_heads_title():
    assert titles("日本白崎町副町长山本正雄率团访问。")["山本正雄"] == "日本白崎町副町长"
    assert titles("日本富山縣青部市市長山本正雄致詞。", "zh-Hant")["山本正雄"] == "日本富山縣青部市市長"


def test_a_title_that_does_not_repeat_the_places_suffix_keeps_its_own_start():
    # 部长 heads no 町: the characters before it are not read as a town
    assert titles("日本白崎町部长山本正雄率团访问。")["山本正雄"] == "部长"
