"""German organisation tails: where "in" and a determiner end a name (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def orgs(text: str) -> list[str]:
    return [f.text for f in extract_text(text, "de", None) if f.kind == "organization"]


def test_in_joins_a_country_but_not_the_seat_of_a_body():
    assert orgs("Das Auswärtige Amt in Berlin bestätigte die Angaben.") == ["Auswärtige Amt"]
    assert orgs("Der Vorsitzende der Evangelischen Kirche in Deutschland sprach.") == \
        ["Evangelischen Kirche in Deutschland"]


def test_a_possessive_after_the_connector_is_no_name():
    assert orgs("Der Konzern verschickte am Montag Nachrichten für seine Anleger.") == []
    assert orgs("Am Montag tagte der Rat für seine Mitglieder.") == []


def test_a_demonstrative_at_the_sentence_start_is_no_part_of_the_name():
    assert "Dieser Partei" not in orgs("Dieser Partei gehören viele Bürger an.")
