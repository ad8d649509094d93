"""German and English names without a title next to them (rules-2)."""

from __future__ import annotations

from briefbook.extract import extract_text


def kinds(text, lang):
    out = {}
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        name = f.value.get("name", f.text) if f.kind == "person" else f.text
        out.setdefault(f.kind, set()).add(name)
    return out


def test_given_name_and_surname_international():
    k = kinds("Gestern traf sich Corrado Passera mit Ursula von der Leyen in Brüssel.", "de")
    assert {"Corrado Passera", "Ursula von der Leyen"} <= k["person"]
    assert "Brüssel" in k["place"]


def test_role_word_and_honorific_before_a_name():
    k = kinds("Staatssekretär Gerd Krämer und Abwehrchef Barletta sprachen mit Frau Zöllner.", "de")
    assert {"Gerd Krämer", "Barletta", "Zöllner"} <= k["person"]
    k = kinds("The deal was praised by Senator Warnock and by singer Adele.", "en")
    assert {"Warnock", "Adele"} <= k["person"]


def test_verb_of_saying():
    assert "Petkovic" in kinds("« Wir sind bereit », sagte Petkovic nach dem Spiel.", "de")["person"]
    assert "Tom Kowalczyk" in kinds("Tom Kowalczyk said the plant would close.", "en")["person"]


def test_later_mention_by_surname():
    k = kinds("Kanzler Olaf Scholz reiste nach Paris. Dort sagte Scholz, man sei sich einig.", "de")
    people = [f for f in extract_text("Olaf Scholz reiste ab. Später traf Scholz Gäste.", "de", None)
              if f.kind == "person"]
    assert "Olaf Scholz" in k["person"]
    assert {f.text for f in people} == {"Olaf Scholz", "Scholz"}


def test_world_gazetteer_and_german_place_rules():
    k = kinds("Die Firma zog von Spiegelau nach Warschau und später in die Schwabacher Straße.", "de")
    assert {"Spiegelau", "Warschau"} <= k["place"]
    k = kinds("Die Fabrik liegt an der Flößaustraße.", "de")
    assert "Flößaustraße" in k["place"]
    assert "Nairobi" in kinds("Officials met in Nairobi on Monday.", "en")["place"]


def test_organisation_rules():
    k = kinds("Die Bundesärztekammer und der VfL Osnabrück kritisierten die CDU.", "de")
    assert {"Bundesärztekammer", "VfL Osnabrück", "CDU"} <= k["organization"]


def test_acronyms_not_organisations():
    k = kinds("Das BIP stieg um 2 Prozent, sagte der CEO. WE HAVE A DATE FOR THE PARTY", "de")
    assert not {"BIP", "CEO", "WE", "HAVE", "DATE"} & k.get("organization", set())
