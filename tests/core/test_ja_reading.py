"""Japanese readings and Hepburn romaji from the shipped IPAdic readings."""

from __future__ import annotations

import pytest

from briefbook.core import ja_reading


@pytest.mark.parametrize("kana, romaji", [
    ("トウキョウ", "tokyo"), ("さとう", "sato"), ("ユウコ", "yuko"), ("オオノ", "ono"),
    ("イノウエ", "inoue"),  # u before a vowel is no long vowel
    ("オオウチ", "ouchi"),  # one long vowel per vowel
    ("マッチャ", "matcha"), ("ハットリ", "hattori"), ("シンイチ", "shinichi"), ("キュウシュウ", "kyushu"),
    ("ジェトロ", "jetoro"), ("ラーメン", "ramen"),
])
def test_kana_in_passport_hepburn(kana, romaji):
    assert ja_reading.kana_to_romaji(kana) == romaji


def test_kana_with_other_letters_has_no_reading():
    assert ja_reading.kana_to_romaji("トヨタA") == ""


@pytest.mark.parametrize("name, family, given", [
    ("佐々木伸彦", "sasaki", "nobuhiko"),
    ("佐佐木伸彦", "sasaki", "nobuhiko"),  # a doubled kanji spelt out as Chinese text writes it
    ("二階俊博", "nikai", "toshihiro"),
    ("林芳正", "hayashi", "yoshimasa"),  # the family name's common reading, not only the one marked
    ("安倍晋三", "abe", "shinzo"),  # a given name not listed, read from its kanji inside other names
])
def test_names_are_cut_into_family_and_given_name(name, family, given):
    assert ja_reading.name_romaji(name) == (family, given)


def test_a_kanji_no_word_covers_gives_no_reading_rather_than_a_guess():
    assert ja_reading.segment("東京\U00020bb7") is None
    assert ja_reading.reading_romaji("東京\U00020bb7") == []


def test_text_is_cut_into_words_with_kana_read_as_written():
    assert ja_reading.reading_romaji("トヨタ自動車") == ["toyota", "jidosha"]
    assert [w for w, _ in ja_reading.segment("東京の大学")] == ["東京", "の", "大学"]


def test_names_are_romanised_family_name_first_in_the_book():
    from briefbook.export.locale import romanise_japanese, romanise_name

    assert romanise_name("佐々木伸彦", "ja") == "Sasaki Nobuhiko"
    assert romanise_japanese("トヨタ自動車") == "Toyota Jidosha"
    assert romanise_japanese("東京\U00020bb7") == ""
