"""rules-4: personal names without a title or cue word, decided with the list of ordinary
words derived from wordfreq (resources/dict/common_words_latin.txt).

The sentences here are written for the tests (not taken from the seeds, the held-out sets or
the public benchmarks).
"""

from __future__ import annotations

from briefbook.extract import EXTRACTOR_VERSION, dictionaries, extract_text


def people(text, lang):
    fs = extract_text(text, lang, None)
    for f in fs:
        assert text[f.start:f.end] == f.text
    return {f.value.get("name") for f in fs if f.kind == "person"}


def test_version():
    assert EXTRACTOR_VERSION.startswith("rules-")


def test_common_word_list_loaded():
    d = dictionaries.get()
    assert {"de", "en"} <= set(d.common_latin)
    assert "regierung" in d.common_latin["de"] and "strasse" in d.common_latin["de"]
    assert "street" in d.common_latin["en"]
    # surnames travel between languages, so they are not ordinary words
    assert "merkel" not in d.common_latin["de"] and "schmidt" not in d.common_latin["de"]


def test_two_rare_capitalised_words_are_a_name():
    # neither word is a given name in the list nor an ordinary German word
    assert "Ortwin Kellerbach" in people("Die Ausstellung wurde von Ortwin Kellerbach eröffnet.", "de")
    assert "Teodora Vasquina" in people("The award went to Teodora Vasquina last night.", "en")


def test_two_capitalised_ordinary_words_are_not_a_name():
    # ordinary nouns and adjectives, a quoted title, a place after "in", a sentence start
    assert not people("Die Firma baut eine neue Halle am Hafen.", "de")
    assert not people("Er las den Roman „Graue Wolkenburg“ zweimal.", "de")
    assert not people("The meeting of the Turbine Contract group ended.", "en")
    assert not people("Excellent Pizza and friendly staff.", "en")
    assert "Old Trafford" not in people("They played in Old Trafford on Sunday.", "en")


def test_german_compound_nouns_are_not_names():
    # the last part of the compound is an ordinary noun (Schlucht, Hersteller)
    assert not people("Wir wanderten durch die Felsschlucht Tiefengrund bis zum Abend.", "de")
    assert "Spielzeughersteller Mattenkorb" not in people("Der Spielzeughersteller Mattenkorb wächst.", "de")


def test_given_name_alone():
    assert "Melissa" in people("Melissa, please send me the file.", "en")
    assert "Katharina" in people("Im Sommer brachte Katharina ihre Tochter zur Welt.", "de")
    # a given name that is also an ordinary word, a month, or after St. is not a person
    assert not people("Will you call me tomorrow?", "en")
    assert not people("The report is due in August this year.", "en")
    assert not people("Die Kirche St. Peter wurde 1750 gebaut.", "de")
    assert not people("Es ist der erste Roman des Jahres.", "de")


def test_single_name_before_a_verb_of_saying():
    assert "Okonkwo" in people("The plan will fail, Okonkwo told reporters.", "en")
    assert "Ramelsberg" in people("Das reicht nicht, Ramelsberg erklärte das am Montag.", "de")


def test_german_subject_next_to_an_auxiliary():
    assert "Kolbinger" in people("Kolbinger war seit 2010 im Vorstand.", "de")
    assert "Halmbauerová" in people("Zuvor musste Halmbauerová noch eine Runde laufen.", "de")
    # an ordinary noun in the same position is not a person
    assert not people("Zuvor musste Geld gesammelt werden.", "de")


def test_names_listed_with_a_person():
    got = people("Tina Marsh, Orlowski und Feddersen kamen später.", "de")
    assert {"Tina Marsh", "Orlowski", "Feddersen"} <= got
    got = people("Dr. Karen Miles and Okafor signed the letter.", "en")
    assert "Okafor" in got
