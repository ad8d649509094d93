"""An agreement's parties are those who sign it: not who witnesses the signing, not where it
is signed, not a name of another sentence; two companies joined by "and" are two
organisations (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def parties(text: str, lang: str) -> list[list[str]]:
    out = []
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "agreement":
            out.append(sorted(f.value.get("parties") or []))
    return out


def orgs(text: str, lang: str) -> list[str]:
    return [f.text for f in extract_text(text, lang, None) if f.kind == "organization"]


def test_a_witness_is_no_party():
    assert parties("In the presence of Governor Zhou Naixiang, Acme Corp and the Harbour Department of Commerce "
                   "signed an agreement.", "en") == [["Acme Corp", "Harbour Department of Commerce"]]
    assert parties("Beta Ltd and Acme Corp signed the deal in the presence of Mayor Li Qiang.", "en") == \
        [["Acme Corp", "Beta Ltd"]]
    # German verb-second: the witness phrase runs up to the verb
    assert parties("Im Beisein von Ministerpräsident Markus Söder unterzeichneten die Siemens AG und die "
                   "Bosch GmbH eine Absichtserklärung.", "de") == [["Bosch GmbH", "Siemens AG"]]
    assert parties("在周乃翔省长见证下，山东省商务厅与青岛市商务局签署合作协议。", "zh-Hans") == \
        [["山东省商务厅", "青岛市商务局"]]
    assert parties("鈴木知事の立ち会いのもと、トヨタ自動車と青島市が協定に署名した。", "ja") == \
        [["トヨタ自動車", "青島市"]]


def test_the_venue_is_no_party():
    assert parties("Siemens and Haier signed a cooperation agreement at the Kempinski Hotel in Qingdao.", "en") == \
        [["Haier", "Siemens"]]
    assert parties("山东省与巴伐利亚州在济南签署友好合作协议。", "zh-Hans") == [["山东省", "巴伐利亚州"]]
    # the place where it is signed is no part of what is signed either
    facts = [f for f in extract_text("トヨタ自動車と青島市が東京で協定に署名した。", "ja", None) if f.kind == "agreement"]
    assert [f.text for f in facts] == ["協定"]
    assert sorted(facts[0].value["parties"]) == ["トヨタ自動車", "青島市"]


def test_a_name_of_the_sentence_before_is_no_party():
    text = "The guests met John Smith in Shanghai. Acme Corp and Beta Ltd signed an agreement on Monday."
    assert parties(text, "en") == [["Acme Corp", "Beta Ltd"]]


def test_two_companies_joined_by_and_are_two():
    assert orgs("Acme Corp and Beta Ltd signed the deal.", "en") == ["Acme Corp", "Beta Ltd"]
    assert orgs("Siemens AG und Bosch GmbH unterzeichneten eine Vereinbarung.", "de") == ["Siemens AG", "Bosch GmbH"]
    # "and" inside one name still joins it
    assert orgs("China Road and Bridge Corporation won the tender.", "en") == ["China Road and Bridge Corporation"]


def test_a_name_ending_in_international_is_an_organisation():
    # not the place its first word names
    assert orgs("Bayern International organises the trip.", "en") == ["Bayern International"]
    assert orgs("Bayern International organisiert die Reise.", "de") == ["Bayern International"]
    # in the middle of a longer name it is no head of its own
    found = orgs("They landed at Beijing International Airport.", "en")
    assert "Beijing International" not in found
