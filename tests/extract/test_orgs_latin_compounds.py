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


def test_a_quantifier_is_no_part_of_an_organisations_name():
    assert not orgs("Mehrere Institute aus Kiel planen Abkommen. Zahlreiche Unternehmen kamen.")
    got = {f.text for f in extract_text("Several Institutes in Ohio plan agreements.", "en", None)
           if f.kind == "organization"}
    assert not got


def test_the_words_an_acronym_spells_are_the_organisation_it_glosses():
    got = orgs("Laut der Wirtschafts- und Technologieförderung Nordland (WTN) wuchs der Handel.")
    assert got == {"Wirtschafts- und Technologieförderung Nordland"}
    # the gloss used on its own elsewhere is one too
    got = orgs("Die Gesellschaft für Internationale Zusammenarbeit (GIZ) hilft. Die GIZ zahlt.")
    assert got == {"Gesellschaft für Internationale Zusammenarbeit", "GIZ"}
    # a place's short form is no organisation
    places = {f.text for f in extract_text("He flew to the United States of America (USA) in May.", "en", None)
              if f.kind == "organization"}
    assert not places


def test_a_name_before_a_hyphenated_head_is_an_organisation():
    got = orgs("Das Nordland Service-Center half bereits vielen Firmen.")
    assert "Nordland Service-Center" in got


def test_a_club_named_again_without_its_prefix_is_the_club():
    found = extract_text("Coaches of FC Bayern Munich came. Karl Brandt, who played for Bayern Munich, spoke.",
                         "en", None)
    assert {f.text for f in found if f.kind == "organization"} >= {"FC Bayern Munich", "Bayern Munich"}
    assert "Bayern Munich" not in {f.text for f in found if f.kind == "place"}
    # a club's town alone stays a place
    found = extract_text("Der 1. FC Köln spielte in Köln.", "de", None)
    assert "Köln" in {f.text for f in found if f.kind == "place"}


def test_a_hyphenated_word_for_a_kind_of_body_is_no_name():
    got = orgs("Der Verein spielt in der Fußball-Liga. Ähnliche Info-Post kam später.")
    assert "Fußball-Liga" not in got and "Ähnliche Info-Post" not in got
