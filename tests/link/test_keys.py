"""Keys that make two spellings of one name compare equal (or nearly)."""

from __future__ import annotations

import pytest

from briefbook.link.dictionary import alias_dictionary
from briefbook.link.keys import inflection_key, match_key, org_core_key, place_core_key, script_of
from briefbook.link.romanise import (
    fold_romaji,
    japanese_match,
    latin_name_keys,
    pinyin_match,
    pinyin_name_keys,
    starts_with_japanese_surname,
    to_japanese_kanji,
)


def test_traditional_and_simplified_share_a_key():
    assert match_key("張琳") == match_key("张琳")
    assert match_key("日本貿易振興機構") == match_key("日本贸易振兴机构")
    assert match_key("ＪＥＴＲＯ") == match_key("jetro")
    assert script_of("張琳") == "Hant" and script_of("张琳") == "Hans" and script_of("Liu Jiayi") == "Latn"


@pytest.mark.parametrize("name, japanese", [
    ("佐佐木伸彦", True), ("佐々木伸彦", True),  # 々 spelt out
    ("渡边一郎", True), ("渡邊一郎", True), ("渡辺一郎", True),  # Simplified, Traditional, Japanese forms
    ("铃木太郎", True), ("鈴木太郎", True), ("高桥", False),  # two characters: no given name
    ("王建国", False), ("李干杰", False), ("欧阳修", False)])
def test_a_japanese_family_name_is_found_in_any_spelling(name, japanese):
    assert starts_with_japanese_surname(name) is japanese


@pytest.mark.parametrize("han, latin", [("刘家义", "Liu Jiayi"), ("刘家义", "Jiayi Liu"), ("李干杰", "Li Ganjie"),
                                        ("劉家義", "LIU Jia-yi"), ("张琳", "Zhang Lin")])
def test_pinyin_keys(han, latin):
    assert pinyin_name_keys(han) & latin_name_keys(latin)
    assert pinyin_match(han, latin) >= 0.8


def test_pinyin_prefers_surname_first_and_rejects_other_names():
    assert pinyin_match("刘家义", "Liu Jiayi") > pinyin_match("刘家义", "Jiayi Liu")
    assert pinyin_match("刘家义", "Li Ganjie") == 0
    assert pinyin_match("李干杰", "Toshihiro Nikai") == 0


@pytest.mark.parametrize("kanji, latin", [
    ("二阶俊博", "Toshihiro Nikai"), ("二阶俊博", "Nikai Toshihiro"), ("二階俊博", "Toshihiro Nikai"),
    ("佐佐木伸彦", "Sasaki Nobuhiko"), ("佐々木伸彦", "Sasaki Nobuhiko"), ("佐々木伸彦", "Nobuhiko Sasaki"),
    ("鸠山友纪夫", "Yukio Hatoyama"), ("牧原秀树", "Hideki Makihara"), ("横井裕", "Yutaka Yokoi"),
])
def test_japanese_readings(kanji, latin):
    conf = japanese_match(kanji, latin)
    assert 0.7 <= conf < 0.95  # a reading is evidence, never certainty


def test_japanese_reading_mismatches():
    assert japanese_match("二阶俊博", "Yukio Hatoyama") == 0
    assert japanese_match("鸠山友纪夫", "Toshihiro Nikai") == 0
    assert japanese_match("刘家义", "Liu Jiayi") == 0


def test_romaji_folding_and_kanji_forms():
    assert fold_romaji("Ōno") == fold_romaji("Ohno") == fold_romaji("Ono") == fold_romaji("Oono")
    assert fold_romaji("Shinzou") == fold_romaji("Shinzo")
    assert fold_romaji("Yuuki") == fold_romaji("Yuki")
    assert to_japanese_kanji("佐々木") == "佐佐木"
    assert to_japanese_kanji("二阶俊博") == "二階俊博"


@pytest.mark.parametrize("kind, names", [
    ("organization", ["JETRO", "日本贸易振兴机构", "日本貿易振興機構", "Japan External Trade Organization"]),
    ("organization", ["中国贸促会", "CCPIT", "中国国际贸易促进委员会", "中國貿促會"]),
    ("organization", ["Keidanren", "日本经济团体联合会", "経団連"]),
    ("organization", ["ORIX", "欧力士", "歐力士", "オリックス"]),
    ("organization", ["Suntory", "三得利", "サントリー"]),
    ("organization", ["LDP", "自民党", "日本自民党", "Liberaldemokratische Partei", "Liberaldemokratischen Partei Japans"]),
    ("place", ["Tokyo", "东京", "東京", "Tokio"]),
    ("place", ["Qingdao", "青岛", "青島"]),
    ("place", ["China", "中国", "中國"]),
])
def test_dictionary_groups(kind, names):
    d = alias_dictionary()
    found = [d.lookup(kind, n)[0] for n in names]
    assert all(e is not None for e in found)
    assert len({id(e) for e in found}) == 1


def test_weaker_keys():
    assert inflection_key("Liberaldemokratischen Partei") == inflection_key("Liberaldemokratische Partei")
    assert inflection_key("CPC-Komitees der Provinz Shandong") == inflection_key("CPC-Komitee der Provinz Shandong")
    assert org_core_key("歐力士集團") == match_key("欧力士")
    assert org_core_key("ORIX Corporation") == "orix"
    assert org_core_key("伊藤忠(中国)") == ""
    assert place_core_key("青岛市") == "青岛"
    assert place_core_key("大阪府") == ""


@pytest.mark.parametrize("name, nominative", [
    ("Bayerischen Landtag", "Bayerischer Landtag"), ("Bayerische Landtag", "Bayerischer Landtag"),
    ("Bayerischen Landtags", "Bayerischer Landtag"), ("Bayerischer Landtag", "Bayerischer Landtag"),
    ("Bayerischen Staatsregierung", "Bayerische Staatsregierung"),
    ("Europäischen Parlaments", "Europäisches Parlament"),
    ("Bayerischen Staatsministeriums für Wirtschaft", "Bayerisches Staatsministerium für Wirtschaft"),
    ("Liberaldemokratischen Partei Japans", "Liberaldemokratische Partei Japans"),
    ("Volkskongresses der Provinz Hebei", "Volkskongress der Provinz Hebei"), ("Bundestages", "Bundestag"),
    ("Kongress", "Kongress"), ("Ausschuss für Wirtschaft", "Ausschuss für Wirtschaft"),
    # not of that shape, or a head noun of unknown gender: as written
    ("Hamburger Sparkasse", "Hamburger Sparkasse"), ("Vereinten Nationen", "Vereinten Nationen"),
    ("Robert Bosch GmbH", "Robert Bosch GmbH"), ("Grünen", "Grünen"),
])
def test_german_organisations_named_in_the_nominative(name, nominative):
    from briefbook.link.keys import german_nominative

    assert german_nominative(name) == nominative
