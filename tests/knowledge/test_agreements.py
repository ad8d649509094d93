"""The parties of an agreement are the sides the clause says signed it (knowledge/agreements.py),
in Chinese, English, German and Japanese; constructed sentences, none from a measured set."""

import re

import pytest

from briefbook.knowledge.agreements import signing_parties


def _parties(text: str, agreement: str, names: list[str], lang: str, occurrence: int = 0) -> list[str]:
    mentions = [(m.start(), m.end(), n) for n in names for m in re.finditer(re.escape(n), text)]
    start = [m.start() for m in re.finditer(re.escape(agreement), text)][occurrence]
    return signing_parties(text, start, start + len(agreement), mentions, lang)


@pytest.mark.parametrize(("text", "agreement", "names", "lang", "parties"), [
    # the host and the award winner earlier in the sentence are not parties
    ("在论坛开幕式上，青岛市政府为海尔集团颁奖，青岛市政府与三井物产签署了《战略合作协议》。", "战略合作协议",
     ["青岛市政府", "海尔集团", "三井物产"], "zh", ["青岛市政府", "三井物产"]),
    # two signings in one sentence: each has its own sides
    ("会上，甲公司、乙集团和丙银行共同签约新能源项目，丁公司、戊公司共同签约物流项目。", "新能源项目",
     ["甲公司", "乙集团", "丙银行", "丁公司", "戊公司"], "zh", ["甲公司", "乙集团", "丙银行"]),
    ("会上，甲公司、乙集团和丙银行共同签约新能源项目，丁公司、戊公司共同签约物流项目。", "物流项目",
     ["甲公司", "乙集团", "丙银行", "丁公司", "戊公司"], "zh", ["丁公司", "戊公司"]),
    # where it was signed is not who signed it
    ("济南市政府在北京与住友商事签订合作备忘录。", "合作备忘录", ["济南市政府", "北京", "住友商事"], "zh",
     ["济南市政府", "住友商事"]),
    # 等N家: the category noun after the list names no one; a list item the tagger missed is kept
    ("潍坊市政府与丰田通商、某某咨询公司、住友银行等3家企业共同签署框架协议。", "框架协议",
     ["潍坊市政府", "丰田通商", "住友银行"], "zh", ["潍坊市政府", "丰田通商", "某某咨询公司", "住友银行"]),
    ("双方签署了合作协议。", "合作协议", [], "zh", []),
    ("In the presence of the mayor of Qingdao, Siemens and the Bank of China signed a cooperation agreement.",
     "cooperation agreement", ["Qingdao", "Siemens", "Bank of China"], "en", ["Siemens", "Bank of China"]),
    ("Officials from Toyota attended as an agreement between Shandong Province and Yamaguchi Prefecture was signed.",
     "agreement", ["Toyota", "Shandong Province", "Yamaguchi Prefecture"], "en",
     ["Shandong Province", "Yamaguchi Prefecture"]),
    ("BASF has signed a supply contract with Wanhua Chemical in Yantai.", "supply contract",
     ["BASF", "Wanhua Chemical", "Yantai"], "en", ["BASF", "Wanhua Chemical"]),
    ("The memorandum was signed by Hitachi and the Qingdao Port Group after a visit by Sony.", "memorandum",
     ["Hitachi", "Qingdao Port Group", "Sony"], "en", ["Hitachi", "Qingdao Port Group"]),
    ("Die Stadt München und die Stadt Qingdao unterzeichneten im Rathaus eine Partnerschaft, Bosch war Gast.",
     "Partnerschaft", ["Stadt München", "Stadt Qingdao", "Bosch"], "de", ["Stadt München", "Stadt Qingdao"]),
    ("In Anwesenheit von Audi unterzeichneten Siemens und BASF eine Absichtserklärung.", "Absichtserklärung",
     ["Audi", "Siemens", "BASF"], "de", ["Siemens", "BASF"]),
    ("Am Montag wurde in Berlin eine Vereinbarung zwischen Daimler und BAIC unterzeichnet, die Audi begrüßte.",
     "Vereinbarung", ["Berlin", "Daimler", "BAIC", "Audi"], "de", ["Daimler", "BAIC"]),
    ("トヨタの社長が出席する中、山東省と山口県は友好協定に署名した。", "友好協定", ["トヨタ", "山東省", "山口県"], "ja",
     ["山東省", "山口県"]),
    ("日立は東京で青島港集団と覚書を締結した。", "覚書", ["日立", "東京", "青島港集団"], "ja", ["日立", "青島港集団"]),
])
def test_the_parties_are_the_signing_sides(text, agreement, names, lang, parties):
    assert _parties(text, agreement, names, lang) == parties


def test_a_sentence_in_another_sentence_does_not_lend_its_names():
    text = "丰田通商出席了会议。会后，青岛市政府与日立签署协议。"
    assert _parties(text, "协议", ["丰田通商", "青岛市政府", "日立"], "zh") == ["青岛市政府", "日立"]


def test_an_imported_article_s_agreement_statement_lists_only_the_signing_sides(tmp_path, capsys):
    from briefbook.cli import main
    from briefbook.store import knowledge as K
    from briefbook.store.db import open_library

    src = tmp_path / "a.txt"
    src.write_text("青岛签约活动\n\n2020年7月8日，在签约仪式上，青岛市政府为海尔集团颁奖，"
                   "青岛市政府与三井物产签署了《战略合作协议》。\n", encoding="utf-8")
    lib_path = tmp_path / "lib.briefbook"
    assert main(["import", "--library", str(lib_path), str(src)]) == 0
    capsys.readouterr()
    with open_library(lib_path) as lib:
        agreements = K.statement_rows(lib, ("agreement",))
    assert [a["args"]["parties"] for a in agreements if "战略合作协议" in a["args"]["subject"]] == \
        [["青岛市政府", "三井物产"]]
