"""Japanese copy of Chinese news: "name・title", the title opening with its place or its
organisation (made-up sentences)."""

from __future__ import annotations

from extract_helpers import people_titles

from briefbook.extract import extract_text


def people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return people_titles(text, "ja")


def test_a_place_before_the_title_stays_in_the_title():
    got = people("開幕式には王建国・福建省副省長、鈴木一郎・静岡県知事らが出席した。")
    assert got["王建国"] == ("福建省副省長", None)
    assert got["鈴木一郎"] == ("静岡県知事", None)


def test_an_organisation_before_the_title_is_the_persons_organisation():
    text = "李明華・江蘇省政府副秘書長が挨拶した。"
    got = people(text)
    assert got["李明華"] == ("副秘書長", "江蘇省政府")
    orgs = {f.value["name"] for f in extract_text(text, "ja", None) if f.kind == "organization"}
    assert not any("・" in o for o in orgs)  # never read across the dot


def test_words_that_are_no_names_before_the_dot_are_not_people():
    got = people("彼は主演・監督を務め、政治家・貴族院議員として知られた。")
    assert "主演" not in got and "政治家" not in got
    # two places joined by the dot are no person either
    assert "山東" not in people("山東・山口環境協力会議が開かれた。")


def test_a_chinese_name_with_its_kana_reading_before_the_title():
    got = people("訪問先で周春米(しゅうしゅんまい)県長と面会した。")
    assert got["周春米"] == ("県長", None)
    assert people("市政府を訪れ、黄敏恵（こうびんけい）市長と意見交換した。")["黄敏恵"] == ("市長", None)
    # a reading after a word that is no name, or with no title after it, makes no person
    assert not people("日月潭(にちげつたん)観光を楽しんだ。")


def test_a_place_of_a_county_is_no_person():
    assert not people("東部・花蓮県吉安郷は22日、北海道の町と協定を締結した。")
