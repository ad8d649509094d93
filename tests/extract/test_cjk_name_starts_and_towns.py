"""Given names that open with a character that usually starts the next word (王一鸣 but
王刚|一行; 须藤|和臣 but 市长铃木|和), counted nouns whose modifier is a word of its own
(与会|代表), and towns no list holds (made-up sentences)."""

from __future__ import annotations

from briefbook.extract import extract_text


def facts(text: str, lang: str, kind: str) -> dict[str, dict]:
    got = extract_text(text, lang, None)
    for f in got:
        assert text[f.start:f.end] == f.text
    return {(f.value.get("name") or f.text): f.value for f in got if f.kind == kind}


def test_yi_opens_a_chinese_given_name_before_another_given_character():
    assert "周一鸣" in facts("市长周一鸣会见了日本客人。", "zh-Hans", "person")
    assert "周一鸣" in facts("会见时,周一鸣指出,两市友好往来密切。", "zh-Hans", "person")


def test_yi_before_a_word_ends_the_name():
    people = facts("市长王刚一行访问了东京,李强一同前往。", "zh-Hans", "person")
    assert "王刚" in people and not any("一" in name for name in people)
    # 周一 before 上午 is a weekday, no name
    assert not facts("周一上午,代表团抵达大阪。", "zh-Hans", "person")


def test_a_japanese_given_name_may_open_with_he():
    people = facts("知事與議長須藤和臣晤談。", "zh-Hant", "person")
    assert people["須藤和臣"]["title"] == "議長"


def test_he_before_a_title_is_and():
    people = facts("市長鈴木和議長田中出席。", "zh-Hant", "person")
    assert "鈴木和議" not in people and "田中" in people


def test_a_count_keeps_its_modifier_word_whole():
    counts = facts("与会代表300余名参加了论坛。", "zh-Hans", "count")
    assert list(counts) == ["代表300余名"] and counts["代表300余名"]["value"] == 300
    # a modifier that is no word with the character before it is still taken
    assert "投资项目120个" in facts("共有投资项目120个落地。", "zh-Hans", "count")


def test_an_unlisted_town_after_a_verb_of_travel_is_a_place():
    places = facts("代表团前往伊佐市友好交流。", "zh-Hans", "place")
    assert "伊佐市" in places
    assert "伊佐" not in facts("代表团前往伊佐市友好交流。", "zh-Hans", "person")
    # ordinary words ending in 市 are no towns
    assert not facts("他们前往大城市工作,在全市推广。", "zh-Hans", "place")


def test_a_body_glued_to_its_head_stays_whole_in_the_title():
    people = facts("會議由福岡縣商工觀光勞動部長山田太郎主持。", "zh-Hant", "person")
    assert people["山田太郎"]["title"] == "福岡縣商工觀光勞動部長" and people["山田太郎"]["org"] is None
    people = facts("並由中華民國駐名古屋辦事處長王大明致詞。", "zh-Hant", "person")
    assert people["王大明"]["title"] == "中華民國駐名古屋辦事處長"
    # a body named in full before its own head separates cleanly
    people = facts("經濟部工業局局長王大明出席。", "zh-Hant", "person")
    assert people["王大明"]["title"] == "局長" and people["王大明"]["org"] == "經濟部工業局"


def test_titles_joined_before_no_and_a_name_are_one_title_in_japanese():
    people = facts("5月3日、市委員会副書記、市長の王大明は代表団と会談した。", "ja", "person")
    assert people["王大明"]["title"] == "市委員会副書記、市長" and people["王大明"]["org"] is None
    # one title before の keeps its organisation
    people = facts("トヨタ自動車副社長の佐藤一郎氏が出席した。", "ja", "person")
    assert people["佐藤一郎"]["title"] == "副社長" and people["佐藤一郎"]["org"] == "トヨタ自動車"


def test_a_place_that_opens_with_a_stop_character_stays_whole_in_an_organisation():
    orgs = facts("雙方將於明日在和歌山縣廳簽署備忘錄。", "zh-Hant", "organization")
    assert "和歌山縣廳" in orgs and "山縣廳" not in orgs


def test_an_abbreviation_given_after_an_organisation_names_it_on_its_own():
    text = "台日青年交流推動辦公室(TYEO)成立。TYEO今年將舉辦三場活動。"
    orgs = facts(text, "zh-Hant", "organization")
    assert "TYEO" in orgs
    # capitals in parentheses after no organisation are no name
    assert "ABC" not in facts("他說(ABC)很好。ABC也來了。", "zh-Hant", "organization")


def test_a_tagged_organisation_never_ends_on_an_opening_bracket():
    from briefbook.extract.ja.tagged import _closed_bracket
    from briefbook.extract.tagger import TaggedSpan

    text = "山田ゴム(広州)の社長と山田ゴム(の"
    closed = _closed_bracket(text, TaggedSpan(0, 5, "organization", 0.9))
    assert text[closed.start:closed.end] == "山田ゴム(広州)"
    cut = _closed_bracket(text, TaggedSpan(12, 17, "organization", 0.9))
    assert text[cut.start:cut.end] == "山田ゴム"


def test_a_titled_person_leading_a_body_is_no_part_of_its_name():
    text = "町议长松本雅章率政府和经济界代表访问长春。"
    assert facts(text, "zh-Hans", "person")["松本雅章"]["title"] == "议长"
    assert not any("雅章" in name for name in facts(text, "zh-Hans", "organization"))


def test_a_township_named_before_its_heads_title_joins_the_title():
    # Taiwanese townships: the town no list holds and the suffix its head's title repeats
    def titles(text, lang="zh-Hant"):
        return {f.value["name"]: f.value.get("title") for f in extract_text(text, lang, None) if f.kind == "person"}

    assert titles("魚池鄉鄉長劉啟帆今天率團訪問。") == {"劉啟帆": "魚池鄉鄉長"}
    assert titles("南投縣魚池鄉鄉長劉啟帆今天率團訪問。") == {"劉啟帆": "魚池鄉鄉長"}
    assert titles("在魚池鄉鄉長劉啟帆陪同下抵達。") == {"劉啟帆": "魚池鄉鄉長"}
    # Japanese copy writes the township's head as 郷長 after the name
    assert titles("吉安郷の游淑貞郷長ら約20人が訪日した。", "ja") == {"游淑貞": "郷長"}
