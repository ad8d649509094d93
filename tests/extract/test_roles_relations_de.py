"""German press-release patterns: a noun relating a place to another before the place
(Partnerprovinz Shandong), a title before a name with its organisation chain, a role
in a relative clause, and inflected forms of one organisation's name."""

from __future__ import annotations

import pytest
from extract_helpers import FixedTagger

from briefbook.extract import extract_text
from briefbook.extract.latin.words import is_relation_noun
from briefbook.extract.tagger import KINDS, crf, register


@pytest.fixture
def restore_taggers():
    yield
    for lang in ("de", "en"):
        register(lang, crf._factory(lang))


def entities(text, lang="de"):
    return {(f.value.get("name") if f.kind == "person" else f.text, f.kind) for f in extract_text(text, lang, None)
            if f.kind in KINDS}


def people(text, lang="de"):
    return {f.value["name"]: (f.value.get("title"), f.value.get("org"))
            for f in extract_text(text, lang, None) if f.kind == "person"}


@pytest.mark.parametrize("word", ["Partnerprovinz", "Partnerstädte", "Nachbarlandes", "Landeshauptstadt",
                                  "Hauptstadt", "Bundesland", "Provinz", "Heimatort"])
def test_relation_nouns(word):
    assert is_relation_noun(word)


@pytest.mark.parametrize("word", ["Deutschland", "Neustadt", "Darmstadt", "Partner", "Staatsregierung", "Rheinland"])
def test_place_names_and_other_nouns_are_no_relation_nouns(word):
    assert not is_relation_noun(word)


@pytest.mark.parametrize("span, kind", [("Sachsens Partnerprovinz Hebei", "organization"),
                                        ("Partnerprovinz Hebei", "place")])
def test_a_tagged_span_opening_with_a_relation_noun_is_the_place_after_it(span, kind, restore_taggers):
    register("de", lambda: FixedTagger([(span, kind, 0.9)]))
    found = entities("Eine Delegation aus Sachsens Partnerprovinz Hebei kam am Montag an.")
    assert ("Hebei", "place") in found
    assert not any("Partnerprovinz" in name for name, _ in found)


def test_relation_nouns_with_the_shipped_tagger():
    found = entities("Der Landtag pflegt Beziehungen zu Bayerns Partnerprovinz Shandong. In der Landeshauptstadt "
                     "München und der Partnerstadt Qingdao wurde gefeiert.")
    assert {("Shandong", "place"), ("München", "place"), ("Qingdao", "place")} <= found
    assert not any(w in name for name, _ in found for w in ("Partner", "Landeshauptstadt"))


@pytest.mark.parametrize("title", ["Vize-Präsidenten", "Vizepräsidenten"])
def test_a_title_before_the_name_with_a_comma_gives_title_and_organisation_chain(title):
    text = f"Die Ministerin traf sich mit dem {title} des Volkskongresses der Provinz Hebei, Limin Wu."
    assert people(text)["Limin Wu"] == (title, "Volkskongresses der Provinz Hebei")
    found = entities(text)
    assert ("Volkskongresses der Provinz Hebei", "organization") in found
    assert ("Provinz Hebei", "organization") not in found


def test_an_inflected_head_noun_starts_the_organisation_of_a_title():
    text = "Sie sprach mit dem Präsidenten des Verbandes der Automobilindustrie, Hilde Sommer."
    assert people(text)["Hilde Sommer"] == ("Präsidenten", "Verbandes der Automobilindustrie")


@pytest.mark.parametrize("text, name, title, org", [
    ("Robert Brandl, der als Vertreter der CSU-Fraktion an dem Gespräch teilnahm, betonte die Freundschaft.",
     "Robert Brandl", "Vertreter", "CSU-Fraktion"),
    ("Anna Weber, die seit 2019 als Geschäftsführerin der Bayern International arbeitet, sprach.",
     "Anna Weber", "Geschäftsführerin", "Bayern International"),
])
def test_a_relative_clause_gives_the_role_and_organisation(text, name, title, org):
    assert people(text)[name] == (title, org)
    assert (org, "organization") in entities(text)


def test_a_relative_clause_without_a_role_gives_none():
    assert people("Anna Weber, die als Kind in Berlin lebte, sprach am Montag.")["Anna Weber"] == (None, None)


def test_an_english_relative_clause_gives_the_role_and_organisation():
    text = "Jane Roe, who as chair of the Rotary Club of Springfield opened the meeting, spoke first."
    assert people(text, "en")["Jane Roe"] == ("chair", "Rotary Club of Springfield")


def test_the_genitive_of_a_listed_place_is_a_place():
    found = entities("Der Oberste Gerichtshof Kanadas urteilte. Das größte Gräberfeld Dänemarks liegt bei Gudme.")
    assert {("Kanadas", "place"), ("Dänemarks", "place")} <= found
    found = entities("Die Liberaldemokratische Partei Japans gewann.")
    assert ("Japans", "place") not in found  # inside an organisation's name


def test_a_club_after_its_prefix_stands_against_a_tagged_place(restore_taggers):
    register("de", lambda: FixedTagger([("Dortmund", "place", 0.9)]))
    assert ("Borussia Dortmund", "organization") in entities("Aber Borussia Dortmund gewann am Samstag.")


def test_a_noun_for_the_kind_of_organisation_is_no_part_of_its_name(restore_taggers):
    found = entities("Er unterschrieb einen Vertrag mit der deutschen Firma Century Media in Dortmund.")
    assert ("Century Media", "organization") in found and ("Firma Century Media", "organization") not in found
    register("de", lambda: FixedTagger([("Spartensender Swiss Music Radio", "organization", 0.9)]))
    found = entities("Das Gesuch für den Spartensender Swiss Music Radio ging ein.")
    assert ("Swiss Music Radio", "organization") in found


@pytest.mark.parametrize("word, expected", [("Firma", True), ("Softwareunternehmen", True), ("Konzerns", True),
                                            ("Bank", False), ("Verlag", False), ("Media", False)])
def test_org_descriptors(word, expected):
    from briefbook.extract.latin.words import is_org_descriptor

    assert is_org_descriptor(word) is expected


def test_a_long_organisation_chain_before_the_name():
    text = "Sie traf den Vizepräsidenten des Ständigen Ausschusses des Volkskongresses der Provinz Hebei, Limin Wu."
    assert people(text)["Limin Wu"] == ("Vizepräsidenten", "Ständigen Ausschusses des Volkskongresses der Provinz Hebei")


def test_an_english_title_before_the_name_gives_the_organisation_without_its_article():
    text = "Aigner met the Vice-President of the Hebei People's Congress, Limin Wu, on Monday."
    assert people(text, "en")["Limin Wu"] == ("Vice-President", "Hebei People's Congress")


def test_a_long_chain_keeps_its_lower_case_adjectives():
    text = ("Gäste waren der Vorsitzende des Untergremiums des chinesischen Rats zur internationalen "
            "Wirtschaftsförderung Hebei, Limin Wu, und andere.")
    assert people(text)["Limin Wu"] == (
        "Vorsitzende", "Untergremiums des chinesischen Rats zur internationalen Wirtschaftsförderung Hebei")
