"""Places and titles of English news about South-East Asia and Taiwan (made-up
sentences): Vietnamese provinces and Malaysian states from the gazetteer, the Republic of
China as its own place, a numbered park kept whole, "Party Secretary" as a title and no
organisation, and a Chief Minister's title."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def found(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in extract_text(text, "en", None):
        out.setdefault(f.kind, set()).add(f.value.get("name") or f.text)
    return out


def test_provinces_and_states_from_the_gazetteer():
    got = found("Investors from Bac Ninh and Quang Nam toured Penang, Selangor and Putrajaya last week.")
    assert {"Bac Ninh", "Quang Nam", "Penang", "Selangor", "Putrajaya"} <= got["place"]
    assert not got.get("person")


def test_the_roc_is_a_place_of_its_own():
    got = found("The mayor flew to Taiwan, and the ROC government thanked him.")
    assert {"Taiwan", "ROC"} <= got["place"]


def test_a_numbered_park_stays_one_place():
    got = found("The province reserved the whole Tan Hiep 2 Industrial Park for firms from Osaka.")
    assert "Tan Hiep 2 Industrial Park" in got["place"]
    assert "Industrial Park" not in got["place"]


def test_party_secretary_is_a_title_not_an_organisation():
    got = found("The governor met the Fujian Party Secretary in March.")
    assert "Fujian Party" not in got.get("organization", set())


def test_a_chief_ministers_title_keeps_chief():
    people = {f.value["name"]: f.value for f in extract_text(
        "On Monday, Chief Minister of Sabah, Hajiji Noor, welcomed the delegation.", "en", None) if f.kind == "person"}
    assert people["Hajiji Noor"]["title"] == "Chief Minister of Sabah"


def test_a_venue_is_no_place():
    got = found("The two sides signed the memorandum at the Shangri-La Hotel in Penang on Friday.")
    assert "Penang" in got["place"]
    assert not any(p.startswith("Shangri-La") for p in got["place"])
