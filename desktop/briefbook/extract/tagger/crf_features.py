"""Features of the CRF taggers, shared by training (``training/train_crf.py``) and use.

German and English are tagged a token at a time (the token of GermEval / UD: a word,
a number or one punctuation mark); Japanese a character at a time.  Our dictionaries
(given names, ordinary words, places, organisations, titles, organisation heads) are
features, so the tagger learns how far to trust each of them.  Training and tagging
must compute the same features: change this module and the models must be retrained.
"""

from __future__ import annotations

import re

from .. import dictionaries

# a word (with inner hyphens, apostrophes and dots: "U.S.", "Baden-Württemberg"), a number, one other mark;
# an initial (J.) and the abbreviations of names and titles keep their dot, as the training sets write them
ABBREVIATIONS = ("Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "St", "Dr", "Mr", "Mrs", "Ms", "Prof")
TOKEN = re.compile(r"(?:[A-Z]\.)+(?!\w)|(?:" + "|".join(ABBREVIATIONS) + r")\.|\w+(?:[-'’&]\w+)*|[^\w\s]")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans (code points) of a German or English text."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


def _shape(w: str) -> str:
    out: list[str] = []
    for c in w:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:6]


# what LatinGazetteer.word keeps per word (see there)
WordFeatures = tuple[list[str], str, str, list[str], list[str], list[str], list[str], bool]


class LatinGazetteer:
    def __init__(self, lang: str):
        d = dictionaries.get()
        self.given = d.given_latin
        self.common = d.common_latin.get(lang, set())
        self.places = d.places_latin
        self.orgs = d.orgs_latin
        self.org_heads = d.org_suffixes_latin
        self.org_prefixes = d.org_prefixes_latin
        self.org_compounds = tuple(h for h in d.org_compound_heads_de if len(h) >= 4)
        self.titles = d.titles_latin
        self.titles_lower = d.titles_latin_lower
        # the words of multi-word places and organisations
        self.place_words = {w for p in self.places for w in p.split() if len(w) > 2 and w[0].isupper()}
        self.org_words = {w for p in self.orgs for w in p.split() if len(w) > 2 and w[0].isupper()}
        self._seen: dict[str, WordFeatures] = {}

    def word(self, w: str) -> WordFeatures:
        """A word's own features, its lower case and shape, its dictionary flags as the
        word before (-1g=) and after (1g=) sees them, its organisation flags as the word
        two before (-2g=) and two after (2g=) sees them, and whether it is an
        organisation's head; kept, since texts repeat words."""
        got = self._seen.get(w)
        if got is None:
            low = w.lower()
            shape = _shape(w)
            f = ["w=" + low, "s=" + shape, "p3=" + low[:3], "x3=" + low[-3:], "x2=" + low[-2:],
                 "x4=" + low[-4:], "t=" + ("T" if w[:1].isupper() else "l" if w[:1].islower() else "o")]
            f += ["g=" + g for g in self.flags(w)]
            gs = [g for g in f if g.startswith("g=")]
            orgs = [g for g in gs if g.startswith("g=org")]
            got = (f, low, shape, ["-1g=" + g for g in gs], ["1g=" + g for g in gs],
                   ["-2g=" + g for g in orgs], ["2g=" + g for g in orgs], "g=orghead" in f or "g=orgcomp" in f)
            if len(self._seen) >= 200_000:
                self._seen.clear()
            self._seen[w] = got
        return got

    def flags(self, w: str) -> list[str]:
        out = []
        low = w.lower()
        if w in self.given:
            out.append("given")
        if low in self.common:
            out.append("common")
        if w in self.places:
            out.append("place")
        elif w in self.place_words:
            out.append("placew")
        if w in self.orgs:
            out.append("org")
        elif w in self.org_words:
            out.append("orgw")
        if w in self.org_heads:
            out.append("orghead")
        elif len(w) > 8 and w[:1].isupper() and low.endswith(self.org_compounds):
            out.append("orgcomp")  # Bundesjustizministerium, Industriekreditbank
        if w in self.org_prefixes:
            out.append("orgpre")  # FC, TSV, Borussia
        if w in self.titles or low in self.titles_lower:
            out.append("title")
        return out


def latin_features(words: list[str], gaz: LatinGazetteer) -> list[list[str]]:
    n = len(words)
    seen = [gaz.word(w) for w in words]
    feats = []
    for i in range(n):
        f = ["b", *seen[i][0]]
        if i == 0:
            f.append("BOS")
        # the words two before, one before, one after and two after (in this order); two
        # away only a word's organisation flags
        if i >= 2:
            _f, low, _shape, _b, _a, before2, _a2, _head = seen[i - 2]
            f.append("-2w=" + low)
            f += before2
        else:
            f.append("-2w=<pad>")
        if i >= 1:
            _f, low, shape, before, _a, _b2, _a2, _head = seen[i - 1]
            f.append("-1w=" + low)
            f.append("-1s=" + shape)
            f += before
        else:
            f.append("-1w=<pad>")
        if i + 1 < n:
            _f, low, shape, _b, after, _b2, _a2, _head = seen[i + 1]
            f.append("1w=" + low)
            f.append("1s=" + shape)
            f += after
        else:
            f.append("1w=<pad>")
        if i + 2 < n:
            _f, low, _shape, _b, _a, _b2, after2, _head = seen[i + 2]
            f.append("2w=" + low)
            f += after2
        else:
            f.append("2w=<pad>")
        if i > 0:
            f.append("bi=" + seen[i - 1][1] + "|" + seen[i][1])
        # an organisation's head noun ahead in the same capitalised run (California Institute of Technology)
        if words[i][:1].isupper():
            for j in range(i + 1, min(n, i + 5)):
                if seen[j][7]:
                    f.append("headahead")
                    break
                if not (words[j][:1].isupper() or words[j] in ("of", "for", "and", "&", "der", "des", "für", "und")):
                    break
        feats.append(f)
    return feats


_CTYPE_SEEN: dict[str, str] = {}


def _ctype(c: str) -> str:
    """The script of a character (hiragana, katakana, kanji, digit, letter, other),
    remembered per character."""
    t = _CTYPE_SEEN.get(c)
    if t is None:
        t = _ctype_of(c)
        if len(_CTYPE_SEEN) < 100_000:
            _CTYPE_SEEN[c] = t
    return t


def _ctype_of(c: str) -> str:
    o = ord(c)
    if 0x3041 <= o <= 0x309F:
        return "H"
    if 0x30A0 <= o <= 0x30FF or c == "ー":
        return "K"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or c in "々〆ヶ":
        return "C"
    if c.isdigit():
        return "D"
    if c.isalpha():
        return "L"
    return "P"


def types_c(c: str) -> bool:
    """A kanji (or 々)."""
    return _ctype(c) == "C"


class JaGazetteer:
    def __init__(self):
        from ...core.ja_reading import short_words_by_kind

        d = dictionaries.get()
        self.lexicons = {"sur": dictionaries.Lexicon(d.surnames_ja), "title": d.titles_ja,
                         "place": d.places_cjk, "org": d.orgs_cjk}
        # IPAdic's family names, given names, ordinary nouns (up to four characters), places
        # and organisations (up to six)
        words = short_words_by_kind(6)
        self.family, self.given, self.nouns = words["s"], words["g"], words["n"]
        self.dict_places, self.dict_orgs = words["p"], words["o"]
        self._word_lists = [(name, ws, self._lengths_by_first(ws, shortest, longest))
                            for name, ws, shortest, longest in (
                                ("fam", self.family, 1, 4), ("giv", self.given, 2, 4), ("noun", self.nouns, 2, 4),
                                ("iplace", self.dict_places, 2, 6), ("iorg", self.dict_orgs, 2, 6))]

    @staticmethod
    def _lengths_by_first(words, shortest: int, longest: int) -> dict[str, tuple[int, ...]]:
        """First character -> the lengths (longest first, within the bounds) of the words
        that start with it: the only lengths worth trying at a position."""
        by: dict[str, set[int]] = {}
        for w in words:
            if shortest <= len(w) <= longest:
                by.setdefault(w[0], set()).add(len(w))
        return {c: tuple(sorted(ls, reverse=True)) for c, ls in by.items()}

    def _word_marks(self, text: str, out: list[list[str]]) -> None:
        """A family name followed by a given name (立石|泰則: fg), and the longest
        dictionary family name, given name, ordinary noun, place and organisation at
        each position."""
        n = len(text)
        for name, words, by_first in self._word_lists:
            i = 0
            while i < n:
                # the longest listed word at i (lengths of words with this first character only)
                k = 0
                for size in by_first.get(text[i], ()):
                    if size <= n - i and text[i:i + size] in words:
                        k = size
                        break
                if k:
                    out[i].append("B" + name)
                    for j in range(i + 1, i + k):
                        out[j].append("I" + name)
                    i += k
                else:
                    i += 1
        i = 0
        while i < n:
            step = 1
            if types_c(text[i]):
                for k in range(min(3, n - i), 0, -1):
                    if text[i:i + k] in self.family:
                        g = next((g for g in range(min(3, n - i - k), 0, -1) if text[i + k:i + k + g] in self.given), 0)
                        if g:
                            out[i].append("Bfg")
                            for j in range(i + 1, i + k + g):
                                out[j].append("Ifg")
                            step = k + g
                            break
            i += step

    def marks(self, text: str) -> list[list[str]]:
        """Per character: B-/I- of the longest entry of each lexicon at that position."""
        from ..spans import normalise

        out: list[list[str]] = [[] for _ in text]
        self._word_marks(text, out)
        # our lists are stored normalised (Simplified: 长官, 议长), the text is matched in the same form
        text = normalise(text)
        for name, lex in self.lexicons.items():
            i = 0
            firsts = lex.by_first
            while i < len(text):
                if text[i] not in firsts:  # no entry starts here (match_at would say 0)
                    i += 1
                    continue
                # an entry that is the rest of the text may be reported longer than what is left
                k = min(lex.match_at(text, i), len(text) - i)
                if k >= 2 or (k == 1 and name == "sur"):
                    out[i].append("B" + name)
                    for j in range(i + 1, i + k):
                        out[j].append("I" + name)
                    if i + k < len(text):
                        out[i + k].append("A" + name)  # just after an entry
                    i += k
                else:
                    i += 1
        return out


# katakana words joined by these are one run (グエン・ヴァン・タン, ジャン=ジャック)
JA_NAME_JOINERS = "・=＝"


def _ja_runs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """Per character: the (start, end) of its run of one script (kanji, katakana with
    its inner joiners, hiragana, digits, Latin letters; a mark is a run of its own)."""
    n = len(text)
    out: list[tuple[int, int]] = [(0, 0)] * n
    i = 0
    while i < n:
        j = i + 1
        if types[i] != "P":
            while j < n and (types[j] == types[i] or (
                    types[i] == "K" and text[j] in JA_NAME_JOINERS and j + 1 < n and types[j + 1] == "K")):
                j += 1 if types[j] == types[i] else 2
        for k in range(i, j):
            out[k] = (i, j)
        i = j
    return out


def _ja_run_features(text: str, types: list[str], runs: list[tuple[int, int]], i: int) -> list[str]:
    """Where the character stands in its script run, the run's length and, for
    katakana, the run itself; what comes before and after the run (は, の, 氏, 大臣 ...)."""
    n = len(text)
    a, b = runs[i]
    ln = b - a
    pos = "S" if ln == 1 else "B" if i == a else "E" if i == b - 1 else "I"
    f = ["rp=" + pos, "rl=" + str(min(ln, 8)), "rt=" + types[i] + pos]
    if types[i] == "K":
        run = text[a:b]
        if ln <= 16:
            f.append("kr=" + run)
        f.append("kj=" + ("1" if any(c in JA_NAME_JOINERS for c in run) else "0"))
        # the run's first and last words and the last word's ending generalise to names never
        # seen whole (…スキー, …ソン a person; …ズ a team)
        words = re.split("[・=＝]", run)
        f += ["kw0=" + words[0], "kwN=" + words[-1], "kx2=" + words[-1][-2:], "kx3=" + words[-1][-3:]]
        j = text.rfind("・", a, i + 1)
        word_start = max(j + 1, a) if j >= 0 else a
        f.append("kwp=" + ("B" if i == word_start else "I"))
    elif types[i] == "C":
        f += ["c0=" + text[a], "cN=" + text[b - 1]]
    if types[i] == "C" and ln <= 8:
        f.append("cr=" + text[a:b])
    f.append("ra1=" + (text[b] if b < n else "_"))
    f.append("ra2=" + (text[b:b + 2] if b + 1 < n else "_"))
    f.append("rb1=" + (text[a - 1] if a > 0 else "_"))
    f.append("rb2=" + (text[a - 2:a] if a > 1 else "_"))
    f.append("rat=" + (types[b] if b < n else "_") + "|" + types[i])
    return f


# the Japanese features of a character pair or triple (few of them known to the model)
JA_GRAM_PREFIXES = ("c-1c=", "cc+1=", "c-2c-1=", "c+1c+2=", "c-1cc+1=")


def ja_features(text: str, gaz: JaGazetteer, model_grams: dict[str, frozenset[str]] | None = None) -> list[list[str]]:
    """Feature strings per character; with ``model_grams`` (tagging: per prefix of
    ``JA_GRAM_PREFIXES``, the pairs and triples the model knows, see
    ``crfsuite_model.known_grams``) the others are left out, as the model would ignore them."""
    n = len(text)
    seen = _CTYPE_SEEN
    types = [seen.get(c) or _ctype(c) for c in text]
    marks = gaz.marks(text)
    runs = _ja_runs(text, types)
    # the text and its types padded with "_" (what stands before the first and after the
    # last character), so the window around i is a slice: [c-2, c-1, c, c+1, c+2]
    chars = "__" + text + "__"
    kinds = "__" + "".join(types) + "__"
    grams = None if model_grams is None else [model_grams[p] for p in JA_GRAM_PREFIXES]

    feats = []
    for i in range(n):
        l2, l1, c, r1, r2 = chars[i], chars[i + 1], chars[i + 2], chars[i + 3], chars[i + 4]
        f = ["b", "c=" + c, "t=" + types[i],
             "c-1=" + l1, "c+1=" + r1, "c-2=" + l2, "c+2=" + r2]
        if grams is None:
            f += ["c-1c=" + l1 + c, "cc+1=" + c + r1, "c-2c-1=" + l2 + l1, "c+1c+2=" + r1 + r2, "c-1cc+1=" + l1 + c + r1]
        else:
            for prefix, known, gram in zip(JA_GRAM_PREFIXES, grams,
                                           (l1 + c, c + r1, l2 + l1, r1 + r2, l1 + c + r1), strict=True):
                if gram in known:
                    f.append(prefix + gram)
        f += ["t3=" + kinds[i + 1:i + 4], "t5=" + kinds[i:i + 5]]
        f += _ja_run_features(text, types, runs, i)
        f += ["g=" + m for m in marks[i]]
        if i + 1 < n:
            f += ["g+1=" + m for m in marks[i + 1] if m[0] == "B"]
        if i > 0:
            f += ["g-1=" + m for m in marks[i - 1] if m[0] != "A"]
        feats.append(f)
    return feats
