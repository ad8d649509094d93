"""Where a personal name of several capitalised words starts and how long it is: a
given name (``given_names_latin.txt``), romanised Chinese (Liu Jiayi: every word
splits into pinyin syllables) or Japanese (Toshihiro Nikai: kana syllables), a
Vietnamese family name first, or rare capitalised words standing alone."""

from __future__ import annotations

import re

from .lexical import is_namey
from .scan import LatinScan, is_cap
from .words import (
    HONORIFICS,
    LOCATIVE,
    MONTHS_DAYS,
    NOT_NAME,
    PARTICLES,
    QUOTES_OPEN,
)

PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|uei|"
    r"ai|ei|ao|ou|an|en|in|un|ia|ie|ua|uo|ue|ui|iu|er|a|o|e|i|u|v|ü|n))+")

ROMAJI = re.compile(r"(?:(?:ky|sh|ch|ts|ny|hy|my|ry|gy|by|py|[kgsztdnhbpmyrwfj])?(?:[aiueo]|ou|uu|ei)|n)+")


def name_at(scan: LatinScan, i: int) -> int:
    """Number of tokens of a personal name starting at token ``i`` (0 if none)."""
    toks, d = scan.tokens, scan.d
    if i >= len(toks):
        return 0
    w = toks[i][2]
    if not is_cap(w) or w in NOT_NAME or w.isupper() or toks[i][0] in scan.in_honorific:
        return 0  # (Datuk Seri Idris Haron: the name starts after the styles of address)
    k = i
    while k + 1 < len(toks) and k - i < 3 and scan.gap(toks[k][1], toks[k + 1][0]) == " " and (
            is_cap(toks[k + 1][2]) and toks[k + 1][2] not in NOT_NAME and not toks[k + 1][2].isupper()
            or scan.particle_then_cap(k + 1) or _initial_inside(scan, k + 1)):
        k += 1
    n = k - i + 1
    if n < 2:
        return 0
    words = [t[2] for t in toks[i:i + n]]
    if words[0] in d.surnames_vi_latin and all(len(x) <= 6 and x[1:].islower() for x in words[1:3]):
        return min(n, 3)  # Nguyen Van Long: Vietnamese names are family name first, short syllables

    def stop(m: int) -> bool:
        w = words[m]
        if w in PARTICLES:
            return False
        if m == 0 and w in d.given_latin and w not in d.major_places_latin and n >= 2 and \
                words[1] not in d.places_latin and words[1] not in d.orgs_latin:
            return False  # George Wismer, Florence Smith: a given name that is also a town
        if m >= 1 and words[0] in d.given_latin and w not in d.major_places_latin:
            # "Paris Hilton", "Michael Jackson": after a given name a city name is a surname
            return w in d.orgs_latin or w in d.org_suffixes_latin
        if m == 1 and _romaji_pair(scan, words[0], w):
            return False  # Yoshinori Ikeda, Kenji Yamaguchi: a Japanese family name that is also a town
        return w in d.places_latin or w in d.orgs_latin or w in d.org_suffixes_latin

    if any(stop(m) for m in range(n)):
        # stop the name before a place or organisation word
        cut = next((m for m in range(n) if stop(m)), n)
        n = cut
        words = words[:n]
        if n < 2:
            return 0
    while n > 1 and words[n - 1] in PARTICLES:
        n -= 1
    if n < 2:
        return 0
    if n >= 3 and words[0] in d.surnames_zh_latin and words[0] not in d.given_latin and \
            all(2 <= len(x) <= 5 and is_cap(x) and x[1:].islower() and x not in PARTICLES and
                x not in d.titles_latin for x in words[1:3]):
        return 3  # Yap Kim Hock, Ong Ka Ting: a Chinese family name and a given name of two syllables
    if words[0] in d.given_latin:
        if any(w in PARTICLES for w in words):
            return min(n, 4)
        # a third capitalised word is part of the name only after two given names or an
        # initial (Edmund G. Brown)
        return 3 if n >= 3 and (words[1] in d.given_latin or _INITIAL.fullmatch(words[1])) else 2
    if scan.doc.lang in ("de", "en") and all(is_cap(x) and x not in PARTICLES for x in words[:2]):
        w0, w1 = words[0], words[1]
        rare = _rare_run(scan, i, words, n)
        if rare:
            return rare
        if w0 in d.surnames_zh_latin and PINYIN.fullmatch(w1.lower()):
            return 2  # Liu Jiayi
        if all(ROMAJI.fullmatch(x.lower()) for x in (w0, w1)) and max(len(w0), len(w1)) >= 5 and \
                all(x[-1] in "aiueon" for x in (w0, w1)) and all(is_namey(scan, x) for x in (w0, w1)):
            return 2  # Toshihiro Nikai, Sasaki Nobuhiko (not "Region Che": an ordinary word spelt like kana)
        if _romaji_pair(scan, w0, w1):
            return 2
    return 0


def _romaji_pair(scan: LatinScan, w0: str, w1: str) -> bool:
    """Two romanised Japanese words of which the second is a town the gazetteer knows and
    the first a name-like word that is no place (Yoshinori Ikeda): a given and family name."""
    d = scan.d
    return w1 in d.places_latin and w1 not in d.major_places_latin and w0 not in d.places_latin and \
        len(w0) >= 5 and all(bool(ROMAJI.fullmatch(x.lower())) and x[-1] in "aiueon" for x in (w0, w1)) and \
        is_namey(scan, w0)


_INITIAL = re.compile(r"[A-Z]\.")


def _initial_inside(scan: LatinScan, k: int) -> bool:
    """An initial between two words of a name (the "G." of Edmund G. Brown)."""
    toks = scan.tokens
    return k >= 1 and bool(_INITIAL.fullmatch(toks[k][2])) and toks[k - 1][2] in scan.d.given_latin and \
        k + 1 < len(toks) and is_cap(toks[k + 1][2]) and scan.gap(toks[k][1], toks[k + 1][0]) == " "


def _rare_run(scan: LatinScan, i: int, words: list[str], n: int) -> int:
    """Two or three capitalised words that are all name-like and not ordinary words
    (Grant Leadbitter, Egino Weinert, Giacomo della Porta) and stand alone: no
    capitalised word directly before or after (Neue Zürcher Zeitung is not read)."""
    toks = scan.tokens
    if n > 3 or not scan.d.common_latin.get(scan.doc.lang):
        return 0
    if i and is_cap(toks[i - 1][2]) and scan.gap(toks[i - 1][1], toks[i][0]) in (" ", "-") and \
            toks[i][0] not in scan.honorific_end:
        return 0  # (a style of address before the name is no capitalised word of it: Tan Sri Ong Ka Ting)
    e = i + n
    if e < len(toks) and scan.gap(toks[e - 1][1], toks[e][0]) in (" ", "-") and is_cap(toks[e][2]):
        return 0
    if e < len(toks) and scan.gap(toks[e - 1][1], toks[e][0]) in ("-", "'", "’", "&"):
        return 0
    core = [w for w in words if w not in PARTICLES]
    if len(core) < 2 or not all(is_namey(scan, w) for w in core):
        return 0
    if len(core) == 3 and core[1] in scan.d.given_latin and core[0] not in scan.d.given_latin:
        return 0  # Biobauer Renzo Blumenthal: the name starts at the given name
    if scan.sentence_initial(i) and words[0] not in scan.d.given_latin:
        return 0  # Excellent Pizza, Radical Shiite: capitalised because the sentence starts
    s0 = toks[i][0]
    if scan.norm[max(0, s0 - 2):s0].strip()[-1:] in QUOTES_OPEN:
        return 0  # a quoted title: „ Große Wurmtrocknis “, " Red Devils "
    if i and toks[i - 1][2] in LOCATIVE.get(scan.doc.lang, ()) and scan.gap(toks[i - 1][1], s0) == " ":
        return 0  # in Old Trafford, nach Laschkar Gah: a place
    return n


def cap_run(scan: LatinScan, i: int, limit: int = 3) -> int:
    """Number of capitalised name-like tokens from ``i`` (no places, orgs or common words)."""
    toks, d = scan.tokens, scan.d
    k = i
    while k < len(toks) and k - i < limit:
        w = toks[k][2]
        if k > i and scan.gap(toks[k - 1][1], toks[k][0]) != " ":
            break
        if not is_cap(w) or w in NOT_NAME or w in MONTHS_DAYS or w in HONORIFICS or len(w) < 2 \
                or (w.isupper() and len(w) > 1) or w in d.role_words_latin or w in d.titles_latin:
            if k > i and w in PARTICLES and scan.particle_then_cap(k):
                k += 1
                continue
            break
        base = w[:-1] if w.endswith("s") else w
        if w in d.places_latin or base in d.places_latin or w in d.orgs_latin or \
                w in d.org_suffixes_latin or w.split("-")[-1] in d.org_suffixes_latin:
            break
        k += 1
    while k > i and toks[k - 1][2] in PARTICLES:
        k -= 1
    return k - i
