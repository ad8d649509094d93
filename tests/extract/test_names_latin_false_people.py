"""Latin-script text: an ordinary word spelt like romanised Japanese is no given name, a bare
word for a kind of place after a title stays in the title, and an owner with a possessive
is no person (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def people(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out.append((f.value["name"], f.value.get("title"), f.value.get("org")))
    return out


def test_an_ordinary_word_spelt_like_romaji_does_not_start_a_name():
    got = people("Zuvor traf er den Parteisekretär der Region Mao Lin zu Gesprächen.", "de")
    assert [p[0] for p in got] == ["Mao Lin"]
    # real romanised Japanese names are still read
    assert [p[0] for p in people("He met Toshihiro Nikai and Sasaki Nobuhiko in Tokyo.", "en")] == [
        "Toshihiro Nikai", "Sasaki Nobuhiko"]


def test_a_bare_word_for_a_kind_of_place_after_the_title_is_no_organisation():
    assert people("Zuvor traf er den Parteisekretär der Provinz Zhao Lei zu Gesprächen.", "de") == [
        ("Zhao Lei", "Parteisekretär der Provinz", None)]
    assert people("Zuvor traf er den Parteisekretär der Region Ke Jun zu Gesprächen.", "de") == [
        ("Ke Jun", "Parteisekretär der Region", None)]


def test_an_owner_with_a_possessive_is_no_person():
    text = "Ha Nam hopes to deepen ties with Japan’s Hyogo prefecture"
    assert people(text, "en") == []
    assert people("Talks with Japan's Tottori prefecture went well.", "en") == []
