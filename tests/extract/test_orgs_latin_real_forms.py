"""Organisation forms of real news text in German and English (made-up sentences):
place modifiers, a place's kind in the name's tail, a city after "in", a name run
into the person after it, one-word public bodies and a party in brackets."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def facts(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in extract_text(text, lang, None)
            if f.kind in ("organization", "place", "person")]


def orgs(text: str, lang: str) -> list[str]:
    return [t for k, t in facts(text, lang) if k == "organization"]


def test_a_place_modifier_is_no_part_of_the_name():
    text = "The Shenzhen-based Tencent Holdings reported higher profits on Monday."
    assert "Tencent Holdings" in orgs(text, "en")
    assert not any("based" in o for o in orgs(text, "en"))
    assert ("place", "Shenzhen") in facts(text, "en")


def test_the_organisation_of_an_apposition_drops_the_place_modifier():
    people = [f for f in extract_text("They were joined by Anna Kerr, president of Boston-headquartered Acme Group, "
                                      "on Friday.", "en", None) if f.kind == "person"]
    assert [p.value["org"] for p in people] == ["Acme Group"]


def test_a_province_after_the_place_belongs_to_the_name():
    assert "People’s Committee of Quang Ninh province" in \
        orgs("Officials of the People’s Committee of Quang Ninh province welcomed the guests.", "en")


def test_a_name_run_into_the_person_after_it_ends_before_the_person():
    found = extract_text("The People’s Committee of Quang Ninh province Nguyen Van Thang received "
                         "the delegation on Monday.", "en", None)
    assert "Nguyen Van Thang" in [f.value["name"] for f in found if f.kind == "person"]
    assert not any(f.kind == "organization" and "Thang" in f.text for f in found)


def test_a_city_after_in_is_the_seat_not_the_name():
    text = "The office of the Ministry of Foreign Affairs in Nagoya opened on Tuesday."
    assert "Ministry of Foreign Affairs" in orgs(text, "en")
    assert ("place", "Nagoya") in facts(text, "en")


def test_one_word_public_bodies_in_german():
    assert orgs("Die Delegation folgte einer Einladung der Provinzregierung.", "de") == ["Provinzregierung"]
    assert orgs("Das teilte das Innenministerium am Montag mit.", "de") == ["Innenministerium"]
    assert orgs("Die Staatskanzlei bestätigte den Termin.", "de") == ["Staatskanzlei"]
    # a bare head noun stays a reference
    assert orgs("Das teilte das Ministerium am Montag mit.", "de") == []


def test_a_party_in_brackets_after_a_german_name():
    found = orgs("Umweltministerin Petra Lindner (Grüne) reiste am Montag nach Seoul.", "de")
    assert found == ["Grüne"]
    # a place in brackets is where the person comes from
    assert orgs("Dazu sprach Erika Weber (München) am Abend.", "de") == []


def test_a_web_site_credited_as_the_source_is_an_organisation():
    text = "acmenews.com.cn| Updated: May 4, 2018\n\nThe governor met guests on Aug 27. [Photo/newsport.gov.cn]\n\n" \
           "See acme.com for more."
    assert orgs(text, "en") == ["acmenews.com.cn", "newsport.gov.cn"]
    assert orgs("Der Minister reiste ab. (Quelle: beispiel-zeitung.de)", "de") == ["beispiel-zeitung.de"]


def test_an_apposition_with_a_one_word_title_gives_the_organisation():
    people = [f for f in extract_text("He was joined by John Miller, president of Acme Group, on Monday.", "en", None)
              if f.kind == "person"]
    assert [(p.value["title"], p.value["org"]) for p in people] == [("president", "Acme Group")]


def test_a_title_of_an_organisation_chain_with_a_province_before_the_name():
    text = "Quang Ninh seeks ties with Osaka\nChairman of the People’s Committee of Quang Ninh province " \
           "Nguyen Van Thang received the delegation on Monday."
    people = [f for f in extract_text(text, "en", None) if f.kind == "person"]
    assert [(p.value["name"], p.value["title"], p.value["org"]) for p in people] == \
        [("Nguyen Van Thang", "Chairman", "People’s Committee of Quang Ninh province")]
