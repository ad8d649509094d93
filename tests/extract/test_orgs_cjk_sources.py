"""The news source a Chinese or Japanese report names in its dateline or credit line is
an organisation: 中央社台北26日電, 【大紀元2月26日報導】, 中新社长春8月1日电, 记者 before the
place, 长江日报讯, 文章来源:X, (X) as a closing line, 「X」が伝えた / より (made-up text)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def orgs(text, lang):
    return {f.text for f in extract_text(text, lang, None) if f.kind == "organization"}


def test_wire_datelines_name_their_agency():
    assert "中央社" in orgs("(中央社記者王明台北14日電)經濟部今天表示歡迎。", "zh-Hant")
    got = orgs("【大紀元3月5日報導】(中央社台北5日電)市府將簽約。", "zh-Hant")
    assert {"大紀元", "中央社"} <= got
    got = orgs("新华社青岛5月2日电 (记者李华)青岛市活动开启。", "zh-Hans")
    assert "新华社" in got and not any(o.startswith("新华社青岛") for o in got)


def test_lead_ins_labels_and_closing_lines():
    got = orgs("作者:佚名 文章来源:东方经济网 点击数\n青岛日报讯(记者王明)代表团访问。\n(经济日报)\n", "zh-Hans")
    assert {"东方经济网", "青岛日报", "经济日报"} <= got
    assert "青岛日报讯" not in got


def test_japanese_credit_lines():
    got = orgs("大阪市を訪問した。「東方時報」が伝えた。会議は東京で開かれた。経済商報が伝えた。\n「新華網日本語版」より\n", "ja")
    assert {"東方時報", "経済商報", "新華網日本語版"} <= got


def test_friendship_associations_and_the_invitation_phrase():
    got = orgs("应北海道日中友协邀请,代表团访问札幌。应东京友好会馆的邀请出席。应急管理局表示支持。", "zh-Hans")
    assert {"北海道日中友协", "东京友好会馆", "应急管理局"} <= got
    assert not any(o.startswith("应北海道") or o.startswith("应东京") for o in got)


def test_companies_listed_after_their_generic_word():
    got = orgs("展團帶領台灣廠商華碩、宏碁、廣達等業者參展。", "zh-Hant")
    assert {"華碩", "宏碁", "廣達"} <= got
    # a list of places after the word is no list of companies
    assert not ({"北京", "上海"} & orgs("吸引企业北京、上海等地参展。", "zh-Hans"))


def test_generic_collectives_and_words_that_only_start_with_a_suffix():
    got = orgs("两市政府将继续支持两国地方政府合作,并欢迎第一批中国大学生代表团。富山縣黑部市市長致辭。", "zh-Hans")
    assert not any(o.startswith(("两市", "两国")) for o in got)
    assert not any("大学" in o for o in got) and not any(o.endswith("黑部") for o in got)


def test_japanese_text_keeps_a_mission_abroad():
    got = orgs("式典には中国駐名古屋総領事館の関係者と中国駐日本大使館の参事官が出席した。", "ja")
    assert {"中国駐名古屋総領事館", "中国駐日本大使館"} <= got
