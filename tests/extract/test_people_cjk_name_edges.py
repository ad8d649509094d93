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
