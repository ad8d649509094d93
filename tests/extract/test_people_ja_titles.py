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
