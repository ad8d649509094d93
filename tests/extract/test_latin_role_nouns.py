"""German and English role nouns and long titles: a job word is no person (Er war
Referent im ...), a title that names its fields after für/for/of, often as a list, is
one title, and a clause between a title and a name is no title
(extract/latin/people.py, resources/dict/latin_patterns.txt; made-up sentences)."""

from __future__ import annotations

import pytest

from briefbook.extract import extract_text


def people(text, lang):
    return {f.value["name"]: f for f in extract_text(text, lang, None) if f.kind == "person"}


@pytest.mark.parametrize("text", [
    "Er war Referent im Bundesministerium der Finanzen.",
    "Sie war Beraterin im Kanzleramt in Berlin.",
    "Danach war er Mitarbeiter bei einer Bank in Köln.",
    "Zuvor war sie Dozentin an einer Hochschule.",
    "Er ist Leiter im Verkehrsamt der Stadt.",
])
def test_a_role_noun_after_a_verb_is_no_person(text):
    assert people(text, "de") == {}


def test_a_role_noun_before_a_name_is_its_title():
    p = people("Referentin Julia Hartmann stellte den Bericht vor.", "de")
    assert p["Julia Hartmann"].value["title"] == "Referentin"


@pytest.mark.parametrize("text, lang, title", [
    ("Hubert Aiwanger, Bayerischer Staatsminister für Wirtschaft, Landesentwicklung und Energie, sprach am Montag.",
     "de", "Bayerischer Staatsminister für Wirtschaft, Landesentwicklung und Energie"),
    ("Hubert Aiwanger, Bavarian State Minister of Economic Affairs, Regional Development and Energy, spoke.",
     "en", "Bavarian State Minister of Economic Affairs, Regional Development and Energy"),
    ("Greta Lindqvist, Ministerin für Umwelt, eröffnete die Tagung.", "de", "Ministerin für Umwelt"),
    ("Paul Okafor, Minister for Trade and Industry, said the talks went well.", "en",
     "Minister for Trade and Industry"),
])
def test_a_title_with_its_fields_after_a_name(text, lang, title):
    found = extract_text(text, lang, None)
    person = next(f for f in found if f.kind == "person")
    assert person.value["title"] == title
    assert person.end == text.index(title) + len(title)
    # the fields of the title are no organisation
    assert not [f for f in found if f.kind == "organization" and person.start <= f.start < person.end]


def test_a_company_after_of_stays_the_persons_organisation():
    p = people("John Carter, President of Acme Corp and Beta Ltd, said.", "en")
    assert p["John Carter"].value["title"] == "President"
    assert p["John Carter"].value["org"] == "Acme Corp"


@pytest.mark.parametrize("text", [
    "Berater des Kanzlers war damals Thomas Brenner.",
    "Der Sprecher des Kanzlers ist seit Jahren Thomas Brenner.",
])
def test_a_clause_between_a_title_and_a_name_is_no_title(text):
    p = people(text, "de")["Thomas Brenner"]
    assert p.value["title"] is None
    assert p.text == "Thomas Brenner"
