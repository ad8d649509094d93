"""Japanese names without a title next to them (rules-2)."""

from __future__ import annotations

from briefbook.extract import extract_text


def names(text):
    out = set()
    for f in extract_text(text, "ja", None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out.add(f.value["name"])
    return out


def test_kanji_name_before_a_particle():
    assert "山本浩二" in names("試合の後、山本浩二は記者団の質問に答えた。")
    assert "鈴木一郎" in names("鈴木一郎の打球がスタンドに入った。")


def test_katakana_name_with_middle_dot():
    assert "カール・クリングラー" in names("彼はカール・クリングラーに師事した。")


def test_places_and_companies_are_not_names():
    got = names("北海道札幌市は、コカ・コーラの工場とユニバーサル・スタジオの誘致を検討した。")
    assert not got & {"コカ・コーラ", "ユニバーサル・スタジオ", "北海道札幌市"}


def test_an_ordinary_word_before_a_title_is_no_name():
    people = [f for f in extract_text("米国のデル・トロ海軍長官は、横須賀を訪問した。", "ja", None) if f.kind == "person"]
    assert all("海軍" not in f.value["name"] for f in people)
    assert any(f.value["name"] == "海部俊樹" for f in extract_text("海部俊樹首相が訪中した。", "ja", None)
               if f.kind == "person")
