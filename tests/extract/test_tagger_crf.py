"""The CRF taggers (extract/tagger/crf.py) and how their spans join the rules."""

from __future__ import annotations

import pytest
from extract_helpers import FixedTagger

from briefbook.extract import extract_text
from briefbook.extract.tagger import KINDS, crf, register, tagger_for

SENTENCES = {
    "de": "Die Bürgermeisterin Anna Keller aus Freiburg traf am Montag Vertreter der Siemens AG.",
    "en": "Mayor Anna Keller of Springfield met representatives of General Motors on Monday.",
    "ja": "山田太郎社長は東京で株式会社サンプル商事の幹部と会談した。",
}



@pytest.fixture
def restore_taggers():
    yield
    for lang in ("de", "en", "ja"):
        register(lang, crf._factory(lang))


@pytest.mark.parametrize("lang", ["de", "en", "ja"])
def test_model_loads_and_tags_exact_spans(lang):
    tagger = tagger_for(lang)
    assert isinstance(tagger, crf.CrfTagger) and tagger.name == f"crf-{lang}"
    text = SENTENCES[lang]
    spans = tagger.tag(text)
    assert spans
    for t in spans:
        assert t.kind in KINDS and 0.0 <= t.score <= 1.0
        assert 0 <= t.start < t.end <= len(text)
        piece = text[t.start:t.end]
        assert piece == piece.strip() and "。" not in piece
        if lang != "ja":  # whole words, never a part of one
            assert (t.start == 0 or not text[t.start - 1].isalnum()) and \
                (t.end == len(text) or not text[t.end].isalnum())


@pytest.mark.parametrize("lang", ["de", "en", "ja"])
def test_tagger_facts_point_at_their_text(lang):
    text = SENTENCES[lang]
    facts = extract_text(text, lang, None)
    tagged = [f for f in facts if f"tagger:crf-{lang}" in f.value.get("signals", [])]
    assert tagged
    for f in facts:
        assert f.text == text[f.start:f.end]


def test_offsets_stay_code_points_after_astral_characters():
    text = "😀😀 Treffen in Freiburg mit Anna Keller von der Siemens AG."
    for t in tagger_for("de").tag(text):
        assert text[t.start:t.end] == text[t.start:t.end].strip()
        assert text[t.start].isupper()


def test_missing_model_leaves_the_rules(tmp_path, monkeypatch, restore_taggers):
    text = "Bundeskanzlerin Angela Merkel sprach am Montag in Berlin."
    monkeypatch.setattr(crf, "model_path", lambda lang: tmp_path / lang / "crf.crfsuite")
    for lang in ("de", "en", "ja"):
        register(lang, crf._factory(lang))
        assert tagger_for(lang) is None
    facts = extract_text(text, "de", None)
    people = [f for f in facts if f.kind == "person"]
    assert [f.value["name"] for f in people] == ["Angela Merkel"]
    assert not any("signals" in f.value for f in facts)
    ja = extract_text("山田太郎社長は東京を訪れた。", "ja", None)
    assert any(f.kind == "place" and f.text == "東京" for f in ja)


@pytest.mark.parametrize("text, word", [
    ("Hoffnungsvoll Meyer sagte, es gehe voran.", "Hoffnungsvoll"),
    ("Gestern Abend sprach die Ministerin im Landtag.", "Gestern"),
])
def test_sentence_initial_ordinary_word_is_no_person(text, word):
    people = [f for f in extract_text(text, "de", None) if f.kind == "person"]
    assert not any(f.text.startswith(word) or f.value["name"].startswith(word) for f in people)




def entities(text, lang):
    return {(f.value.get("name") if f.kind == "person" else f.text, f.kind) for f in extract_text(text, lang, None)
            if f.kind in KINDS}


def test_a_rule_organisation_the_tagger_does_not_support_goes_unless_a_cue_stands_behind_it(restore_taggers):
    for lang in ("de", "en"):
        register(lang, lambda: FixedTagger([]))
    found = entities("Officials of the KRTB met officials of the United Nations on Monday.", "en")
    assert ("KRTB", "organization") not in found  # a bare acronym, nothing else for it
    assert ("United Nations", "organization") in found  # our dictionary lists it
    found = entities("The Export Development Board (EDB) met. EDB chairman Peter Lang spoke.", "en")
    # the name glossed in parentheses, and its acronym used alone later
    assert {("Export Development Board", "organization"), ("EDB", "organization")} <= found
    found = entities("Die Bundesärztekammer kritisierte die XRT.", "de")
    assert ("Bundesärztekammer", "organization") in found  # one compound word of an official body
    assert ("XRT", "organization") not in found
    found = entities("Wang Lei, Sekretär des KP-Komitees der Provinz Hebei, sprach.", "de")
    assert ("KP-Komitees der Provinz Hebei", "organization") in found  # the person's organisation


def test_a_confident_tagger_span_replaces_the_rule_spans_it_overlaps(restore_taggers):
    register("en", lambda: FixedTagger([("Chicago Fire", "organization", 0.9)]))
    found = entities("The coach of Chicago Fire resigned on Monday.", "en")
    assert ("Chicago Fire", "organization") in found
    assert ("Chicago", "place") not in found
    register("en", lambda: FixedTagger([("Chicago Fire", "organization", 0.3)]))
    assert ("Chicago", "place") in entities("The coach of Chicago Fire resigned on Monday.", "en")


def test_a_tagged_person_with_a_title_in_front_keeps_the_title_apart(restore_taggers):
    register("de", lambda: FixedTagger([("Abwehrchef Barletta", "person", 0.9)]))
    people = [f for f in extract_text("Abwehrchef Barletta sprach mit der Presse.", "de", None) if f.kind == "person"]
    assert [(f.value["name"], f.value["title"]) for f in people] == [("Barletta", "Abwehrchef")]


def test_a_rule_span_the_tagger_reads_as_two_names_is_split(restore_taggers):
    register("en", lambda: FixedTagger([("NY Times", "organization", 0.9), ("Washington Post", "organization", 0.9)]))
    found = entities("I read the NY Times and Washington Post every day.", "en")
    assert {("NY Times", "organization"), ("Washington Post", "organization")} <= found
    assert ("NY Times and Washington Post", "organization") not in found
    # one name inside a longer rule name does not cut it short
    register("en", lambda: FixedTagger([("Washington Post", "organization", 0.9)]))
    assert ("Washington Post Company", "organization") in entities("The Washington Post Company said so.", "en")


def test_a_name_read_with_its_head_noun_or_title_stands_against_the_tagger(restore_taggers):
    # a name of two kinds inside a rule organisation is no reason to split it
    register("de", lambda: FixedTagger([("Robert", "person", 0.9), ("Bosch GmbH", "organization", 0.9)]))
    found = entities("Die Robert Bosch GmbH baut ein Werk.", "de")
    assert ("Robert Bosch GmbH", "organization") in found and ("Robert", "person") not in found
    # an organisation's head noun keeps a name the tagger found nothing at
    register("de", lambda: FixedTagger([]))
    found = entities("Die Industrie- und Handelskammer Region Stuttgart lud ein.", "de")
    assert ("Industrie- und Handelskammer Region Stuttgart", "organization") in found
    # a person read with a title is not swallowed by a tagged organisation over it
    register("en", lambda: FixedTagger([("JETRO President Kenji Morita", "organization", 0.9)]))
    people = [f for f in extract_text("It was signed by JETRO President Kenji Morita in Sydney.", "en", None)
              if f.kind == "person"]
    assert [(f.value["name"], f.value["title"]) for f in people] == [("Kenji Morita", "President")]


def test_initials_and_abbreviations_keep_their_dot_as_in_the_training_sets():
    from briefbook.extract.tagger.crf_features import tokenize

    text = "Kevin A. Boone of Enron Corp. met Dr. Smith in the U.S. and went home."
    assert [text[a:b] for a, b in tokenize(text)] == \
        ["Kevin", "A.", "Boone", "of", "Enron", "Corp.", "met", "Dr.", "Smith", "in", "the", "U.S.", "and",
         "went", "home", "."]
    # the organisation's span takes its legal form with the dot
    orgs = [f.text for f in extract_text("The board approved the offer of Enron Corp. last week.", "en", None)
            if f.kind == "organization"]
    assert orgs == ["Enron Corp."]
