"""German organisations written as a name joined to its head noun (made-up sentences):
the name is one organisation, a town's adjective before it is no part of it, and a
compound of ordinary words is none."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def orgs(text: str) -> set[str]:
    return {f.text for f in extract_text(text, "de", None) if f.kind == "organization"}


def test_a_name_joined_to_its_head_is_an_organisation_without_the_towns_adjective():
    got = orgs("Die Kieler Humboldt-Schule und das Berliner Goethe-Gymnasium tauschen Schüler aus.")
    assert {"Humboldt-Schule", "Goethe-Gymnasium"} <= got
    assert not any(o.startswith(("Kieler", "Berliner")) for o in got)


def test_a_compound_of_ordinary_words_is_no_organisation():
    assert "High-Tech-Zentrum" not in orgs("Sie besuchten ein High-Tech-Zentrum am Stadtrand.")
    assert not orgs("Die Schule liegt am Hafen. Die Schule der Zukunft beginnt früh.")
