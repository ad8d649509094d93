"""Readings of Japanese text and names, and Hepburn romaji.

The readings come from IPAdic's nouns (resources/dict/ja_readings.tsv.gz, made by
resources/dict/build/make_ja_readings.py): word, reading in katakana, word cost, kind
(family name, given name, place, organisation).  A text is read by cutting it into known
words at the lowest total cost (kana read from their own letters); a kanji that no word
covers leaves the reading unknown, and the caller shows the original instead of a guess.

Romaji follow the Hepburn spelling of Japanese passports: long vowels are not marked
(佐藤 Sato, 大野 Ono, 優子 Yuko), ん is n, っ doubles the next consonant (っち tch).
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache

from ..paths import resource

_MAX_WORD = 12  # the longest word tried at one position (IPAdic's longest nouns are longer, rarely)
_WORD_COST = 3000  # added per word, so that one long known word beats several short ones
_UNKNOWN = 10**7  # a character no word covers: the reading fails


# -- kana to romaji ----------------------------------------------------------------

_MONO = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォヵヶヴ",
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
    "ma mi mu me mo ya yu yo ra ri ru re ro wa i e o n "
    "ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po a i u e o ka ke vu".split(), strict=True))
_DIGRAPH = {}
for _head, _stem in (("キ", "k"), ("ギ", "g"), ("ニ", "n"), ("ヒ", "h"), ("ビ", "b"), ("ピ", "p"), ("ミ", "m"),
                     ("リ", "r")):
    _DIGRAPH.update({_head + "ャ": _stem + "ya", _head + "ュ": _stem + "yu", _head + "ョ": _stem + "yo"})
for _head, _stem in (("シ", "sh"), ("チ", "ch"), ("ジ", "j"), ("ヂ", "j")):
    _DIGRAPH.update({_head + "ャ": _stem + "a", _head + "ュ": _stem + "u", _head + "ョ": _stem + "o",
                     _head + "ェ": _stem + "e"})
_DIGRAPH.update({"ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu", "ティ": "ti", "ディ": "di",
                 "トゥ": "tu", "ドゥ": "du", "テュ": "tyu", "デュ": "dyu", "ウィ": "wi", "ウェ": "we", "ウォ": "wo",
                 "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse",
                 "ツォ": "tso", "イェ": "ye", "クァ": "kwa", "グァ": "gwa"})
_VOWELS = set("aiueo")


def to_katakana(text: str) -> str:
    return "".join(chr(ord(ch) + 0x60) if "ぁ" <= ch <= "ゖ" else ch for ch in text)


def is_kana_text(text: str) -> bool:
    return bool(text) and all("\u3041" <= ch <= "\u30ff" for ch in to_katakana(text))


def _syllables(kana: str) -> list[str] | None:
    """The romaji syllables of a kana string (None when it holds anything else)."""
    kana = to_katakana(kana)
    out: list[str] = []
    double = False
    i = 0
    while i < len(kana):
        ch = kana[i]
        if ch == "ッ":
            double, i = True, i + 1
            continue
        if ch == "ー":
            out.append("-")  # a long vowel: not written
            i += 1
            continue
        syllable = _DIGRAPH.get(kana[i:i + 2])
        step = 2 if syllable else 1
        syllable = syllable or _MONO.get(ch)
        if syllable is None:
            return None
        if double and syllable[0] not in _VOWELS:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
        i += step
    return out


def kana_to_romaji(kana: str) -> str:
    """Hepburn romaji of a word in kana, long vowels unmarked (サトウ sato, ユウコ yuko,
    トウキョウ tokyo, イノウエ inoue: u before another vowel is no long vowel)."""
    syllables = _syllables(kana)
    if syllables is None:
        return ""
    out: list[str] = []
    lengthened = False  # the previous vowel already took a long vowel (オオウチ is o-uchi)
    for n, syllable in enumerate(syllables):
        following = syllables[n + 1] if n + 1 < len(syllables) else ""
        previous = out[-1] if out else ""
        if syllable == "-":
            continue
        long_vowel = not lengthened and (
            (syllable == "o" and previous[-1:] == "o")
            or (syllable == "u" and previous[-1:] in ("o", "u") and following[:1] not in _VOWELS))
        lengthened = long_vowel
        if not long_vowel:
            out.append(syllable)
    return "".join(out)


# -- the dictionary ------------------------------------------------------------------

@cache
def _lines() -> dict[str, str]:
    """word -> its readings as stored; each is parsed when first asked for (start-up cost)."""
    with gzip.open(resource("dict", "ja_readings.tsv.gz"), "rt", encoding="utf-8") as f:
        text = f.read()
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def _with_repeat_mark(word: str) -> str:
    """佐佐木 -> 佐々木: the dictionary writes a doubled kanji with 々, Chinese text spells it out."""
    return "".join("々" if n and ch == word[n - 1] and "\u3400" <= ch <= "\u9fff" else ch
                   for n, ch in enumerate(word))


@lru_cache(maxsize=50000)
def _entries(word: str) -> tuple[tuple[str, int, str], ...]:
    """(reading, cost, kind) of a dictionary word, most common first; () when unknown."""
    raw = _lines().get(word)
    if raw is None and not word.startswith("@"):
        raw = _lines().get(_with_repeat_mark(word))
    if raw is None:
        return ()
    out = []
    for item in raw.split("|"):
        reading, cost, *kind = item.split(" ")
        out.append((reading, int(cost), kind[0] if kind else ""))
    return tuple(out)


def word_readings(word: str, kind: str | None = None) -> list[str]:
    """The katakana readings of one dictionary word, most common first; with ``kind``
    ("s" family name, "g" given name), that kind's readings first."""
    values = _entries(word)
    if kind:
        values = tuple(sorted(values, key=lambda v: (kind not in v[2], v[1])))
    return [reading for reading, _cost, _kind in values]


def is_family_name(word: str) -> bool:
    return any("s" in kind for _r, _c, kind in _entries(word))


def is_given_name(word: str) -> bool:
    return any("g" in kind for _r, _c, kind in _entries(word))


@cache
def short_words_by_kind(max_len: int = 4) -> dict[str, frozenset[str]]:
    """The dictionary's words of two to ``max_len`` characters (family names from one) by
    kind: "s" family names, "g" given names, "p" places, "o" organisations, "n" words
    that are no name, place or body."""
    out: dict[str, set[str]] = {"s": set(), "g": set(), "p": set(), "o": set(), "n": set()}
    # an entry is "reading cost kind|..."; readings are katakana and costs digits, so a space
    # before a letter can only start a kind (one letter: s, g, p, o, n)
    for word, raw in _lines().items():
        if len(word) > max_len or word[0] == "@":
            continue
        if " s" in raw:
            out["s"].add(word)
        if len(word) < 2:
            continue
        named = False
        for kind in ("g", "p", "o"):
            if " " + kind in raw:
                out[kind].add(word)
                named = True
        if not named and " s" not in raw and " n" not in raw:
            out["n"].add(word)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=20000)
def segment(text: str) -> tuple[tuple[str, str], ...] | None:
    """``text`` cut into (word, katakana reading) at the lowest total word cost; a run of
    kana is one word read as written; None when a kanji is covered by no word."""
    known = _lines()
    size = len(text)
    best: list[tuple[int, int, str]] = [(0, 0, "")] + [(_UNKNOWN * (size + 1), 0, "")] * size
    for start in range(size):
        cost_here = best[start][0]
        if cost_here >= _UNKNOWN:
            continue
        if is_kana_text(text[start]):
            end = start + 1
            while end < size and is_kana_text(text[end]):
                end += 1
            options = [(end, to_katakana(text[start:end]), 0)]
        else:
            options = []
            for end in range(start + 1, min(size, start + _MAX_WORD) + 1):
                piece = text[start:end]
                if piece in known or ("々" not in piece and _with_repeat_mark(piece) in known):
                    reading, cost, _kind = _entries(piece)[0]
                    options.append((end, reading, cost))
        for end, reading, cost in options:
            total = cost_here + cost + _WORD_COST
            if total < best[end][0]:
                best[end] = (total, start, reading)
    if best[size][0] >= _UNKNOWN:
        return None
    words: list[tuple[str, str]] = []
    end = size
    while end > 0:
        _total, start, reading = best[end]
        words.append((text[start:end], reading))
        end = start
    return tuple(reversed(words))


def reading_romaji(text: str) -> list[str]:
    """The romaji of each word of ``text`` (empty when part of it cannot be read)."""
    words = segment(text)
    if not words:
        return []
    return [kana_to_romaji(reading) for _word, reading in words]


def _family_reading(word: str) -> str | None:
    """The reading of a known family name: its most common reading (林 Hayashi, although
    IPAdic marks only the Chinese reading リン as a family name)."""
    entries = _entries(word)
    if not any("s" in kind for _r, _c, kind in entries):
        return None
    return min(entries, key=lambda e: e[1])[0]


def _given_reading(word: str) -> tuple[str, int] | None:
    """A given name's reading and cost: a listed given name, else its parts read as given
    names where they are listed and as words where not (晋一 is listed, 晋三 is not)."""
    listed = next(((r, c) for r, c, kind in _entries(word) if "g" in kind), None)
    if listed:
        return listed
    size = len(word)
    best: list[tuple[int, str] | None] = [(0, "")] + [None] * size
    for start in range(size):
        if best[start] is None:
            continue
        cost_here, reading_here = best[start]  # type: ignore[misc]
        for end in range(start + 1, size + 1):
            piece = word[start:end]
            entries = _entries(piece)
            # a given name (g) or a kanji's reading inside given names first, any word's at a price
            named = sorted([e for e in entries if "g" in e[2]] + list(_entries("@" + piece) if end - start == 1 else ()),
                           key=lambda e: e[1])
            if not entries and not named:
                continue
            reading, cost, _kind = named[0] if named else (entries[0][0], entries[0][1] + _WORD_COST, "")
            total = cost_here + cost + _WORD_COST
            if best[end] is None or total < best[end][0]:  # type: ignore[index]
                best[end] = (total, reading_here + reading)
    if best[size] is None:
        return None
    total, reading = best[size]  # type: ignore[misc]
    return reading, total + 10 * _WORD_COST


def name_romaji(name: str) -> tuple[str, str] | None:
    """(family name, given name) in romaji of a Japanese name in kanji or kana, cut where
    a known family name meets a given name at the lowest cost; else the text's own words,
    the first as the family name. None when part of it cannot be read."""
    best: tuple[int, str, str] | None = None
    for n in range(1, len(name)):
        family = _family_reading(name[:n])
        given = _given_reading(name[n:]) if family else None
        if family and given:
            cost = min(c for _r, c, _k in _entries(name[:n])) + given[1]
            if best is None or cost < best[0]:
                best = (cost, family, given[0])
    if best is not None:
        return kana_to_romaji(best[1]), kana_to_romaji(best[2])
    words = reading_romaji(name)
    if not words or not all(words):
        return None
    return words[0], "".join(words[1:])
