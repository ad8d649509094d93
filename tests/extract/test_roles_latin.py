"""A person's title and organisation in German and English, and later short mentions
(extract/latin/people_roles.py; made-up sentences)."""

from __future__ import annotations

import pytest

from briefbook.extract import extract_text


def people(text, lang):
    return {f.value["name"]: (f.value.get("title"), f.value.get("org"), f.value.get("refers_to"))
            for f in extract_text(text, lang, None) if f.kind == "person"}


@pytest.mark.parametrize("text, lang, title", [
    # the title keeps the place written in it (as 珠海市长 does); a title after only a place
    # or country has no organisation (Gouverneur der Provinz Shandong, 日本前首相)
    ("Bavarian Economy Minister Hubert Aiwanger visited the port on Monday.", "en", "Bavarian Economy Minister"),
    ("Hubert Aiwanger, Bavaria's economy minister, visited the port on Monday.", "en", "Bavaria's economy minister"),
    ("Bavaria's economy minister Hubert Aiwanger visited the port on Monday.", "en", "Bavaria's economy minister"),
    ("Der bayerische Wirtschaftsminister Hubert Aiwanger besuchte am Montag den Hafen.", "de",
     "bayerische Wirtschaftsminister"),
])
def test_a_place_before_a_government_office_stays_in_the_title_with_no_organisation(text, lang, title):
    assert people(text, lang)["Hubert Aiwanger"][:2] == (title, None)


def test_a_country_adjective_before_an_office_joins_the_title_with_no_organisation():
    found = people("The talks were opened by Japanese Prime Minister Taro Sato in Osaka.", "en")
    assert found["Taro Sato"][:2] == ("Japanese Prime Minister", None)
    found = people("Canada's Minister of Trade, Mary Brown, met the press.", "en")
    assert found["Mary Brown"][:2] == ("Canada's Minister of Trade", None)


@pytest.mark.parametrize("text", [
    "Tom Baker, Acme's chief executive, visited the port on Monday.",
    "Acme's chief executive Tom Baker visited the port on Monday.",
])
def test_a_possessive_owner_that_is_no_place_is_the_organisation(text):
    assert people(text, "en")["Tom Baker"][:2] == ("Acme's chief executive", "Acme")


@pytest.mark.parametrize("text, lang, title", [
    ("Die Geschäftsführerin der Bayern International, Anna Weber, eröffnete die Messe.", "de",
     "Geschäftsführerin"),
    ("Anna Weber, managing director of Bayern International, opened the fair.", "en", "managing director"),
])
def test_the_organisation_named_in_a_title_is_apart_from_it(text, lang, title):
    assert people(text, lang)["Anna Weber"][:2] == (title, "Bayern International")
    orgs = {f.text for f in extract_text(text, lang, None) if f.kind == "organization"}
    places = {f.text for f in extract_text(text, lang, None) if f.kind == "place"}
    assert "Bayern International" in orgs and "Bayern" not in places


def test_a_government_office_over_a_place_keeps_its_whole_title():
    found = people("Wang Lei, Gouverneur der Provinz Hebei, sprach zuerst.", "de")
    assert found["Wang Lei"][:2] == ("Gouverneur der Provinz Hebei", None)
    # an ambassador is no office of the place his adjective names
    found = people("Der japanische Botschafter Kenji Sato sprach zuerst.", "de")
    assert found["Kenji Sato"][1] is None


def test_a_title_at_the_start_of_the_text_stays_with_the_name():
    assert people("Staatssekretär Gerd Krämer sprach mit der Presse.", "de")["Gerd Krämer"][0] == "Staatssekretär"


@pytest.mark.parametrize("text, lang, short, full", [
    ("Austrian Chancellor Sebastian Kurz arrived in Berlin. Mr Kurz met the press.", "en", "Kurz", "Sebastian Kurz"),
    ("Die Geschäftsführerin der Bayern International, Anna Weber, eröffnete die Messe. Frau Weber dankte den "
     "Gästen.", "de", "Weber", "Anna Weber"),
    ("Der bayerische Wirtschaftsminister Hubert Aiwanger besuchte den Hafen. Aiwanger sagte, es sei ein guter Tag.",
     "de", "Aiwanger", "Hubert Aiwanger"),
])
def test_a_later_short_mention_refers_to_the_full_name(text, lang, short, full):
    assert people(text, lang)[short][2] == full


@pytest.mark.parametrize("text, lang, title, org", [
    # an apposition of adjectives and a title after the name: the article stays out of the title
    ("Hubert Aiwanger, the Bavarian economy minister, visited the port.", "en", "Bavarian economy minister", None),
    ("Hubert Aiwanger, Bavarian Economy Minister, visited the port.", "en", "Bavarian Economy Minister", None),
    ("Hubert Aiwanger, bayerischer Wirtschaftsminister, besuchte den Hafen.", "de",
     "bayerischer Wirtschaftsminister", None),
    ("John Smith, a former chief executive, visited the port.", "en", "former chief executive", None),
])
def test_an_apposition_of_adjectives_and_a_title(text, lang, title, org):
    got = people(text, lang)
    name = text.split(",")[0]
    assert got[name][:2] == (title, org)


def test_an_apposition_that_is_no_title_gives_none():
    assert people("Mary Jones, the happy winner, smiled.", "en")["Mary Jones"][0] is None
    # a list of names is no apposition
    assert all(v[0] is None for v in people("John Smith, Peter Lee and Mary Jones came.", "en").values())


def test_a_list_item_after_a_titled_name_is_no_apposition():
    text = "Die Ministerin wird von Landtagspräsidentin Anna Roth, Abgeordneten des Hessischen Landtags sowie von " \
           "Unternehmern begleitet."
    assert people(text, "de")["Anna Roth"][:2] == ("Landtagspräsidentin", None)
    # an apposition closed by a comma stays one
    assert people("Die Ministerin traf Anna Roth, Präsidentin des Hessischen Landtags, am Montag.", "de")[
        "Anna Roth"][:2] == ("Präsidentin", "Hessischen Landtags")


@pytest.mark.parametrize("text, lang, name", [
    ("Yap Kim Hock, the mayor, opened the fair.", "en", "Yap Kim Hock"),
    ("The mayor met Chua Soi Lek in Penang.", "en", "Chua Soi Lek"),
    ("Der Minister traf Khoo Boo Kiat in Penang.", "de", "Khoo Boo Kiat"),
])
def test_a_chinese_name_of_three_words_stays_whole(text, lang, name):
    assert name in people(text, lang)


@pytest.mark.parametrize("text, lang, name, title", [
    ("Li Ming (left), governor of Hebei province meets with Tom Brown in Tokyo.", "en", "Li Ming",
     "governor of Hebei province"),
    ("Anna Roth (links), Präsidentin des Hessischen Landtags, begrüßt die Gäste.", "de", "Anna Roth", "Präsidentin"),
])
def test_a_photo_captions_position_stands_between_a_name_and_its_apposition(text, lang, name, title):
    assert people(text, lang)[name][0] == title
