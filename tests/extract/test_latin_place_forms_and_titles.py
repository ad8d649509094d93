"""Places listed under the form a German or English text uses most on its own, and
titles read around names (made-up sentences): a genitive, a dateline in capitals and a
gazetteer's other name of the place go under the more frequent form; "X Prefecture" stays
whole where the bare name is rarer; a place before an English title stays in it; a title
before the organisation it heads and the name; a list of two people with their titles."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def place_names(text: str, lang: str) -> list[str]:
    return [f.value["name"] for f in extract_text(text, lang, None) if f.kind == "place"]


def people(text: str, lang: str) -> dict[str, dict]:
    return {f.value["name"]: f.value for f in extract_text(text, lang, None)
            if f.kind == "person" and not f.value.get("refers_to")}


def test_a_german_genitive_goes_under_the_nominative_the_text_uses_as_often():
    text = ("Hessen wirbt in Korea. Die Delegation aus Hessen reist am Montag ab. "
            "Hessens Wirtschaft exportiert viel nach Korea.")
    names = place_names(text, "de")
    assert "Hessens" not in names and names.count("Hessen") == 3


def test_a_genitive_alone_stays_as_written():
    assert "Hessens" in place_names("Hessens Ministerpräsident reiste nach Korea.", "de")


def test_a_dateline_in_capitals_goes_under_the_written_name():
    names = place_names("BERLIN – The minister flew from Berlin to Seoul on Friday.", "en")
    assert "BERLIN" not in names and names.count("Berlin") == 2


def test_two_names_of_one_place_go_under_the_more_frequent_one():
    text = "Nordrhein-Westfalen lädt ein. Firmen aus Nordrhein-Westfalen und NRW-Gäste kamen nach Nordrhein-Westfalen, nicht nur nach NRW."
    names = set(place_names(text, "de"))
    assert "NRW" not in names and "Nordrhein-Westfalen" in names


def test_a_prefecture_named_only_with_its_kind_keeps_the_kind():
    text = "Officials from Saga Prefecture arrived. Saga Prefecture grows rice, and Saga Prefecture exports it."
    assert set(place_names(text, "en")) == {"Saga Prefecture"}
    text = "Saga is small. Trade with Saga grew, and Saga Prefecture officials came."
    assert set(place_names(text, "en")) == {"Saga"}


def test_a_place_before_an_english_title_stays_in_the_title():
    found = people("Kaohsiung Mayor Chen Chi-mai met Saga Prefecture Governor Yoshinori Ikeda on Monday.", "en")
    assert found["Chen Chi-mai"]["title"] == "Kaohsiung Mayor"
    assert found["Yoshinori Ikeda"]["title"] == "Saga Prefecture Governor"


def test_a_title_before_the_organisation_it_heads_and_the_name():
    found = people("Die Gruppe führt der Vorsitzende des Ausschusses für Bildung, Kultur und Sport, "
                   "Wang Jianguo. Er kam am Montag.", "de")
    assert found["Wang Jianguo"]["title"] == "Vorsitzende"
    assert found["Wang Jianguo"]["org"] == "Ausschusses für Bildung, Kultur und Sport"


def test_the_next_person_of_a_list_is_no_apposition():
    found = people("Begleitet wurde er vom kanadischen Botschafter in Berlin, Peter Lund, und dem kanadischen "
                   "Generalkonsul in München, Anne Roy.", "de")
    assert found["Peter Lund"]["title"] == "kanadischen Botschafter in Berlin"
    assert found["Anne Roy"]["title"] == "kanadischen Generalkonsul in München"


def test_an_ordinary_noun_after_laut_is_no_person():
    found = people("Die Firma ist laut Land der größte Arbeitgeber der Region.", "de")
    assert "Land" not in found


def test_a_genitive_place_after_von_is_no_part_of_the_organisation():
    found = extract_text("Eine Delegation des Provinzvolkskongresses von Bayerns Partnerprovinz Shandong kam.", "de", None)
    orgs = [f.text for f in found if f.kind == "organization"]
    assert orgs == ["Provinzvolkskongresses"]
    assert "Bayerns" in [f.text for f in found if f.kind == "place"]


def test_a_later_mention_of_a_name_with_jr_refers_to_it():
    found = [f for f in extract_text("Governor Thomas J. Miller Jr. signed the accord. Governor Miller said it was "
                                     "a good day.", "en", None) if f.kind == "person"]
    assert [f.value.get("refers_to") for f in found if f.value["name"] == "Miller"] == ["Thomas J. Miller Jr."]
