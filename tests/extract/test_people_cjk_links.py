"""A person's organisation from what is written before the title or the name, later
short mentions linked to the full name, and one fact per kind and span (made-up
sentences)."""

from __future__ import annotations

from briefbook.core.facts import Fact
from briefbook.extract.base import Doc
from briefbook.extract.cjk.mentions import attach_orgs
from briefbook.extract.cjk.scan import CjkScan
from briefbook.extract.pipeline import _without_duplicates, extract_text
from briefbook.extract.spans import normalise


def people(text, lang="zh-Hans"):
    return {f.text: f.value for f in extract_text(text, lang, "2025-03-12") if f.kind == "person"}


def test_org_before_the_title_is_the_persons_org():
    got = people("青岛市商务局局长张建国出席会议并致辞。")
    value = got["青岛市商务局局长张建国"]
    assert (value["name"], value["title"], value["org"]) == ("张建国", "局长", "青岛市商务局")
    got = people("日本贸易振兴机构青岛代表处首席代表李明远表示，双方合作前景广阔。")
    (value,) = got.values()
    assert (value["name"], value["title"], value["org"]) == ("李明远", "首席代表", "日本贸易振兴机构青岛代表处")


def test_a_person_found_after_the_rules_gets_the_org_before_its_title():
    # a person another pass added (a statistical tagger) with only its title
    text = "青岛市商务局局长张三出席。"
    doc = Doc(text=text, norm=normalise(text), lang="zh-Hans", published=None)
    scan = CjkScan(doc)
    scan.title_spans = [(6, 8)]
    doc.add("organization", 0, 6, {"name": "青岛市商务局"}, 0.7)
    person = doc.add("person", 6, 10, {"name": "张三", "title": "局长", "org": None}, 0.5)
    attach_orgs(scan)
    assert person.value["org"] == "青岛市商务局"


def test_japanese_org_title_no_name_gives_org_and_title():
    got = people("トヨタ自動車副社長の佐藤一郎氏が出席した。", "ja")
    value = next(v for v in got.values() if v["name"] == "佐藤一郎")
    assert (value["title"], value["org"]) == ("副社長", "トヨタ自動車")
    got = people("伊藤忠商事の田中社長は記者会見で述べた。", "ja")
    value = next(v for v in got.values() if v["name"] == "田中")
    assert (value["title"], value["org"]) == ("社長", "伊藤忠商事")


def test_a_kanji_honorific_ends_the_japanese_name():
    names = {v["name"] for v in people("山本太郎氏は東京で講演した。", "ja").values()}
    assert names == {"山本太郎"}


def test_chained_titles_keep_no_single_org():
    got = people("省委副书记、省长李建华出席。")
    (value,) = got.values()
    assert value["title"] == "省委副书记、省长" and value["org"] is None


def test_family_name_and_title_later_refers_to_the_full_name():
    got = people("中国贸促会会长薛亮出席活动。薛会长表示，合作潜力巨大。")
    assert got["薛会长"] == {"name": "薛", "title": "会长", "org": None, "refers_to": "薛亮"}
    got = people("山东省委书记林武会见代表团。会上，林书记指出，双方要加强合作。")
    assert got["林书记"]["refers_to"] == "林武"
    # Traditional text: the full name as written
    got = people("青島市商務局局長張建國出席。張局長表示歡迎。", "zh-Hant")
    assert got["張局長"]["refers_to"] == "張建國"


def test_family_name_with_honorific_refers_to_the_full_name():
    got = people("李明华先生出席。李氏表示感谢。")
    assert (got["李氏"]["name"], got["李氏"]["refers_to"]) == ("李", "李明华")
    got = people("トヨタ自動車副社長の佐藤一郎氏が出席した。佐藤社長は説明した。", "ja")
    assert got["佐藤社長"]["refers_to"] == "佐藤一郎"


def test_a_family_name_without_a_full_name_links_to_nothing():
    got = people("王会长表示，合作潜力巨大。")
    assert all("refers_to" not in v for v in got.values())


def test_two_people_with_one_family_name_link_to_the_nearest_before():
    got = people("市长王建军会见了代表团。副市长王海涛陪同。王市长表示欢迎。")
    names = {v["name"] for v in got.values() if not v.get("refers_to")}
    assert {"王建军", "王海涛"} <= names
    # the two full names share the family name: the mention refers to the one nearest before
    mention = next(v for t, v in got.items() if t == "王市长")
    assert mention["refers_to"] == "王海涛"


def _fact(kind, s, e, value, conf):
    return Fact(kind=kind, start=s, end=e, text="x" * (e - s), value=value, confidence=conf,
                extractor_version="t")


def test_same_kind_and_span_gives_one_fact_the_one_that_says_more():
    a = _fact("organization", 0, 5, {"name": "JETRO"}, 0.7)
    b = _fact("organization", 0, 5, {"name": "JETRO", "canonical": "日本贸易振兴机构", "signals": ["tagger:x"]}, 0.6)
    c = _fact("place", 0, 5, {"name": "JETRO"}, 0.5)
    out = _without_duplicates([a, b, c])
    assert [f.kind for f in out] == ["organization", "place"]
    assert out[0].value["canonical"] == "日本贸易振兴机构" and out[0].value["signals"] == ["tagger:x"]


def test_extracted_facts_never_repeat_a_kind_and_span():
    text = "日本贸易振兴机构(JETRO)青岛代表处与JETRO总部、青岛市商务局合作。青岛市商务局局长张建国出席。"
    facts = extract_text(text, "zh-Hans", "2025-03-12")
    keys = [(f.kind, f.start, f.end) for f in facts]
    assert len(keys) == len(set(keys))


def test_title_modifiers_after_the_name_belong_to_the_title():
    for text, name, title in [("张强第一书记主持会议。", "张强", "第一书记"),
                              ("会上，李明常务副市长讲话。", "李明", "常务副市长"),
                              ("王刚副市长出席。", "王刚", "副市长"),
                              ("张强书记指出，要加强合作。", "张强", "书记")]:
        (value,) = people(text).values()
        assert (value["name"], value["title"]) == (name, title), text


def test_a_unit_read_as_a_surname_before_a_title_is_no_name():
    assert people("各级党委书记要带头。") == {}


def test_particles_end_a_name():
    names = {v["name"] for v in people("张海涛了解到情况后表示支持。").values()}
    assert names == {"张海涛"}
    names = {v["name"] for v in people("董事长张海涛的发言引起关注。").values()}
    assert names == {"张海涛"}


def test_a_title_ending_in_an_org_suffix_is_cut_from_the_org():
    facts = extract_text("青岛市委常委、常务副市长赵立新出席。", "zh-Hans", "2025-03-12")
    orgs = [f.text for f in facts if f.kind == "organization"]
    assert orgs == ["青岛市委"]
    (person,) = [f.value for f in facts if f.kind == "person"]
    assert (person["name"], person["title"], person["org"]) == ("赵立新", "青岛市委常委、常务副市长", None)


def test_an_organisation_speaking_of_itself_is_the_publisher():
    got = people("信息来源:威海市贸促会\n由我会会长王建军带队，日本商会与中国贸促会共同举办。")
    (value,) = got.values()
    assert (value["name"], value["org"]) == ("王建军", "威海市贸促会")
    # no source line: the one company of the article
    (value,) = people("我司总经理李明华表示，青岛海尔有限公司将扩大投资。").values()
    assert value["org"] == "青岛海尔有限公司"
    # several associations and no source line: no guess
    (value,) = people("由我会会长王建军带队，日本商会与中国贸促会共同举办。").values()
    assert value["org"] is None
    # the association the article names most often, its short form counting for it
    (value,) = people("青岛市企业联合会组织考察团，由我会会长王建军带队，与日本商会座谈。市企业联合会将继续搭建平台。").values()
    assert value["org"] == "青岛市企业联合会"
    # "来源" inside a word is no source line
    (value,) = people("日本是第三大外资来源地，日本商会与中国贸促会合作。由我会会长王建军带队。").values()
    assert value["org"] is None


def test_japanese_longest_title_after_the_name():
    (value,) = [v for v in people("日本貿易振興機構の石黒憲彦理事長が挨拶した。", "ja").values()]
    assert (value["name"], value["title"]) == ("石黒憲彦", "理事長")
    got = [v for v in people("ソニーグループの吉田憲一郎会長兼社長は述べた。", "ja").values()]
    value = next(v for v in got if v["name"] == "吉田憲一郎")
    assert value["title"] == "会長兼社長"


def test_japanese_party_and_ministry_titles():
    got = [v for v in people("自民党の高市早苗政調会長は述べた。", "ja").values()]
    value = next(v for v in got if v["name"] == "高市早苗")
    assert (value["title"], value["org"]) == ("政調会長", "自民党")
    got = [v for v in people("林芳正外務大臣が訪中した。", "ja").values()]
    assert any((v["name"], v["title"]) == ("林芳正", "外務大臣") for v in got)
