"""Credits and titled people in Chinese text: a role glued to its name inside the credit
brackets ((记者王明 通讯员李华)) is a byline, 作者:佚名 ("anonymous") names no one, and the
body a title names (工业局|局长) is an organisation of the text (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def facts(text, lang, kind):
    return [f for f in extract_text(text, lang, None) if f.kind == kind]


def test_glued_roles_in_credit_brackets_are_bylines():
    people = {f.value["name"]: f.value.get("title") for f in facts("两市将加强合作。(记者王明 通讯员李华)", "zh-Hans", "person")}
    assert people == {"王明": "记者", "李华": "通讯员"}
    # a role with a one-character word after it is no byline (记者会 is a press conference)
    assert not facts("双方举行(记者会)。", "zh-Hans", "person")


def test_anonymous_is_no_one():
    assert not any(f.value["name"] == "佚名" for f in facts("作者:佚名 来源:东方日报\n两市签约。", "zh-Hans", "person"))


def test_the_body_a_title_names_is_an_organisation():
    text = "訪問團由工業局局長陳大明率領。"
    people = facts(text, "zh-Hant", "person")
    assert [(p.value["name"], p.value.get("org")) for p in people] == [("陳大明", "工業局")]
    assert "工業局" in {f.text for f in facts(text, "zh-Hant", "organization")}


def test_the_reporter_of_a_wire_dateline():
    people = {f.value["name"]: (f.value.get("title"), f.value.get("org"))
              for f in facts("(中央社記者洪大明東京5日電)訪問團今天抵達。", "zh-Hant", "person")}
    assert people["洪大明"] == ("記者", "中央社")


def test_a_verb_before_the_organisation_of_a_title_is_cut():
    text = "部長王小明率領經濟部次長李大華訪日。"
    people = {f.value["name"]: (f.value.get("title"), f.value.get("org")) for f in facts(text, "zh-Hant", "person")}
    assert people["李大華"] == ("次長", "經濟部")
    assert not any("率領" in f.text for f in facts(text, "zh-Hant", "organization"))
