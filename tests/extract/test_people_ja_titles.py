"""Japanese people with a title: a one-character family name keeps the whole title, and a
country written before a known body is part of the person's organisation (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def people(text: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for f in extract_text(text, "ja", None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out.append((f.value["name"], f.value.get("title"), f.value.get("org")))
    return out


def test_a_one_character_family_name_before_a_whole_title():
    assert people("林官房長官は記者会見で述べた。") == [("林", "官房長官", None)]
    assert ("林", "外相", None) in people("岸田首相と林外相が会談した。")
    # a longer name still takes the title after it
    assert people("林芳正外相が訪中した。") == [("林芳正", "外相", None)]


def test_the_country_before_a_known_body_belongs_to_the_organisation():
    assert people("中国外務省の毛寧報道官は会見で述べた。") == [("毛寧", "報道官", "中国外務省")]
    assert people("外務省の小野日子報道官は述べた。") == [("小野日子", "報道官", "外務省")]


def test_a_dictionary_entry_ending_the_text_is_tagged():
    # a title word at the very end of the text made the tagger's features fail and lose the people
    assert people("ベトナム商工省のグエン・ヴァン・タン大臣")[0][1:] == ("大臣", "ベトナム商工省")


def test_the_prefecture_before_a_governor_belongs_to_the_title():
    # 都知事, 府知事: the 都 or 府 is no given name
    assert people("小池都知事と吉村府知事が会談した。") == [("小池", "都知事", None), ("吉村", "府知事", None)]
    # a place between the family name and the title is the title's
    assert people("吉村大阪府知事は万博について語った。") == [("吉村", "大阪府知事", None)]
    assert people("鈴木静岡県副知事も出席した。") == [("鈴木", "静岡県副知事", None)]
    # a family name that is also a city keeps its title only
    assert people("松本市長が挨拶した。") == [("松本", "市長", None)]


def test_modifiers_and_the_japanese_form_of_a_family_name():
    # 副, 常務, 第一 belong to the title; 呉 is the family name 吴 written in Japanese
    assert people("江蘇省の呉政隆副省長は会議で語った。") == [("呉政隆", "副省長", None)]
    assert people("広東省の張強常務副省長は述べた。") == [("張強", "常務副省長", None)]
    assert people("会議には劉偉副省長、張建第一副書記が出席した。") == [
        ("劉偉", "副省長", None), ("張建", "第一副書記", None)]
    assert people("田中知事は記者会見で述べた。") == [("田中", "知事", None)]
