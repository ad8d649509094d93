"""The taggers' feature builders and the text helpers give the answers of the plain ways.

The CRF models were trained on the features as ``crf_features`` computed them; the
builders now keep each word's features, try dictionary words only at the lengths
listed for their first character and read character windows off padded strings.  The
plain ways are written out here as references: the features must be the same strings
in the same order on every sentence of real articles, so the models' answers (and
their confidences) stay exactly what they were.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from extract_helpers import articles

from briefbook.core.text import has_han, is_han
from briefbook.extract import dictionaries, spans
from briefbook.extract.base import Doc
from briefbook.extract.cjk.people import find_titles
from briefbook.extract.cjk.scan import CjkScan
from briefbook.extract.tagger import crf_features as F
from briefbook.extract.tagger import zh_crf
from briefbook.extract.tagger.crfsuite_model import known_grams, model_attributes


def latin_features_plainly(words: list[str], gaz: F.LatinGazetteer) -> list[list[str]]:
    n = len(words)
    base = []
    for w in words:
        low = w.lower()
        f = ["w=" + low, "s=" + F._shape(w), "p3=" + low[:3], "x3=" + low[-3:], "x2=" + low[-2:],
             "x4=" + low[-4:], "t=" + ("T" if w[:1].isupper() else "l" if w[:1].islower() else "o")]
        f += ["g=" + g for g in gaz.flags(w)]
        base.append(f)
    feats = []
    for i, w in enumerate(words):
        f = ["b"] + base[i]
        if i == 0:
            f.append("BOS")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                wj = words[j]
                f.append(f"{off}w=" + wj.lower())
                if abs(off) == 1:
                    f.append(f"{off}s=" + F._shape(wj))
                    f += [f"{off}g=" + g for g in base[j] if g.startswith("g=")]
                else:
                    f += [f"{off}g=" + g for g in base[j] if g.startswith("g=org")]
            else:
                f.append(f"{off}w=<pad>")
        if i > 0:
            f.append("bi=" + words[i - 1].lower() + "|" + w.lower())
        if w[:1].isupper():
            for j in range(i + 1, min(n, i + 5)):
                if "g=orghead" in base[j] or "g=orgcomp" in base[j]:
                    f.append("headahead")
                    break
                if not (words[j][:1].isupper() or words[j] in ("of", "for", "and", "&", "der", "des", "für", "und")):
                    break
        feats.append(f)
    return feats


def ja_marks_plainly(gaz: F.JaGazetteer, text: str) -> list[list[str]]:
    """Every length from the longest down tried at every position, every lexicon
    asked at every position."""
    n = len(text)
    out: list[list[str]] = [[] for _ in text]
    for name, words, shortest, longest in (("fam", gaz.family, 1, 4), ("giv", gaz.given, 2, 4),
                                           ("noun", gaz.nouns, 2, 4), ("iplace", gaz.dict_places, 2, 6),
                                           ("iorg", gaz.dict_orgs, 2, 6)):
        i = 0
        while i < n:
            k = next((k for k in range(min(longest, n - i), shortest - 1, -1) if text[i:i + k] in words), 0)
            if k:
                out[i].append("B" + name)
                out[i + 1:i + k] = [m + ["I" + name] for m in out[i + 1:i + k]]
                i += k
            else:
                i += 1
    i = 0
    while i < n:
        step = 1
        if F.types_c(text[i]):
            for k in range(min(3, n - i), 0, -1):
                if text[i:i + k] in gaz.family:
                    g = next((g for g in range(min(3, n - i - k), 0, -1) if text[i + k:i + k + g] in gaz.given), 0)
                    if g:
                        out[i].append("Bfg")
                        out[i + 1:i + k + g] = [m + ["Ifg"] for m in out[i + 1:i + k + g]]
                        step = k + g
                        break
        i += step
    norm = spans.normalise(text)
    for name, lex in gaz.lexicons.items():
        i = 0
        while i < len(norm):
            k = min(lex.match_at(norm, i), len(norm) - i)
            if k >= 2 or (k == 1 and name == "sur"):
                out[i].append("B" + name)
                out[i + 1:i + k] = [m + ["I" + name] for m in out[i + 1:i + k]]
                if i + k < len(norm):
                    out[i + k].append("A" + name)
                i += k
            else:
                i += 1
    return out


def ja_features_plainly(text: str, gaz: F.JaGazetteer) -> list[list[str]]:
    n = len(text)
    types = [F._ctype(c) for c in text]
    marks = ja_marks_plainly(gaz, text)
    runs = F._ja_runs(text, types)

    def c(i: int) -> str:
        return text[i] if 0 <= i < n else "_"

    def t(i: int) -> str:
        return types[i] if 0 <= i < n else "_"

    feats = []
    for i in range(n):
        f = ["b", "c=" + c(i), "t=" + t(i),
             "c-1=" + c(i - 1), "c+1=" + c(i + 1), "c-2=" + c(i - 2), "c+2=" + c(i + 2),
             "c-1c=" + c(i - 1) + c(i), "cc+1=" + c(i) + c(i + 1), "c-2c-1=" + c(i - 2) + c(i - 1),
             "c+1c+2=" + c(i + 1) + c(i + 2), "c-1cc+1=" + c(i - 1) + c(i) + c(i + 1),
             "t3=" + t(i - 1) + t(i) + t(i + 1), "t5=" + t(i - 2) + t(i - 1) + t(i) + t(i + 1) + t(i + 2)]
        f += F._ja_run_features(text, types, runs, i)
        f += ["g=" + m for m in marks[i]]
        if i + 1 < n:
            f += ["g+1=" + m for m in marks[i + 1] if m[0] == "B"]
        if i > 0:
            f += ["g-1=" + m for m in marks[i - 1] if m[0] != "A"]
        feats.append(f)
    return feats


def units(text: str) -> list[str]:
    return [u for u in re.split(r"(?<=[。！？!?\n])", text) if u.strip()]


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_latin_features_are_the_plain_ones(name, text, lang):
    for gaz_lang in ("de", "en"):
        gaz = F.LatinGazetteer(gaz_lang)
        for unit in units(text):
            words = [unit[s:e] for s, e in F.tokenize(unit)]
            if words:
                # twice: the second time from the words the gazetteer has kept
                assert F.latin_features(words, gaz) == latin_features_plainly(words, gaz), (name, unit[:40])
                assert F.latin_features(words, gaz) == latin_features_plainly(words, gaz), (name, unit[:40])


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_japanese_features_are_the_plain_ones(name, text, lang):
    gaz = F.JaGazetteer()
    for unit in units(text):
        assert F.ja_features(unit, gaz) == ja_features_plainly(unit, gaz), (name, unit[:40])


def normalise_plainly(text: str) -> str:
    return "".join(spans._map_char(c) for c in text)


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_text_helpers_are_the_plain_ones(name, text, lang):
    assert spans.normalise(text) == normalise_plainly(text)
    for unit in units(text):
        assert has_han(unit) == any(is_han(c) for c in unit)
    doc = Doc(text=text, norm=spans.normalise(text), lang=lang, published=None)
    scan = CjkScan(doc)
    first = find_titles(scan)
    assert find_titles(scan) == first  # the second pass gets the first one's titles
    assert first == find_titles(CjkScan(doc))
    assert all(scan.place_at(i) == CjkScan(doc)._find_place_at(i) for i in range(len(text) + 1))


def test_text_helpers_on_edge_cases():
    assert spans.normalise("") == ""
    assert spans.normalise("經貿ＡＢ１　県・") == normalise_plainly("經貿ＡＢ１　県・") == "经贸AB1 县・"
    assert not has_han("") and not has_han("Qingdao") and has_han("Qingdao 青岛")
    assert dictionaries.get() is dictionaries.get()


def test_simplified_copy_is_the_plain_one():
    from briefbook.core.text import simplified_char, to_simplified_per_char

    for _name, text, _lang in articles():
        assert to_simplified_per_char(text) == "".join(simplified_char(c) for c in text)
    assert to_simplified_per_char("經貿 Qingdao 發展") == "经贸 Qingdao 发展"
    assert to_simplified_per_char("") == "" and to_simplified_per_char("Qingdao 2020") == "Qingdao 2020"


@pytest.fixture(scope="module")
def zh_model():
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from briefbook.paths import resource

    path = resource("models", "zh", zh_crf.MODEL_FILE)
    if not path.is_file():
        pytest.skip("no Chinese tagger model")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return path, tagger


def test_model_attributes_are_the_ones_crfsuite_lists(zh_model):
    path, tagger = zh_model
    assert model_attributes(path) == frozenset(tagger.info().attributes)
    assert model_attributes(Path(__file__)) is None  # not a model: the features stay whole


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_chinese_features_leave_out_only_what_the_model_ignores(zh_model, name, text, lang):
    path, tagger = zh_model
    attributes = model_attributes(path)
    grams = known_grams(attributes, zh_crf.GRAM_PREFIXES)
    d = dictionaries.get()
    norm = spans.normalise(text)
    for s, e in zh_crf._sentences(norm):
        sent = norm[s:e]
        votes = [(0, 2, "PER")] if len(sent) > 2 else []
        whole = zh_crf.features(sent, d, votes)
        kept = zh_crf.features(sent, d, votes, grams)
        # the same strings in the same order, without the pairs and triples the model lacks
        assert kept == [[f for f in row if not f.startswith(zh_crf.GRAM_PREFIXES) or f in attributes]
                        for row in whole], (name, sent[:40])
        if has_han(sent):
            assert tagger.tag(kept) == tagger.tag(whole)


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_japanese_features_leave_out_only_what_the_model_ignores(name, text, lang):
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from briefbook.extract.tagger.crf import model_path

    path = model_path("ja")
    if not path.is_file():
        pytest.skip("no Japanese tagger model")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    attributes = model_attributes(path)
    grams = known_grams(attributes, F.JA_GRAM_PREFIXES)
    gaz = F.JaGazetteer()
    for unit in units(text):
        whole = F.ja_features(unit, gaz)
        kept = F.ja_features(unit, gaz, grams)
        assert kept == [[f for f in row if not f.startswith(F.JA_GRAM_PREFIXES) or f in attributes]
                        for row in whole], (name, unit[:40])
        assert tagger.tag(kept) == tagger.tag(whole)
