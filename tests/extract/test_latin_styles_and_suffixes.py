"""People and organisations of English and German news (made-up sentences): styles of
address before a name (H.E., Tan Sri, Datuk Seri), a city the gazetteer knows read as two
rare words, an initial and a generational suffix inside a name, an apposition with its
article or a possessive after it, a diplomatic mission with its city, and a body named by
a list of fields."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def people(text: str, lang: str = "en") -> dict[str, dict]:
    return {f.value["name"]: f.value for f in extract_text(text, lang, None)
            if f.kind == "person" and not f.value.get("refers_to")}


def kinds(text: str, lang: str = "en") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in extract_text(text, lang, None):
        out.setdefault(f.kind, set()).add(f.value.get("name") or f.text)
    return out


def test_styles_of_address_are_no_part_of_the_name():
    found = people("The minister met YBhg. Tan Sri Lim Boon Keat in Seremban. Later Datuk Seri Aminah Rashid, "
                   "the Chief Minister of the State of Perlis, opened the fair.")
    assert "Aminah Rashid" in found
    assert found["Aminah Rashid"]["title"] == "Chief Minister of the State of Perlis"
    assert not any(n.startswith(("Tan Sri", "Datuk", "YBhg")) for n in found)


def test_a_style_of_address_alone_is_no_person():
    found = people("Tan Sri hosted a dinner for the guests at the same venue on Monday evening.")
    assert "Tan Sri" not in found


def test_a_family_name_spelt_like_a_style_stays_a_name():
    # "Tan" opens the style "Tan Sri" but alone is a family name
    assert "Tan Kah Wee" in people("The delegation was led by Chairman Tan Kah Wee of Harbour Holdings.")


def test_a_city_of_two_rare_words_is_a_place_not_a_person():
    found = kinds("The delegation flew on to Kuala Lumpur and then drove to Johor Bahru.")
    assert {"Kuala Lumpur", "Johor Bahru"} <= found.get("place", set())
    assert not found.get("person")


def test_an_initial_and_a_generational_suffix_belong_to_the_name():
    found = people("Governor Thomas J. Miller Jr. signed the accord with the visiting mayor.")
    assert "Thomas J. Miller Jr." in found
    assert found["Thomas J. Miller Jr."]["title"] == "Governor"


def test_an_apposition_drops_its_article_and_a_possessive_after_it():
    found = people("Wang Lifen, the Governor of Hainan Province’s southern district office, and her aides came.")
    assert found["Wang Lifen"]["title"] == "Governor of Hainan Province"
    found = people("On Monday they met Karl Huber, the Governor of Carinthia and a former mayor.")
    assert found["Karl Huber"]["title"] == "Governor of Carinthia"


def test_a_diplomatic_mission_keeps_its_city_and_its_dotted_abbreviation():
    found = extract_text("Anne Lowry, Consul General of the U.S. Consulate General in Osaka, welcomed them.", "en", None)
    orgs = [f.text for f in found if f.kind == "organization"]
    assert "U.S. Consulate General in Osaka" in orgs
    person = next(f for f in found if f.kind == "person")
    assert person.value["org"] == "U.S. Consulate General in Osaka"
    assert "Generalkonsulat in Osaka" in kinds("Das japanische Generalkonsulat in Osaka lud ein.", "de")["organization"]


def test_a_bare_german_message_after_in_is_no_embassy():
    assert "Botschaft in Rom" not in kinds("Die Botschaft in Rom war klar: mehr Handel.", "de").get("organization", ())


def test_a_body_named_by_a_list_of_fields_keeps_the_whole_list():
    assert "Ministry of Health, Labour and Welfare" in \
        kinds("Officials of the Ministry of Health, Labour and Welfare visited the plant.")["organization"]
    assert "Ministerium für Umwelt, Energie und Klimaschutz" in \
        kinds("Das Ministerium für Umwelt, Energie und Klimaschutz lud am Montag ein.", "de")["organization"]


def test_a_list_of_places_after_a_ministry_is_no_field():
    found = kinds("The Ministry of Finance, France and Germany agreed on the text.")
    assert "Ministry of Finance" in found["organization"]


def test_a_university_zu_its_city_keeps_the_city():
    assert "Ernst-Moritz-Universität zu Rostock" in \
        kinds("Die Stadt kooperiert mit der Ernst-Moritz-Universität zu Rostock seit Jahren.", "de")["organization"]


def test_an_apposition_with_a_possessive_office_and_to():
    found = people("The delegation met YBhg. Tan Sri Wong Kah Woh, Prime Minister’s Special Envoy to Korea and left.")
    assert found["Wong Kah Woh"]["title"] == "Prime Minister’s Special Envoy to Korea"
    assert found["Wong Kah Woh"]["org"] is None
