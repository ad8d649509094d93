"""The extractor's fast paths give the answers of the plain ways they replace.

``Lexicon.match_at`` walks the entries' prefixes instead of trying every entry length
of a position's first character, and the figure reader keeps its trigger patterns
compiled and skips words a clause does not hold.  Each plain way is written out here
as the reference; the fast one must agree with it on every position of real articles,
and the whole extraction (facts and figure readings) must come out the same with the
references put back in.
"""

from __future__ import annotations

import re

import pytest
from extract_helpers import articles

from briefbook.extract import dictionaries, extract_text
from briefbook.extract.tagger import zh_crf
from briefbook.knowledge import figures
from briefbook.knowledge.measures import default_vocabulary
from briefbook.knowledge.periods import to_simplified_per_char


def match_by_lengths(lex: dictionaries.Lexicon, text: str, i: int, max_end: int | None = None) -> int:
    """The plain longest match: every entry length of the first character, longest first."""
    lengths = lex.by_first.get(text[i]) if i < len(text) else None
    for n in lengths or ():
        if max_end is not None and i + n > max_end:
            continue
        if text[i:i + n] in lex.words:
            return n
    return 0


def match_triggers_plainly(hay: str, pairs: list[tuple[str, str]], latin: bool):
    """The trigger search as a pattern per word (compiled on the spot), every word tried."""
    best = None
    low = hay.lower()
    for word, key in pairs:
        w = word.lower()
        if latin:
            rx = (rf"(?<![\w-]){re.escape(w)}(?!\w)|{re.escape(w)}(?=\b)" if len(w) >= 5 else
                  rf"(?<![\w-]){re.escape(w)}(?!\w)")
            for m in re.finditer(rx, low):
                best = figures._better(best, (key, m.start(), m.end()))
        else:
            i = low.find(w)
            while i >= 0:
                best = figures._better(best, (key, i, i + len(w)))
                i = low.find(w, i + 1)
    return best


def lexicons() -> list[dictionaries.Lexicon]:
    d = dictionaries.get()
    found = [v for v in vars(d).values() if isinstance(v, dictionaries.Lexicon)]
    return found + list(zh_crf._lexicons(d))


def test_articles_are_there():
    langs = {lang for _n, _t, lang in articles()}
    assert langs == {"zh-Hans", "zh-Hant", "ja", "de", "en"}


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_longest_match_is_the_plain_one_everywhere(name, text, lang):
    for lex in lexicons():
        for i in range(len(text) + 1):
            for max_end in (None, i, i + 1, i + 3, len(text) + 5):
                assert lex.match_at(text, i, max_end) == match_by_lengths(lex, text, i, max_end), (name, i, max_end)


def test_longest_match_at_the_end_of_the_text_keeps_its_old_length():
    # an entry that is all the rest of the text answers the longest length of its first
    # character: slices cut short at the end of the text used to match it
    lex = dictionaries.Lexicon(["青岛", "青岛市政府"])
    assert lex.match_at("去青岛", 1) == match_by_lengths(lex, "去青岛", 1) == 5
    assert lex.match_at("去青岛", 1, 4) == 2
    assert lex.match_at("青岛市", 0) == 2
    lex.add("青岛市")  # entries added after the first look-up are found
    assert lex.match_at("青岛市", 0) == match_by_lengths(lex, "青岛市", 0) == 5


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_trigger_search_is_the_plain_one(name, text, lang):
    vocab = default_vocabulary()
    latin = lang in ("de", "en")
    clauses = [c for c in re.split(r"[，。；！？\n,;.!?]", text) if c.strip()]
    assert clauses
    # the reader searches a Chinese or Japanese clause in its Simplified form (offsets kept):
    # both forms are compared, and the Simplified one must find triggers in CJK articles
    hays = [c for clause in clauses for c in ((clause,) if latin else (clause, to_simplified_per_char(clause)))]
    found = 0
    for kind in ("amount", "count", "percentage"):
        pairs = vocab.triggers(kind, lang)
        for hay in hays:
            fast = figures._match_triggers(hay, pairs, latin)
            assert fast == match_triggers_plainly(hay, pairs, latin)
            found += fast is not None
    assert found


def extraction(text: str, lang: str):
    facts = extract_text(text, lang, "2026-03-15")
    plain = [f.to_contract() for f in facts]
    first: dict = {}
    for f in facts:
        first.setdefault((f.kind, f.start, f.end), f)
    stored = sorted(first.values(), key=lambda f: (f.start, f.end))
    readings = figures.read_figures(text, lang, "2026-03-15", stored, default_vocabulary())
    return plain, [repr(r) for r in readings]


def test_extraction_is_unchanged_by_the_fast_paths(monkeypatch):
    fast = [extraction(text, lang) for _n, text, lang in articles()]
    assert any(facts for facts, _r in fast) and any(readings for _f, readings in fast)
    monkeypatch.setattr(dictionaries.Lexicon, "match_at", match_by_lengths)
    monkeypatch.setattr(figures, "_match_triggers", match_triggers_plainly)
    plain = [extraction(text, lang) for _n, text, lang in articles()]
    assert fast == plain


def mark_matches_plainly(norm: str, lex: dictionaries.Lexicon, tag: str, marks: list[list[str]]) -> None:
    """The tagger's dictionary marks the plain way: the longest match at each position
    (one character counts for places only), left to right."""
    i, n = 0, len(norm)
    while i < n:
        k = match_by_lengths(lex, norm, i, n)
        if k >= 2 or (k == 1 and tag == "p"):
            if k == 1:
                marks[i].append(tag + "S")
            else:
                marks[i].append(tag + "B")
                marks[i + 1:i + k - 1] = [m + [tag + "I"] for m in marks[i + 1:i + k - 1]]
                marks[i + k - 1].append(tag + "E")
            i += k
        else:
            i += 1


@pytest.mark.parametrize("name,text,lang", articles(), ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "")
def test_tagger_dictionary_marks_are_the_plain_ones(name, text, lang):
    d = dictionaries.get()
    known, words = zh_crf._lexicons(d)
    marked = 0
    for tag, lex in (("p", d.places_cjk), ("o", d.orgs_cjk), ("k", known), ("w", words)):
        for line in text.splitlines():
            fast: list[list[str]] = [[] for _ in line]
            plain: list[list[str]] = [[] for _ in line]
            zh_crf._mark_matches(line, lex, tag, fast)
            mark_matches_plainly(line, lex, tag, plain)
            assert fast == plain, (name, tag, line[:40])
            marked += sum(map(len, fast))
    assert marked or lang in ("de", "en")
