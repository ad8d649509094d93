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


def orgs_en(text: str) -> list[str]:
    return [f.text for f in extract_text(text, "en", None) if f.kind == "organization"]


def test_the_host_of_a_mail_address_is_no_organisation():
    facts = extract_text("Michael Olsen@ENRON wrote to the team. Mail sales@AcmeCorp.com or see www.AcmeCorp.com.",
                         "en", None)
    assert [f.text for f in facts if f.kind in ("organization", "place")] == []
    # the name before the "@" stays
    assert "Michael Olsen" in [f.value["name"] for f in facts if f.kind == "person"]


def test_a_news_agency_in_a_dateline_is_an_organisation():
    assert "dpa" in orgs("Hamburg (dpa) - Die Bahn streikt am Montag.")
    assert "AFP" in orgs_en("PARIS (AFP) - The talks ended on Monday.")


def test_a_gloss_in_brackets_spaced_or_not_keeps_a_name():
    # ordinary words and a head are a name of news text (Chamber of Commerce, Supreme Court)
    assert orgs_en("The Chamber of Commerce and the Supreme Court agreed.") == ["Chamber of Commerce", "Supreme Court"]
    assert orgs("Das Bundesamt für Gesundheit ( BAG ) hat gewarnt.")[0] == "Bundesamt für Gesundheit"
    assert orgs("Das Bundesamt für Gesundheit (BAG) hat gewarnt.")[0] == "Bundesamt für Gesundheit"


def _orgs_of(text, lang="de"):
    from briefbook.extract import extract_text

    return {f.text for f in extract_text(text, lang, None) if f.kind == "organization"}


def test_a_head_noun_with_an_ordinary_genitive_tail_is_no_name():
    for text in ("Sie kümmerte sich um die Organisation der Spiele.", "Er übernahm das Amt des Kämmerers.",
                 "Das ist eine Bewegung der Kulisse."):
        assert not _orgs_of(text), text
    # a name, a place or another organisation's head in the tail makes it one
    assert "Untergremium des chinesischen Rats zur internationalen Wirtschaftsförderung Shandong" in _orgs_of(
        "Das Untergremium des chinesischen Rats zur internationalen Wirtschaftsförderung Shandong lud ein.")


def test_and_after_a_bare_head_noun_starts_another_name():
    assert "Polizei und SA" not in _orgs_of("Gegner wurden durch Polizei und SA verfolgt.")
    assert "Industrie- und Handelskammer Region Stuttgart" in _orgs_of(
        "Vertreter der Industrie- und Handelskammer Region Stuttgart kamen.")


def test_a_birthday_is_no_parliament():
    assert not _orgs_of("Zum Geburtstag von Anna Weber kamen viele Gäste.")
    assert "Bundestag" in _orgs_of("Der Bundestag stimmte zu.")
