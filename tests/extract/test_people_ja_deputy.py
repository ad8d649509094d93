"""Japanese people with a one-character (Chinese) family name and a deputy title, and
their later short mentions (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def people(text: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for f in extract_text(text, "ja", None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out.append((f.value["name"], f.value.get("title"), f.value.get("refers_to")))
    return out


def test_the_deputy_modifier_belongs_to_the_title_after_a_one_character_family_name():
    assert people("王副市長は会見で述べた。") == [("王", "副市長", None)]
    assert people("陳常務副市長が出席した。") == [("陳", "常務副市長", None)]
    # family names that end in 元 or 前 keep them
    assert people("秋元知事と松前知事が会った。") == [("秋元", "知事", None), ("松前", "知事", None)]
    # a Japanese family name still takes a deputy title as before
    assert people("佐藤副社長が述べた。") == [("佐藤", "副社長", None)]


def test_a_later_mention_of_a_chinese_family_name_refers_to_the_full_name():
    got = people("同省の劉明副省長が来県した。劉副省長は「交流を広げたい」と述べた。")
    assert got == [("劉明", "副省長", None), ("劉", "副省長", "劉明")]
    # a Japanese two-character family name is not cut to its first character
    assert ("森", "社長", "森田") not in people("森田知事が述べた。森社長も来た。")


def test_a_word_suffix_glued_to_the_kanji_before_starts_no_name():
    # 的, 性 and 化 end the word before them (長期的, 重要性): the tagger's "的友好" is no person
    got = people("双方の長期的友好を推進したいと表明した。交流の重要性友好も確認した。")
    assert all(not name.startswith(("的", "性", "化")) for name, _t, _r in got)
    # a name after a particle is still read
    assert ("山本正雄", "知事", None) in people("会談には山本正雄知事が出席した。")
