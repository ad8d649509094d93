"""rules-3: Japanese organisations, places, dates and amounts; events and agreements in
all languages; titles written directly before Latin names; glosses; short mentions.

The sentences here are written for the tests (not taken from the seeds or the held-out set).
"""

from __future__ import annotations

from briefbook.extract import EXTRACTOR_VERSION, extract_text


def facts(text, lang, published=None, kind=None):
    fs = extract_text(text, lang, published)
    for f in fs:
        assert text[f.start:f.end] == f.text
    return [f for f in fs if kind is None or f.kind == kind]


def names(text, lang, kind, published=None):
    return {f.value.get("name") for f in facts(text, lang, published, kind)}


def test_version():
    assert EXTRACTOR_VERSION.startswith("rules-")


def test_japanese_era_dates_and_relative_years():
    ds = {f.text: f.value["iso"] for f in facts("令和7年3月2日と平成30年、令和元年に会談し、来年も昨年も続く。",
                                                "ja", "2025-05-01", "date")}
    assert ds["令和7年3月2日"] == "2025-03-02"
    assert ds["平成30年"] == "2018"
    assert ds["来年"] == "2026" and ds["昨年"] == "2024"
    # Japanese 前年 in 前年比 is "the year before", not a date two years back
    assert not [f for f in facts("輸出は前年比3.2%増えた。", "ja", "2025-05-01", "date")]


def test_japanese_amounts_counts_and_places():
    amts = {f.text: (f.value["value"], f.value["currency"]) for f in facts("売上は2兆3500億円、投資は45億ドル。", "ja",
                                                                         None, "amount")}
    assert amts["2兆3500億円"] == (2_350_000_000_000, "JPY")
    assert amts["45億ドル"] == (4_500_000_000, "USD")
    c = facts("県内に進出した企業は約1,500社に上る。", "ja", None, "count")
    assert c and c[0].value["value"] == 1500 and c[0].value["approx"] == "about"
    pl = names("静岡県の知事はマレーシアのクアラルンプールと福井市を訪れた。", "ja", "place")
    assert {"静岡県", "マレーシア", "クアラルンプール"} <= pl


def test_japanese_organisations_and_people():
    text = "外務省の高橋誠一大臣は、株式会社東芝と丸紅株式会社の幹部、インドネシア投資省のアディ・サプトラ大臣と会談した。"
    orgs = names(text, "ja", "organization")
    assert {"外務省", "株式会社東芝", "丸紅株式会社", "インドネシア投資省"} <= orgs
    ppl = {f.value["name"]: (f.value["title"], f.value["org"]) for f in facts(text, "ja", None, "person")}
    assert ppl["高橋誠一"] == ("大臣", "外務省")
    assert ppl["アディ・サプトラ"] == ("大臣", "インドネシア投資省")
    assert "江蘇省商務庁" in names("江蘇省商務庁の王明庁長が来日した。", "ja", "organization")


def test_later_short_mention_refers_to_full_name():
    fs = facts("外務省の高橋誠一大臣が訪問した。高橋大臣は「協力を深めたい」と述べた。", "ja", None, "person")
    short = [f for f in fs if f.value["name"] == "高橋"]
    assert short and short[0].value["refers_to"] == "高橋誠一"


def test_chinese_org_never_takes_the_title():
    orgs = names("广东省商务厅厅长李明和外交部副部长张伟出席。", "zh-Hans", "organization")
    assert {"广东省商务厅", "外交部"} <= orgs
    assert not any(o.endswith(("厅厅", "副部")) for o in orgs)
    # a place and the field of a public body make a name
    assert "香港贸易发展局" in names("香港贸易发展局与沙特投资部签署协议。", "zh-Hans", "organization")


def test_no_foreign_name_inside_ordinary_words():
    assert not names("两国交流更加密切，合作更加紧密。", "zh-Hans", "person")
    assert "田纳西·威廉斯" in names("影片改编自田纳西·威廉斯的剧本。", "zh-Hans", "person")


def test_chinese_events_and_agreements():
    text = "5月8日，“湖北—萨克森经贸合作洽谈会”在武汉开幕。双方签署了《关于深化汽车产业合作的谅解备忘录》。相关活动持续三天。"
    ev = facts(text, "zh-Hans", "2025-05-10", "event")
    assert [e.value["name"] for e in ev] == ["湖北—萨克森经贸合作洽谈会"]
    assert ev[0].value["date"] == "2025-05-08" and ev[0].value["place"] == "武汉"
    ag = facts(text, "zh-Hans", "2025-05-10", "agreement")
    assert [a.text for a in ag] == ["关于深化汽车产业合作的谅解备忘录"]
    # a count of signed projects is not an agreement
    assert not facts("现场签约项目32个。", "zh-Hans", None, "agreement")


def test_japanese_agreements_and_events():
    text = "両市は観光交流の促進に関する覚書に署名した。10月には福岡で「日韓観光フォーラム」を開催する。"
    ag = [f.text for f in facts(text, "ja", "2025-08-01", "agreement")]
    assert "観光交流の促進に関する覚書" in ag
    ev = facts(text, "ja", "2025-08-01", "event")
    assert ev and ev[0].value["name"] == "日韓観光フォーラム" and ev[0].value["place"] == "福岡"
    assert ev[0].value["date"] == "2025-10"


def test_german_and_english_agreements():
    de = facts("In Hamburg unterzeichneten die Hafenbehörde und die Reederei eine Absichtserklärung über "
               "den Ausbau der Terminals. Danach ging es weiter.", "de", None, "agreement")
    assert [f.text for f in de] == ["Absichtserklärung über den Ausbau der Terminals"]
    en = facts("The Ghana Investment Promotion Centre signed a memorandum of understanding with Acme Holdings "
               "on Monday.", "en", None, "agreement")
    assert en and en[0].text.startswith("memorandum of understanding")
    assert "Ghana Investment Promotion Centre" in en[0].value["parties"]


def test_latin_events_with_date_and_place():
    ev = facts("Ministers met in Nairobi on June 3 for the East Africa Energy Summit. Later they left.", "en",
               "2025-06-05", "event")
    assert ev and ev[0].value["name"] == "East Africa Energy Summit"
    assert ev[0].value["date"] == "2025-06-03" and ev[0].value["place"] == "Nairobi"


def test_latin_title_directly_before_name_and_glosses():
    ppl = {f.value["name"]: f.value["title"] for f in facts(
        "Die Delegation traf Vizegouverneur Wang Lei und Wirtschaftsministerin Anna Berg.", "de", None, "person")}
    assert ppl == {"Wang Lei": "Vizegouverneur", "Anna Berg": "Wirtschaftsministerin"}
    text = ("The Export Development Board (EDB) and the Trade Council signed a deal. "
            "EDB chairman Peter Lang said more would follow.")
    orgs = [f for f in facts(text, "en", None, "organization")]
    assert {"Export Development Board", "Trade Council"} <= {f.value["name"] for f in orgs}
    edb = [f for f in orgs if f.value["name"] == "EDB"]
    assert len(edb) == 1 and text[edb[0].start - 1] != "("  # the gloss is not its own organisation


def test_latin_relative_years_and_bare_months():
    ds = {f.text: f.value["iso"] for f in facts("Exports rose last year and the fair opens in May.", "en",
                                                "2025-02-01", "date")}
    assert ds == {"last year": "2024", "May": "2025-05"}
    ds = {f.text: f.value["iso"] for f in facts("Der Umsatz stieg im vergangenen Jahr deutlich.", "de",
                                                "2025-02-01", "date")}
    assert ds == {"im vergangenen Jahr": "2024"}


def test_more_currencies():
    a = facts("Exports were worth A$12.5 billion.", "en", None, "amount")
    assert a and a[0].value == {"value": 12_500_000_000, "currency": "AUD"}


def test_titles_keep_a_place_written_before_them():
    ppl = {f.value["name"]: f.value["title"] for f in facts("珠海市长李明会见了代表团。", "zh-Hans", None, "person")}
    assert ppl == {"李明": "珠海市长"}
    ppl = {f.value["name"]: f.value["title"] for f in facts(
        "Canada's Minister of International Trade, Mary Brown, met Trade Minister Tom Lee in Seoul.", "en", None,
        "person")}
    assert ppl == {"Mary Brown": "Canada's Minister of International Trade", "Tom Lee": "Trade Minister"}
    ppl = {f.value["name"]: (f.value["title"], f.value["org"]) for f in facts(
        "Die Reise leitete Jan Vogel, Staatssekretär im Bundesministerium für Bildung und Forschung.", "de", None,
        "person")}
    assert ppl["Jan Vogel"] == ("Staatssekretär", "Bundesministerium für Bildung und Forschung")
