"""Organisations listed after a plural noun for their kind, in German and English
(made-up sentences): every listed name is one, the plural is no part of the first, and a
list of places or people is no company list."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def found(text: str, lang: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in extract_text(text, lang, None):
        out.setdefault(f.kind, set()).add(f.text)
    return out


def test_names_after_die_unternehmen_are_organisations():
    got = found("Die Gruppe besucht die Unternehmen Kawara, Tenzo Seiki, Hoshida und Marunami.", "de")
    assert {"Kawara", "Tenzo Seiki", "Hoshida", "Marunami"} <= got["organization"]
    assert not got.get("person")


def test_the_plural_is_no_part_of_the_first_name():
    got = found("Besucht werden die Universitäten Kanto Institute of Design, die Hokuriku University und die "
                "Sanyo Academy.", "de")
    assert {"Kanto Institute of Design", "Hokuriku University", "Sanyo Academy"} <= got["organization"]
    assert not any(o.startswith("Universitäten") for o in got["organization"])


def test_companies_such_as_a_b_and_c():
    got = found("Firms such as Acme Robotics, Bellwether and Corvid Systems signed deals.", "en")
    assert {"Acme Robotics", "Bellwether", "Corvid Systems"} <= got["organization"]
    assert "Bellwether and Corvid Systems" not in got["organization"]


def test_a_list_of_places_after_firmen_is_no_company_list():
    got = found("Firmen aus Bayern und Sachsen wachsen. Die Unternehmen Bayern und Sachsen gibt es nicht.", "de")
    assert "Bayern" not in got.get("organization", set())
