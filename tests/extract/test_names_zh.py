"""Chinese names without a title next to them (rules-2)."""

from __future__ import annotations

from briefbook.extract import extract_text


def names(text, lang="zh-Hans"):
    out = set()
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out.add(f.value["name"])
    return out


def test_bare_chinese_name_with_cues():
    assert "王建华" in names("据介绍，王建华表示，项目将于明年投产。")
    assert "刘德华" in names("昨天，刘德华与歌迷见面。")


def test_transliterated_names():
    assert "安德鲁·洛伊·韦伯" in names("这部音乐剧的作曲家是安德鲁·洛伊·韦伯。")
    assert "卡斯特罗" in names("卡斯特罗表示，两国关系正在改善。")


def test_ordinary_words_are_not_names():
    got = names("双方将推动更高水平的合作，交流更加密切，杜鹃花盛开，宁武县位于山西。")
    assert not got & {"高水平", "加密切", "杜鹃花", "宁武县"}


def test_traditional_script():
    assert "王建華" in names("據介紹，王建華表示，項目將於明年投產。", "zh-Hant")
