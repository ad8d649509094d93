"""Romanised keys: Chinese names <-> pinyin, Japanese names <-> Hepburn romaji.

Everything here is *evidence*, never proof: two people can share a pinyin
spelling, and a Japanese name written in kanji has several possible readings.
The linker turns a match into a merge proposal with the confidence returned
here (see ``briefbook.link`` for the rules).

Chinese: ``pinyin_name_keys("刘家义") == {"jiayi liu"}`` and
``latin_name_keys("Liu Jiayi") == latin_name_keys("Jiayi Liu") == {"jiayi liu"}``:
a key is the surname's and the joined given name's pinyin, tone marks dropped,
sorted so that either written order matches.

Japanese: a name in Chinese characters (二阶俊博, 鸠山友纪夫, 佐佐木伸彦, 佐々木伸彦)
is brought to Japanese kanji forms (OpenCC s2t then t2jp, 々 spelt out), split
into surname and given name at every point where the surname is a known
Japanese family name (resources/dict/surnames_ja.txt, then the family names of
the reading dictionary, core/ja_reading.py), and each part gets several candidate
readings: its most likely reading plus readings assembled from the dictionary's
words and the kanji's readings inside given names.
Romaji are compared after folding long vowels (ou/oo/oh -> o, uu -> u,
ei -> e), hyphens and apostrophes, so Ōno = Ono = Ohno.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ..core import ja_reading
from ..core.text import HAN, converter, is_cjk, simplified_char, to_japanese_forms, to_simplified
from ..paths import resource

_HAN = re.compile(f"^[{HAN}〆]+$")  # HAN has 々; 〆 is written in Japanese names too
_LATIN_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_MAX_READINGS = 400


def is_han_name(name: str) -> bool:
    return bool(_HAN.match(name or ""))


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def latin_tokens(name: str) -> list[str]:
    """Lower-case Latin tokens of a name, accents and inner hyphens/apostrophes removed."""
    text = strip_accents(unicodedata.normalize("NFKC", name or "")).casefold()
    return [re.sub(r"[-'’]", "", t) for t in _LATIN_TOKEN.findall(text) if t.isascii()]


def is_latin_name(name: str) -> bool:
    toks = latin_tokens(name)
    return bool(toks) and not any(map(is_cjk, name))


# -- word lists -----------------------------------------------------------------

def _read_list(name: str) -> list[str]:
    try:
        lines = resource("dict", name).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@cache
def _zh_surnames() -> frozenset[str]:
    return frozenset(to_simplified(s) for s in _read_list("surnames_zh.txt"))


@cache
def _ja_surnames() -> frozenset[str]:
    return frozenset(to_japanese_kanji(s) for s in _read_list("surnames_ja.txt"))


# -- Chinese ---------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _folded_char(ch: str) -> str:
    """One character in the one form its Japanese, Traditional and Simplified spellings
    share (沢, 澤, 泽 -> 泽): Japanese forms to Traditional, then Simplified. The small
    jp2t and t2s tables do it; the book's names need no s2t phrase table (its load is
    the slowest step of a short export)."""
    trad = converter("jp2t").convert(ch)
    return simplified_char(trad if len(trad) == 1 else ch)


def _folded(name: str) -> str:
    out: list[str] = []
    for ch in name:
        out.append(out[-1] if ch == "々" and out else _folded_char(ch))
    return "".join(out)


@cache
def _folded_ja_surnames() -> dict[int, frozenset[str]]:
    """The known Japanese family names of two or more characters, folded, by length."""
    by_len: dict[int, set[str]] = {}
    for s in _read_list("surnames_ja.txt"):
        if len(s) >= 2:
            by_len.setdefault(len(s), set()).add(_folded(s))
    return {n: frozenset(v) for n, v in by_len.items()}


def starts_with_japanese_surname(name: str) -> bool:
    """A name of three or more characters that starts with a known Japanese family name
    of two or more characters, in any of its spellings (佐佐木伸彦, 佐々木伸彦, 铃木一郎):
    read it as Japanese."""
    if len(name or "") < 3:
        return False
    folded = _folded(name)
    return any(folded[:n] in names for n, names in _folded_ja_surnames().items() if n <= len(folded))


def _py_norm(syllables: list[str]) -> str:
    return "".join(syllables).replace("v", "u").replace("ü", "u")


def split_chinese_name(name: str) -> list[tuple[str, str]]:
    """Possible (surname, given) splits of a Chinese name; known surnames first."""
    simp = to_simplified(name)
    if not is_han_name(simp) or not 2 <= len(simp) <= 4:
        return []
    out = []
    surnames = _zh_surnames()
    for n in (2, 1):
        if len(simp) > n and simp[:n] in surnames:
            out.append((simp[:n], simp[n:]))
    if not out:
        out.append((simp[:1], simp[1:]))
    return out


@lru_cache(maxsize=20000)
def pinyin_name_keys(name: str) -> frozenset[str]:
    """Order-free pinyin keys for a Chinese personal name ('' when it is not one)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    keys = set()
    for surname, given in split_chinese_name(name):
        full = lazy_pinyin(surname + given, style=Style.NORMAL)
        given_py = _py_norm(full[len(surname):])
        sur_options = {_py_norm(full[:len(surname)])}
        if len(surname) == 1:  # surnames read differently from the word (单 Shan, 曾 Zeng)
            sur_options.update(_py_norm([r]) for r in pinyin(surname, style=Style.NORMAL, heteronym=True)[0][:4])
        for sur in sur_options:
            if sur and given_py:
                keys.add(" ".join(sorted((sur, given_py))))
    return frozenset(keys)


def latin_name_keys(name: str) -> frozenset[str]:
    """Order-free keys of a romanised two-part name: 'Liu Jiayi', 'Jiayi Liu', 'LIU Jia-yi'."""
    toks = [t.replace("v", "u") for t in latin_tokens(name)]
    if len(toks) == 2:
        return frozenset({" ".join(sorted(toks))})
    if len(toks) == 3:  # 'Liu Jia Yi' / 'Jia Yi Liu'
        return frozenset({" ".join(sorted((toks[0], toks[1] + toks[2]))),
                          " ".join(sorted((toks[0] + toks[1], toks[2])))})
    return frozenset()


def pinyin_match(han_name: str, latin_name: str) -> float:
    """Confidence that a Chinese name and a romanised name are the same person's (0 = no)."""
    keys = pinyin_name_keys(han_name)
    if not keys or not (keys & latin_name_keys(latin_name)):
        return 0.0
    toks = latin_tokens(latin_name)
    # surname first (the Chinese order) is how pinyin names are normally written
    first = toks[0].replace("v", "u") if toks else ""
    from pypinyin import lazy_pinyin

    surnames = {_py_norm(lazy_pinyin(s)) for s, _ in split_chinese_name(han_name)}
    return 0.85 if first in surnames else 0.8


# -- Japanese --------------------------------------------------------------------

def to_japanese_kanji(name: str) -> str:
    """Simplified/Traditional characters -> Japanese kanji forms; 々 spelt out."""
    text = to_japanese_forms(name or "")
    out: list[str] = []
    for ch in text:
        out.append(out[-1] if ch == "々" and out else ch)
    return "".join(out)


def fold_romaji(text: str) -> str:
    """Romaji compared loosely: no macrons, long vowels folded, m/n before labials."""
    t = strip_accents(text).casefold()
    t = re.sub(r"[^a-z]", "", t)
    t = re.sub(r"oh(?![aeiou])", "o", t)
    t = t.replace("ou", "o").replace("oo", "o").replace("uu", "u").replace("ei", "e")
    t = re.sub(r"m(?=[bpm])", "n", t)
    t = t.replace("nn", "n").replace("tch", "cch")
    return t


@lru_cache(maxsize=50000)
def _kana_to_romaji(kana: str) -> str:
    return ja_reading.kana_to_romaji(kana)


@lru_cache(maxsize=20000)
def default_reading(kanji: str) -> str:
    """The most likely reading (the cheapest cut into dictionary words), folded; '' when
    a kanji of it is in no word."""
    return fold_romaji("".join(ja_reading.reading_romaji(kanji)))


@lru_cache(maxsize=20000)
def readings(kanji: str) -> frozenset[str]:
    """Candidate readings (folded romaji) of a short kanji string, at most a few hundred."""
    if not kanji:
        return frozenset({""})
    result = {default_reading(kanji)}
    for end in range(1, min(len(kanji), 8) + 1):
        key = kanji[:end]
        values = ja_reading.word_readings(key)
        if end == 1:  # a single kanji also as it is read inside given names
            values = values + ja_reading.word_readings("@" + key)
        if not values:
            continue
        rests = sorted(readings(kanji[end:]))  # in a fixed order: the cap keeps the same readings every run
        if not rests:
            continue
        for yomi in values[:6]:
            head = fold_romaji(_kana_to_romaji(yomi))
            if not head:
                continue
            for rest in rests:
                result.add(fold_romaji(head + rest))
                if len(result) >= _MAX_READINGS:
                    return frozenset(result)
    result.discard("")  # a part no word covers: no reading rather than half of one
    return frozenset(result)


def split_japanese_name(name: str) -> list[tuple[str, str, bool]]:
    """Possible (surname, given, surname_is_known) splits of a kanji name in Japanese forms."""
    jp = to_japanese_kanji(name)
    if not is_han_name(jp) or not 2 <= len(jp) <= 6:
        return []
    out: list[tuple[str, str, bool]] = []
    known = _ja_surnames()
    for n in range(min(4, len(jp) - 1), 0, -1):
        if jp[:n] in known:
            out.append((jp[:n], jp[n:], True))
    for n in range(min(4, len(jp) - 1), 0, -1):  # family names the reading dictionary knows
        if ja_reading.is_family_name(jp[:n]) and all(s != jp[:n] for s, _, _ in out):
            out.append((jp[:n], jp[n:], False))
    return out


@lru_cache(maxsize=20000)
def japanese_surname_keys(name: str) -> frozenset[str]:
    """Folded romaji of the likely surname readings (for the romanised-key index)."""
    keys = set()
    for surname, _given, _known in split_japanese_name(name):
        keys.add(default_reading(surname))
        # The 32 shortest, ties by spelling: a set's order changes with PYTHONHASHSEED,
        # and these keys are stored (link_keys).
        keys.update(sorted(readings(surname), key=lambda reading: (len(reading), reading))[:32])
    keys.discard("")
    return frozenset(keys)


def japanese_match(kanji_name: str, latin_name: str) -> float:
    """Confidence that a kanji name and a romanised name are one Japanese person's (0 = no)."""
    toks = [fold_romaji(t) for t in latin_tokens(latin_name)]
    if len(toks) != 2 or not all(toks):
        return 0.0
    best = 0.0
    for surname, given, known in split_japanese_name(kanji_name):
        for sur_rom, giv_rom in ((toks[0], toks[1]), (toks[1], toks[0])):
            sur_default = default_reading(surname) == sur_rom
            if not (sur_default or sur_rom in readings(surname)):
                continue
            giv_default = default_reading(given) == giv_rom
            if not (giv_default or giv_rom in readings(given)):
                continue
            score = 0.7
            score += 0.05 if known else 0.0
            score += 0.05 if sur_default else 0.0
            score += 0.05 if giv_default else 0.0
            best = max(best, score)
    return best
