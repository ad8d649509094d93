"""An apposition's phrase after of/des ends where the sentence goes on: "governor of X
province led a delegation …" is titled "governor of X province", "Abgeordneten des
Bayerischen Landtags sowie von …" has the organisation "Bayerischen Landtags" (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def people(text, lang):
    return {f.value["name"]: (f.value.get("title"), f.value.get("org"))
            for f in extract_text(text, lang, None) if f.kind == "person"}


def test_an_english_apposition_stops_at_the_verb_and_the_date():
    got = people("Li Ming, governor of South China's Hainan province led a delegation to Osaka from May 2 to 5, "
                 "with the aim of trade. He met Taro Yamada, governor of Japan's Osaka prefecture on May 3.", "en")
    assert got["Li Ming"][0] == "governor of South China's Hainan province"
    assert got["Taro Yamada"][0] == "governor of Japan's Osaka prefecture"


def test_a_german_apposition_stops_at_the_conjunction():
    got = people("Der Minister wird von Anna Weber, Abgeordneten des Sächsischen Landtags sowie von Unternehmern begleitet.", "de")
    assert got["Anna Weber"] == ("Abgeordneten", "Sächsischen Landtags")
    # an adjective before its noun stays in the phrase
    got = people("Es sprach Wang Lei, Gouverneur der chinesischen Provinz Hubei, in Mainz.", "de")
    assert got["Wang Lei"][0].startswith("Gouverneur") and "Hubei" in (got["Wang Lei"][0] + (got["Wang Lei"][1] or ""))
