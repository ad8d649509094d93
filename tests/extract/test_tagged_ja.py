"""How the Japanese tagger's spans join the rules (extract/ja/tagged.py) and the
Japanese tagger's features (extract/tagger/crf_features.py), on made-up sentences.

A stand-in tagger that reports fixed spans makes these independent of the shipped model."""

from __future__ import annotations

import pytest

from briefbook.extract import extract_text
from briefbook.extract.base import Doc
from briefbook.extract.cjk.scan import CjkScan
from briefbook.extract.ja.tagged import _kanji_not_name, _without_title
from briefbook.extract.spans import normalise
from briefbook.extract.tagger import TaggedSpan, crf, register
from briefbook.extract.tagger import crf_features as F


class FixedTagger:
    name = "fixed-ja"

    def __init__(self, spans: list[tuple[str, str, float]]):
        self.spans = spans

    def tag(self, text: str) -> list[TaggedSpan]:
        out = []
        for piece, kind, score in self.spans:
            i = text.find(piece)
            if i >= 0:
                out.append(TaggedSpan(i, i + len(piece), kind, score))
        return out


@pytest.fixture
def tagger():
    def use(*spans: tuple[str, str, float]) -> None:
        register("ja", lambda: FixedTagger(list(spans)))
    yield use
    register("ja", crf._factory("ja"))


def entities(text: str) -> list[tuple[str, str, str | None]]:
    out = []
    for f in extract_text(text, "ja", None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out.append(("person", f.value["name"], f.value.get("title")))
        elif f.kind in ("organization", "place"):
            out.append((f.kind, f.text, None))
    return out


def scan_of(text: str) -> CjkScan:
    return CjkScan(Doc(text=text, norm=normalise(text), lang="ja", published=None))


@pytest.mark.parametrize("text, piece, name", [
    ("竹下一郎蔵相は訪米した。", "竹下一郎蔵相", "竹下一郎"),  # a minister written short
    ("山中次郎中佐が着任した。", "山中次郎中佐", "山中次郎"),  # a military rank
    ("その派には豊田三郎らがいた。", "豊田三郎ら", "豊田三郎"),  # a plural after the name
    ("脚本家は石原自身を描いた。", "石原自身", "石原"),
    ("袁大頭死後、派は割れた。", "袁大頭死後", "袁大頭"),
    ("本人の山田太郎が来た。", "山田太郎", "山田太郎"),  # nothing to take off
    ("副社長山田太郎が来た。", "長山田太郎", "山田太郎"),  # the end of a title before the name
])
def test_a_tagged_person_loses_the_title_or_word_after_the_name(text, piece, name):
    scan = scan_of(text)
    s = text.index(piece)
    t = _without_title(scan, TaggedSpan(s, s + len(piece), "person", 0.9))
    assert text[t.start:t.end] == name


def test_a_title_alone_is_not_cut_to_nothing():
    scan = scan_of("大臣が来た。")
    t = _without_title(scan, TaggedSpan(0, 2, "person", 0.9))
    assert (t.start, t.end) == (0, 2)


def test_a_title_word_is_no_name(tagger):
    tagger()
    # 代表 before 取締役, 常務 before 理事: the parts of one title, nobody's name
    assert not [e for e in entities("彼は同社の代表取締役に就任した。") if e[0] == "person"]
    assert not [e for e in entities("翌年には協会の常務理事となった。") if e[0] == "person"]


def test_a_body_before_a_title_is_no_name(tagger):
    tagger()
    assert not [e for e in entities("初代外務部長官に就任した。") if e[0] == "person"]


def test_a_katakana_name_the_tagger_reads_as_an_organisation(tagger):
    # a katakana run joined by ・ looks like a foreign name to the rules
    tagger(("ブルー・ハーバーズ", "organization", 0.9))
    got = entities("彼はブルー・ハーバーズに入団した。")
    assert ("organization", "ブルー・ハーバーズ", None) in got
    assert not [e for e in got if e[0] == "person"]


def test_a_katakana_name_the_tagger_also_reads_as_a_person_stays(tagger):
    tagger(("ジョン・スミス", "person", 0.9))
    assert [e for e in entities("彼はジョン・スミスと会った。") if e[0] == "person"] == \
        [("person", "ジョン・スミス", None)]


def test_a_titled_person_stays_when_the_tagger_misses_the_boundary(tagger):
    # the tagger's organisation over the family name and the prefecture is no other kind
    tagger(("鈴木静岡県", "organization", 0.6))
    assert ("person", "鈴木", "静岡県副知事") in entities("鈴木静岡県副知事も出席した。")


def test_a_text_in_katakana_alone_has_its_names(tagger):
    tagger(("ロビン・ロペス", "person", 0.95), ("キューバ", "place", 0.95))
    got = entities("ロビン・ロペスは、キューバのプロレスラー。")
    assert ("person", "ロビン・ロペス", None) in got
    assert ("place", "キューバ", None) in got


def test_script_runs_hold_a_katakana_name_with_its_joiners():
    text = "グエン・ヴァン・タン大臣は"
    types = [F._ctype(c) for c in text]
    runs = F._ja_runs(text, types)
    assert text[slice(*runs[0])] == "グエン・ヴァン・タン"
    assert runs[4] == runs[0]  # the ・ inside belongs to the run
    assert text[slice(*runs[text.index("大")])] == "大臣"
    feats = F._ja_run_features(text, types, runs, 0)
    assert "kr=グエン・ヴァン・タン" in feats and "ra1=大" in feats and "kj=1" in feats


def test_dictionary_marks_family_and_given_names():
    gaz = F.JaGazetteer()
    text = "田中一郎は武道家。"
    marks = gaz.marks(text)
    assert "Bfg" in marks[0] and all("Ifg" in marks[i] for i in (1, 2, 3))
    assert not any("fg" in m for m in marks[4])
    assert "Bfam" in marks[0]


def test_our_lists_are_matched_on_the_normalised_text():
    # the title list is stored normalised (长官): the Japanese spelling is still a title
    gaz = F.JaGazetteer()
    marks = gaz.marks("長官は")
    assert "Btitle" in marks[0] and "Ititle" in marks[1]


def test_a_tagged_katakana_person_with_a_company_word_is_no_person(tagger):
    tagger(("ノーザン・デジタル", "person", 0.9), ("ミゲル・デ・ロサス", "person", 0.9))
    got = entities("ノーザン・デジタルはミゲル・デ・ロサスを雇った。")
    people = [e for e in got if e[0] == "person"]
    # デ is a word of foreign names too
    assert people == [("person", "ミゲル・デ・ロサス", None)]


def test_a_word_after_the_name_goes_with_the_rule_reading(tagger):
    tagger(("大川", "person", 0.9))
    assert [e for e in entities("大川方の兵が来た。") if e[0] == "person"] == [("person", "大川", None)]


def test_a_latin_organisation_the_tagger_is_sure_of(tagger):
    tagger(("QUARTZ Group", "organization", 0.95))
    assert ("organization", "QUARTZ Group", None) in entities("彼はQUARTZ Groupを所有する。")


def test_a_title_before_a_kanji_word_is_no_person_in_japanese(tagger):
    # Chinese writes the title first; in 防衛庁長官時代 the "name" after 庁長 is 官時
    tagger(("防衛庁", "organization", 0.9))
    assert not [e for e in entities("防衛庁長官時代に改革を進めた。") if e[0] == "person"]


def test_a_tagged_kanji_person_ending_in_a_body_character(tagger):
    tagger(("北川文明館", "person", 0.9))
    assert not [e for e in entities("北川文明館から本が出た。") if e[0] == "person"]
    # 山 ends family names as often as places
    scan = scan_of("中山が来た。")
    assert not _kanji_not_name(scan, TaggedSpan(0, 2, "person", 0.9))


def test_a_titled_rule_person_with_a_body_inside_its_name(tagger):
    tagger(("国会", "organization", 0.9))
    assert not [e for e in entities("元国会議長で、のちに大使となった。") if e[0] == "person"]


def test_a_name_read_once_is_the_person_where_the_text_repeats_it(tagger):
    tagger(("ペトロフスキー", "person", 0.9))
    text = "ペトロフスキーを囲んだが、僚機がペトロフスキーの命を救った。"
    got = [f for f in extract_text(text, "ja", None) if f.kind == "person"]
    assert [(f.start, f.text) for f in got] == [(0, "ペトロフスキー"), (16, "ペトロフスキー")]
    # only where it is written whole: not inside a longer katakana word
    text = "ペトロフスキーが来た。ペトロフスキーグラードへ向かった。"
    got = [f for f in extract_text(text, "ja", None) if f.kind == "person"]
    assert [f.start for f in got] == [0]
