"""German titles before a name: a word shortened in a pair (Agrar- und Umweltminister) and
a place in the genitive (Bayerns Wirtschaftsminister) belong to the title (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def titles(text: str, lang: str = "de") -> list[tuple[str, str | None]]:
    out = []
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out.append((f.value["name"], f.value.get("title")))
    return out


def test_a_title_shortened_in_a_pair_keeps_both_halves():
    assert titles("Der Wirtschafts- und Energieminister Hubert Aiwanger reiste nach Japan.") == [
        ("Hubert Aiwanger", "Wirtschafts- und Energieminister")]
    assert titles("Am Montag sprach Agrar- und Umweltministerin Anna Berger in Kiel.") == [
        ("Anna Berger", "Agrar- und Umweltministerin")]


def test_a_place_in_the_genitive_before_the_title_is_the_titles():
    assert titles("Am Montag reiste Sachsens Umweltminister Till Kramer nach Japan.") == [
        ("Till Kramer", "Sachsens Umweltminister")]
    assert titles("Mecklenburg-Vorpommerns Agrar- und Umweltminister Till Kramer reiste nach Japan.") == [
        ("Till Kramer", "Mecklenburg-Vorpommerns Agrar- und Umweltminister")]
    # a word that is no place's genitive stays out of the title
    assert titles("Am Montag reiste Umweltminister Till Kramer nach Japan.") == [("Till Kramer", "Umweltminister")]
