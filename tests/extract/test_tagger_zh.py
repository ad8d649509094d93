"""The Chinese statistical tagger (extract/tagger/zh_crf.py) and its pass (extract/zh/tagged.py)."""

from __future__ import annotations

import pytest

from briefbook.core.text import to_simplified
from briefbook.extract import extract_text
from briefbook.extract import tagger as tagger_mod
from briefbook.extract.base import Doc
from briefbook.extract.cjk.scan import CjkScan
from briefbook.extract.spans import normalise
from briefbook.extract.tagger import zh_crf
from briefbook.extract.zh import tagged  # noqa: F401  (registers the Chinese taggers)

# made-up sentences: a film director's name with no title word the rules know before it
HANS = "这部电影由导演林晓峰执导，去年在台北首映。"
HANT = "這部電影由導演林曉峰執導，去年在台北首映。"


@pytest.fixture
def no_tagger():
    """Extraction as if no model were shipped (the factories return None)."""
    saved_f, saved_l = dict(tagger_mod._FACTORIES), dict(tagger_mod._LOADED)
    for lang in ("zh-Hans", "zh-Hant"):
        tagger_mod.register(lang, lambda: None)
    yield
    tagger_mod._FACTORIES.clear()
    tagger_mod._FACTORIES.update(saved_f)
    tagger_mod._LOADED.clear()
    tagger_mod._LOADED.update(saved_l)


def people(text, lang):
    out = {}
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out[f.value["name"]] = f
    return out


def test_the_model_is_shipped_and_registered():
    for lang in ("zh-Hans", "zh-Hant"):
        t = tagger_mod.tagger_for(lang)
        assert t is not None and t.name == "zh-crf"


def test_traditional_spans_map_back_to_the_same_code_points():
    hans = tagger_mod.tagger_for("zh-Hans").tag(HANS)
    hant = tagger_mod.tagger_for("zh-Hant").tag(HANT)
    assert len(HANS) == len(HANT)
    assert [(s.start, s.end, s.kind) for s in hant] == [(s.start, s.end, s.kind) for s in hans]
    assert any(HANT[s.start:s.end] == "林曉峰" and s.kind == "person" for s in hant)


def test_simplified_copy_keeps_every_offset():
    # a run whose OpenCC phrase conversion changes its length is converted per character
    for text in (HANT, "乾隆年間，於臺灣設立府治。", "「聯合國」與歐洲聯盟；", "ＡＢＣ公司和甲骨文"):
        conv = zh_crf.simplified_same_length(text)
        assert len(conv) == len(text)
        assert to_simplified(conv) == conv or conv == text


def test_decode_reads_bio_spans_and_scores():
    labels = ["O", "B-PER", "I-PER", "I-ORG", "B-LOC", "O"]
    got = zh_crf.decode(labels, [1, 0.9, 0.8, 0.7, 0.6, 1])
    assert got == [(1, 3, "PER", 0.8), (3, 4, "ORG", 0.7), (4, 5, "LOC", 0.6)]


def test_tagger_finds_a_person_the_rules_miss(no_tagger):
    assert "林晓峰" not in people(HANS, "zh-Hans")  # the rules alone
    tagger_mod._LOADED.clear()
    tagger_mod.register("zh-Hans", zh_crf._factory(False))
    tagger_mod.register("zh-Hant", zh_crf._factory(True))
    got = people(HANS, "zh-Hans")
    assert "林晓峰" in got
    assert got["林晓峰"].value["signals"] == ["tagger:zh-crf"]
    assert "林曉峰" in people(HANT, "zh-Hant")


def test_rules_alone_still_work_without_a_tagger(no_tagger):
    text = "省委书记刘家义，中国贸促会会长高燕出席。"
    got = people(text, "zh-Hans")
    assert {"刘家义", "高燕"} <= set(got)
    assert all("signals" not in f.value for f in got.values())


def test_rules_facts_keep_their_fields_when_the_tagger_agrees(no_tagger):
    text = "省委书记刘家义，中国贸促会会长高燕出席。"
    alone = people(text, "zh-Hans")
    tagger_mod._LOADED.clear()
    tagger_mod.register("zh-Hans", zh_crf._factory(False))
    both = people(text, "zh-Hans")
    assert set(alone) <= set(both)
    for name, f in alone.items():
        g = both[name]
        assert (g.start, g.end, g.value["title"], g.value["org"]) == (f.start, f.end, f.value["title"], f.value["org"])
    assert "tagger:zh-crf" in both["高燕"].value.get("signals", [])


class _Sure:
    """A stand-in tagger: finds nothing and is sure every rule vote is no name."""
    name = "stub"

    def tag(self, text):
        return []

    def tag_with_votes(self, text, votes, outside=None):
        if outside is not None:
            outside.update({(s, e): 0.99 for s, e, _lab in votes})
        return []


def test_an_organisation_the_tagger_surely_reads_as_no_name_is_dropped(no_tagger):
    text = "远山食品进出口公司总经理王大力出席。"  # a made-up company, not in the dictionaries
    kinds = {f.kind for f in extract_text(text, "zh-Hans", None)}
    assert "organization" in kinds
    tagger_mod.register("zh-Hans", _Sure)
    got = extract_text(text, "zh-Hans", None)
    assert "organization" not in {f.kind for f in got}
    assert "王大力" in {f.value["name"] for f in got if f.kind == "person"}  # people are never vetoed



class _Given:
    """A stand-in tagger that reads the given (text, kind, which occurrence) spans, sure of each."""
    name = "given"

    def __init__(self, spans):
        self.spans = spans

    def tag(self, text):
        out = []
        for needle, kind, nth in self.spans:
            i = -1
            for _ in range(nth + 1):
                i = text.find(needle, i + 1)
            out.append(tagger_mod.TaggedSpan(i, i + len(needle), kind, 0.95))
        return out


def _tagger_pass(text, spans):
    """The scan after the tagger pass alone (no rule ran before it)."""
    tagger_mod.register("zh-Hans", lambda: _Given(spans))
    scan = CjkScan(Doc(text=text, norm=normalise(text), lang="zh-Hans", published=None))
    tagged.scan_tagged(scan)
    return scan


def _names(scan, spans):
    return sorted(scan.norm[s:e] for s, e in spans)


def test_a_tagger_person_cut_short_of_a_longer_name_is_not_taken(no_tagger):
    # made-up: the tagger reads the full name once and only its first two characters later
    text = "导演林晓明执导。会后林晓表示满意。"
    scan = _tagger_pass(text, [("林晓明", "person", 0), ("林晓", "person", 1)])
    assert _names(scan, scan.person_spans) == ["林晓明"]
    scan = _tagger_pass(text, [("林晓", "person", 1)])
    assert _names(scan, scan.person_spans) == ["林晓"]  # with no longer name in the text it stays


def test_a_tagger_person_that_stops_inside_a_longer_name_is_taken_whole(no_tagger):
    text = "导演林晓明执导。会后林晓明表示满意。"
    scan = _tagger_pass(text, [("林晓明", "person", 0), ("林晓", "person", 1)])
    assert _names(scan, scan.person_spans) == ["林晓明", "林晓明"]


def test_a_known_organisation_is_no_tagger_person(no_tagger):
    # 伊藤忠 is the dictionaries' short form of 伊藤忠商事; 林晓明 is a made-up name
    scan = _tagger_pass("这家公司由伊藤忠和林晓明共同出资。", [("伊藤忠", "person", 0), ("林晓明", "person", 0)])
    assert _names(scan, scan.person_spans) == ["林晓明"]


def test_a_generic_noun_after_ordinary_words_is_no_tagger_name(no_tagger):
    text = "这里将成为承载平台和交流新平台，考察团也到了烟台新平台和烟台科技中心。"
    spans = [("承载平台", "place", 0), ("交流新平台", "place", 0), ("考察团", "organization", 0),
             ("烟台新平台", "place", 0), ("烟台科技中心", "organization", 0)]
    scan = _tagger_pass(text, spans)
    assert _names(scan, scan.places) == ["烟台新平台"]  # its head 烟台 is a known place
    assert _names(scan, scan.orgs) == ["烟台科技中心"]


def test_a_person_named_in_latin_letters_is_taken_from_the_tagger():
    facts = extract_text("德国总理默克尔与Klaus会面。", "zh-Hans", None)
    people = [f.value["name"] for f in facts if f.kind == "person"]
    assert "Klaus" in people
    # words in Latin letters that are no capitalised name are not taken as people
    assert not [f for f in extract_text("我们使用iPhone和Windows。", "zh-Hans", None) if f.kind == "person"]


def _tagger_pass_after(text, spans, people=(), orgs=(), places=()):
    """The scan after the tagger pass, with the given rule people, organisations and places
    found before it."""
    tagger_mod.register("zh-Hans", lambda: _Given(spans))
    doc = Doc(text=text, norm=normalise(text), lang="zh-Hans", published=None)
    scan = CjkScan(doc)
    for name in people:
        s = text.find(name)
        scan.add_person(s, s + len(name), s, s + len(name), None, None, 0.6)
    for name in orgs:
        s = text.find(name)
        scan.orgs[(s, s + len(name))] = scan.norm[s:s + len(name)]
    for name in places:
        s = text.find(name)
        scan.places[(s, s + len(name))] = "rule"
    tagged.scan_tagged(scan)
    return scan


def test_a_sure_tagger_person_without_a_chinese_name_shape_is_taken(no_tagger):
    # 鸟 is no family name of our list, yet the tagger is sure (a Japanese name in Chinese)
    scan = _tagger_pass("这部漫画由鸟山明创作。", [("鸟山明", "person", 0)])
    assert _names(scan, scan.person_spans) == ["鸟山明"]


def test_a_sure_tagger_person_holding_an_ordinary_word_or_an_organisation_head_is_not_taken(no_tagger):
    # made-up: the tagger runs a name into the word after it (林晓|顺利): the name before
    # the ordinary word is taken, the word is not
    scan = _tagger_pass("会议由林晓顺利主持。", [("林晓顺利", "person", 0)])
    assert _names(scan, scan.person_spans) == ["林晓"]
    # with no family name in front, the span is no name at all
    scan = _tagger_pass("会议由晓得顺利主持。", [("晓得顺利", "person", 0)])
    assert scan.person_spans == []
    # 佐藤 heads the company's name in the same text: the tagger's person is the company's
    text = "双方将推动佐藤制药株式会社的项目，佐藤也将参与。"
    scan = _tagger_pass_after(text, [("佐藤", "person", 1)], orgs=["佐藤制药株式会社"])
    assert scan.person_spans == []


def test_a_sure_tagger_person_replaces_the_rules_shorter_reading_of_it(no_tagger):
    text = "副校长周鸿经出席。"
    scan = _tagger_pass_after(text, [("周鸿经", "person", 0)], people=["周鸿"])
    assert _names(scan, scan.person_spans) == ["周鸿经"]
    assert [f.value["name"] for f in scan.doc.facts if f.kind == "person"] == ["周鸿经"]
    # a rule place inside a sure tagger name goes too (石|青阳)
    scan = _tagger_pass_after("会上石青阳发言。", [("石青阳", "person", 0)], places=["青阳"])
    assert _names(scan, scan.person_spans) == ["石青阳"] and scan.places == {}


def test_a_sure_tagger_organisation_replaces_a_rule_one_run_across_a_parenthesis(no_tagger):
    text = "学生来自台北帝国大学（台湾大学前身）。"
    scan = _tagger_pass_after(text, [("台北帝国大学", "organization", 0)], orgs=["台北帝国大学（台湾大学"],
                              places=["台北"])
    assert _names(scan, scan.orgs) == ["台北帝国大学"] and scan.places == {}
    # brackets that pair are part of a name (丰田汽车（中国）投资有限公司): the rules' reading stays
    text = "丰田汽车（中国）投资有限公司出资。"
    scan = _tagger_pass_after(text, [("丰田汽车", "organization", 0)], orgs=["丰田汽车（中国）投资有限公司"])
    assert _names(scan, scan.orgs) == [normalise("丰田汽车（中国）投资有限公司")]
