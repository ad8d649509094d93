"""A character CRF for Chinese people, organisations and places (zh-Hans and zh-Hant).

The model (``resources/models/zh/zh_ner.crfsuite``) is a linear-chain CRF over
characters with BIO labels, trained by ``training/train_zh_tagger.py`` on the UNER
Chinese GSDSIMP training split (CC BY-SA 4.0, see the README beside the model).  Its
features are the characters around the position and what our own dictionaries say
about them (family names, given-name characters, transliteration characters, known
places and organisations, organisation suffixes, titles), so the model learns how
far to trust each list.  ``features`` is shared by the training script and the
tagger, so both see exactly the same thing.

Traditional text is converted to Simplified for tagging.  OpenCC's phrase tables may
change the length of a run (rarely); a run whose length changes is converted one
character at a time instead, so every offset of the converted text is the offset of
the same character in the original and spans map back unchanged.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from pathlib import Path

from ...core.text import has_han, is_han
from ...paths import resource
from .. import dictionaries
from ..spans import normalise
from . import TaggedSpan
from .crfsuite_model import known_grams, model_attributes

log = logging.getLogger(__name__)

MODEL_FILE = "zh_ner.crfsuite"
LABEL_KIND = {"PER": "person", "ORG": "organization", "LOC": "place"}
# pieces converted as a whole from Traditional; a piece is cut at punctuation
_PIECE = re.compile(r"[^，。、；：！？,.;:!?\n]+[，。、；：！？,.;:!?\n]*|[，。、；：！？,.;:!?\n]+")
# sentences longer than this are cut for tagging (the CRF is linear, this only bounds memory)
_MAX_SENT = 400


_CTYPE: dict[str, str] = {}


def _ctype(c: str) -> str:
    """The character's class (Han, digit, Latin, dot, space, punctuation), cached."""
    t = _CTYPE.get(c)
    if t is None:
        t = _ctype_of(c)
        if len(_CTYPE) < 100_000:
            _CTYPE[c] = t
    return t


def _ctype_of(c: str) -> str:
    if is_han(c):
        return "H"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "A"
    if c in "·・•":
        return "M"
    if c.isspace():
        return "S"
    return "P"


_LONGEST: dict[int, tuple] = {}


def _longest_entry(lex) -> int:
    got = _LONGEST.get(id(lex))
    if got is None or got[0] is not lex:
        got = _LONGEST[id(lex)] = (lex, max((ls[0] for ls in lex.by_first.values()), default=0))
    return got[1]


def _mark_matches(norm: str, lex, tag: str, marks: list[list[str]], max_len: int = 12) -> None:
    """B/I/E/S marks of the longest dictionary matches, left to right (a one-character
    match counts for places only)."""
    n = len(norm)
    words, by_first = lex.words, lex.by_first
    prefixes = lex.prefixes()
    least = 1 if tag == "p" else 2
    tb, ti, te, ts = tag + "B", tag + "I", tag + "E", tag + "S"
    if least == 2 and len(by_first) >= 1000 and _longest_entry(lex) <= 3:
        # a list of short words that start with most characters (ordinary words): test
        # every two- and three-character piece at once, then walk only where one is listed
        three = [norm[i:i + 3] in words for i in range(n - 2)]
        two = [norm[i:i + 2] in words for i in range(n - 1)]
        i, last = 0, n - 1
        hits = [i for i in range(last) if two[i] or (i < n - 2 and three[i])]
        for i0 in hits:
            if i0 < i:
                continue
            best = 3 if i0 < n - 2 and three[i0] else 2
            marks[i0].append(tb)
            if best == 3:
                marks[i0 + 1].append(ti)
            marks[i0 + best - 1].append(te)
            i = i0 + best
        return
    i = 0
    while i < n:
        lengths = by_first.get(norm[i])
        if lengths is None:
            i += 1
            continue
        best, k, reach = 0, 1, min(lengths[0], n - i)
        while k <= reach:
            piece = norm[i:i + k]
            if piece in words:
                best = k
            if piece not in prefixes:
                break
            k += 1
        if best < least:
            i += 1
            continue
        if best == 1:
            marks[i].append(ts)
        else:
            marks[i].append(tb)
            for j in range(i + 1, i + best - 1):
                marks[j].append(ti)
            marks[i + best - 1].append(te)
        i += best


_LEX: dict[int, tuple] = {}


def _lexicons(d) -> tuple:
    """Known names and ordinary words (sets in ``Dicts``) as lexicons for matching."""
    got = _LEX.get(id(d))
    if got is None or got[0] is not d:
        got = (d, dictionaries.Lexicon(d.zh_known), dictionaries.Lexicon(d.zh_common))
        _LEX.clear()
        _LEX[id(d)] = got
    return got[1], got[2]


def features(norm: str, d=None, rules=(), model_grams: dict[str, frozenset[str]] | None = None) -> list[list[str]]:
    """Feature strings per character of ``norm`` (text normalised by ``spans.normalise``);
    ``rules`` are the rules' own findings ``(start, end, label)`` (label PER, ORG, LOC or
    TIT for a title), a vote the model learns how far to trust.  ``model_grams`` (tagging, see
    ``crfsuite_model.known_grams``): per prefix of a character pair or triple feature, the pairs and
    triples the model knows; the others are left out, as the model would ignore them."""
    d = d or dictionaries.get()
    n = len(norm)
    marks: list[list[str]] = [[] for _ in range(n)]
    for s, e, lab in rules:
        if 0 <= s < e <= n:
            marks[s].append("r" + lab + "B")
            for j in range(s + 1, e):
                marks[j].append("r" + lab + "I")
    _mark_matches(norm, d.places_cjk, "p", marks)
    _mark_matches(norm, d.orgs_cjk, "o", marks)
    known, words = _lexicons(d)
    _mark_matches(norm, known, "k", marks)
    _mark_matches(norm, words, "w", marks)
    # organisation suffixes and titles end at a position; what follows a title is often a name
    suf, titles = d.org_suffixes_zh, d.titles_zh
    for i in range(n):
        c = norm[i]
        if c in suf.by_first:
            k = suf.match_at(norm, i, n)
            if k:
                marks[i + k - 1].append("sufE")
        if c in titles.by_first:
            k = titles.match_at(norm, i, n)
            if k >= 2:
                marks[i + k - 1].append("titE")
                for q in range(i + k, min(n, i + k + 3)):
                    marks[q].append(f"aftT{q - i - k}")
                if i > 0:
                    marks[i - 1].append("befT")
    sur, g1, g2, tr, common = d.surnames_zh, d.zh_given1, d.zh_given2, d.zh_translit, d.zh_common
    types = "^^" + "".join([_CTYPE.get(c) or _ctype(c) for c in norm]) + "$$"
    # the features column by column (one comprehension each), then put together per
    # character: the same strings as a loop over positions, in a fraction of the time
    ch = list(norm)
    left = ["^", *ch[:-1]] if n else []
    left2 = ["^", "^", *ch[:-2]][:n]
    right = [*ch[1:], "$"] if n else []
    right2 = [*ch[2:], "$", "$"][:n]
    out = [["b", *row] for row in zip(["c=" + c for c in ch], ["l=" + c for c in left], ["r=" + c for c in right],
                                      ["l2=" + c for c in left2], ["r2=" + c for c in right2], strict=True)]
    pairs_l = [a + c for a, c in zip(left, ch, strict=True)]
    pairs_r = [c + b for c, b in zip(ch, right, strict=True)]
    gram_columns = (("lc=", pairs_l), ("cr=", pairs_r), ("ll=", [a + b for a, b in zip(left2, left, strict=True)]),
             ("rr=", [a + b for a, b in zip(right, right2, strict=True)]),
             ("lcr=", [a + c + b for a, c, b in zip(left, ch, right, strict=True)]))
    for prefix, column in gram_columns:
        wanted = model_grams.get(prefix) if model_grams is not None else None
        if wanted is None:
            for f, g in zip(out, column, strict=True):
                f.append(prefix + g)
        else:  # only the pairs and triples the model has a weight for (most have none)
            for i in [i for i, g in enumerate(column) if g in wanted]:
                out[i].append(prefix + column[i])
    for i in range(n):
        c, l1 = ch[i], left[i]
        f = out[i]
        f.append("t=" + types[i + 1:i + 4])
        if c in sur:
            f.append("sur")
        if l1 in sur:
            f.append("lsur")
        if left2[i] in sur:
            f.append("l2sur")
        if pairs_l[i] in sur:
            f.append("sur2")
        if c in g1:
            f.append("g1")
        if c in g2:
            f.append("g2")
        if c in tr:
            f.append("tr")
            if l1 in tr:
                f.append("trl")
        if pairs_r[i] in common:
            f.append("cmB")
        if pairs_l[i] in common:
            f.append("cmE")
        if marks[i]:
            f.extend(marks[i])
    return out


# the features of a character pair or triple (one of each per character, few known to the model)
GRAM_PREFIXES = ("lc=", "cr=", "ll=", "rr=", "lcr=")


def char_labels(norm: str, spans) -> list[str]:
    """BIO labels per character for gold spans ``(start, end, label)`` (training)."""
    labels = ["O"] * len(norm)
    for s, e, lab in spans:
        labels[s] = "B-" + lab
        for k in range(s + 1, e):
            labels[k] = "I-" + lab
    return labels


def decode(labels: list[str], probs: list[float] | None = None) -> list[tuple[int, int, str, float]]:
    """Spans ``(start, end, label, score)`` from BIO labels; the score is the lowest
    marginal of the span's characters when ``probs`` is given."""
    out = []
    cur: list = []
    for i, lab in enumerate(labels + ["O"]):
        if cur and not (lab.startswith("I-") and lab[2:] == cur[2]):
            out.append((cur[0], i, cur[2], cur[3]))
            cur = []
        if lab.startswith("B-") or (lab.startswith("I-") and not cur):
            cur = [i, i + 1, lab[2:], probs[i] if probs else 1.0]
        elif cur and probs:
            cur[3] = min(cur[3], probs[i])
    return out


def simplified_same_length(text: str) -> str:
    """Simplified text with the offsets of ``text``: runs converted as a whole by OpenCC
    when that keeps their length, else character by character."""
    from ...core.text import to_simplified

    parts = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        conv = to_simplified(piece)
        parts.append(conv if len(conv) == len(piece) else piece)  # normalise() converts per character
    out = "".join(parts)
    return out if len(out) == len(text) else text


def _sentences(norm: str):
    """(start, end) of the sentences of ``norm`` (cut after 。！？; and newlines)."""
    start, n = 0, len(norm)
    for i, c in enumerate(norm):
        if c in "。!?;\n" or i - start >= _MAX_SENT - 1:
            if i + 1 > start:
                yield start, i + 1
            start = i + 1
    if start < n:
        yield start, n


class ZhCrfTagger:
    name = "zh-crf"

    def __init__(self, model_path: Path, traditional: bool = False):
        import pycrfsuite  # type: ignore[import-untyped]

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self.traditional = traditional
        self._model_grams = known_grams(model_attributes(model_path), GRAM_PREFIXES)

    def tag(self, text: str) -> list[TaggedSpan]:
        return self.tag_with_votes(text, ())

    def tag_with_votes(self, text: str, votes, outside: dict | None = None) -> list[TaggedSpan]:
        """Spans of ``text``; ``votes`` are the rules' findings ``(start, end, label)``
        in the same offsets (see ``features``), none when the rules have not run.
        ``outside`` (if given) is filled with ``(start, end) -> p``: for each vote, the
        lowest probability the model gives its characters of being no name at all."""
        if self.traditional:
            text = simplified_same_length(text)
        norm = normalise(text)
        d = dictionaries.get()
        out = []
        tagger = self._tagger
        votes = sorted(votes)
        starts = [v[0] for v in votes]
        for s, e in _sentences(norm):
            sent = norm[s:e]
            if not has_han(sent):
                continue
            lo, hi = bisect_left(starts, s), bisect_left(starts, e)
            local = [(a - s, b - s, lab) for a, b, lab in votes[lo:hi] if b <= e]
            labels = tagger.tag(features(sent, d, local, self._model_grams))
            if outside is not None:
                for a, b, _lab in local:
                    outside[(s + a, s + b)] = min(tagger.marginal("O", k) for k in range(a, b))
            for a, b, lab, _ in decode(labels):
                kind = LABEL_KIND.get(lab)
                if kind:
                    p = min(tagger.marginal(labels[k], k) for k in range(a, b))
                    out.append(TaggedSpan(s + a, s + b, kind, p))
        return out


def _factory(traditional: bool):
    def make() -> ZhCrfTagger | None:
        path = resource("models", "zh", MODEL_FILE)
        if not path.is_file():
            return None
        try:
            return ZhCrfTagger(path, traditional)
        except ImportError:  # python-crfsuite not installed: the rules work alone
            log.warning("python-crfsuite is missing; Chinese extraction runs on the rules alone")
            return None
    return make


def register_all() -> None:
    from . import register

    register("zh-Hans", _factory(False))
    register("zh-Hant", _factory(True))
