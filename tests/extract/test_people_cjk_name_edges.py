"""Where a name ends and starts: 一行 ("and party") after a Japanese name, and a family
name that is the end of the word before it (感谢 "thank") (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def names(text: str, lang: str) -> set[str]:
    got = extract_text(text, lang, None)
    for f in got:
        assert text[f.start:f.end] == f.text
    return {f.value["name"] for f in got if f.kind == "person"}


def test_a_party_after_a_name_is_no_part_of_it():
    got = names("知事は総代表の田村和夫一行と会談した。", "ja")
    assert "田村和夫一行" not in got and "田村和夫" in got


def test_a_family_name_that_ends_the_word_before_starts_no_name():
    got = names("町长感谢林市长来访,也感谢彰化市长回访。", "zh-Hans")
    assert "谢林" not in got and "谢彰化" not in got
    # a name after a real boundary is still read with its title after it
    assert "王建华" in names("会上,王建华市长表示欢迎。", "zh-Hans")


def test_the_signing_verb_after_a_name_is_no_part_of_it():
    got = names("乡长与钏路町长小林茂签订友好交流协定。", "zh-Hans")
    assert "小林茂" in got and "小林茂签" not in got


def test_a_reporter_credit_in_square_brackets_before_the_place():
    got = extract_text("【記者王大明/台南報導】市長今天出席。", "zh-Hant", None)
    people = {f.value["name"]: f.value.get("title") for f in got if f.kind == "person"}
    assert people.get("王大明") == "記者"


def test_an_embassy_counsellor_is_a_title_in_japanese():
    got = extract_text("大使館の田中一郎参事官が祝辞を述べた。", "ja", None)
    people = {f.value["name"]: f.value.get("title") for f in got if f.kind == "person"}
    assert people.get("田中一郎") == "参事官"
