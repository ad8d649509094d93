"""What kind of word a capitalised word is: an ordinary word of the language (by the
wordfreq-derived ``common_words_latin.txt``), a role or title, a possible name, a
word that makes a phrase an organisation."""

from __future__ import annotations

import re

from .scan import LatinScan, is_cap
from .words import (
    DE_NOUN_ENDINGS,
    DE_PLACE_ENDINGS,
    HONORIFICS,
    MONTHS_DAYS,
    NOT_NAME,
)

# is_namey and is_role depend only on the word, the text's language and the loaded
# dictionaries; an article asks about the same words many times (and every article
# about the same common ones), so the answers are kept per set of dictionaries
_MEMO_OF: list = [None]
_MEMO: dict[str, dict] = {"namey": {}, "role": {}}
_MEMO_SIZE = 100_000


def _memo(d, table: str) -> dict:
    if _MEMO_OF[0] is not d:
        _MEMO_OF[0] = d
        for m in _MEMO.values():
            m.clear()
    memo = _MEMO[table]
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    return memo


def is_common(scan: LatinScan, w: str, foreign: bool = False) -> bool:
    """An ordinary word of the text's language (Haus, Regierung, street, White), by the
    wordfreq-derived list in common_words_latin.txt; with ``foreign`` also an ordinary
    word of another listed language (Air Force in German text, La Fiesta, Via Roma)."""
    lists = scan.d.common_latin
    low = w.casefold()
    own = lists.get(scan.doc.lang)
    if own and (low in own or scan.doc.lang == "de" and low.endswith("s") and low[:-1] in own):
        return True
    return foreign and any(low in words for lang, words in lists.items() if lang != scan.doc.lang)


def is_namey(scan: LatinScan, w: str) -> bool:
    """A capitalised word that may be (part of) a personal name: not an ordinary word
    (of any listed language), month, title, role, place or organisation word, not an
    acronym, not a German noun by its shape (Nanotechnologie, Biobauer = Bio + bauer,
    Hamburger = Hamburg + er, SVP-Nationalrat)."""
    memo = _memo(scan.d, "namey")
    key = (scan.doc.lang, w)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _is_namey(scan, w)
    return got


def _is_namey(scan: LatinScan, w: str) -> bool:
    d = scan.d
    if not is_cap(w) or len(w) < 2 or w.isupper() or w in NOT_NAME or w in MONTHS_DAYS or \
            w in HONORIFICS or any(c.isdigit() for c in w) or w.endswith("-"):
        return False
    if w in d.role_words_latin or w in d.titles_latin or w in d.places_latin or w in d.orgs_latin or \
            w in d.org_suffixes_latin or w.split("-")[-1] in d.org_suffixes_latin or is_role(scan, w):
        return False
    base = w[:-1] if w.endswith("s") else w
    if base in d.places_latin:
        return False
    if w in d.given_latin:
        return True
    if "-" in w:
        return all(is_namey(scan, p) for p in w.split("-") if p)
    if is_common(scan, w, foreign=True):
        return False
    if scan.doc.lang == "de":
        low = w.casefold()
        if len(w) >= 9 and low.endswith(DE_NOUN_ENDINGS):
            return False
        if len(w) >= 7 and low.endswith(DE_PLACE_ENDINGS):
            return False
        if w.endswith("er") and (w[:-2] in d.places_latin or w[:-3] in d.places_latin):
            return False  # Hamburger, Berner: adjectives of places
        if len(w) >= 8 and _de_compound(scan, low):
            return False  # a compound of two ordinary words (Fels + schlucht, Spielzeug + hersteller)
    return True


def _de_compound(scan: LatinScan, low: str) -> bool:
    own = scan.d.common_latin.get("de", ())
    for k in range(3, len(low) - 4):
        if low[k:] in own:
            head = low[:k]
            if any(h in own or is_common(scan, h, foreign=True) for h in (head, head[:-1], head[:-2]) if len(h) >= 3):
                return True
    return False


def is_role(scan: LatinScan, w: str) -> bool:
    """A role or title word (Minister, Sprecher, Wirtschaftsministerin)."""
    memo = _memo(scan.d, "role")
    got = memo.get(w)
    if got is None:
        got = memo[w] = _is_role(scan, w)
    return got


def _is_role(scan: LatinScan, w: str) -> bool:
    d = scan.d
    if w in d.role_words_latin or w in d.titles_latin:
        return True
    if not is_cap(w) or len(w) < 6:
        return False
    if "-" in w[1:-1]:
        last = w.rsplit("-", 1)[1]
        if is_cap(last) and last != w and is_role(scan, last):
            return True  # Vize-Präsidenten, Ex-Ministerin
    low = w.lower()
    return any(low.endswith(suf) and len(low) > len(suf) + 2 for suf in d.role_suffixes_de) or \
        any(w.startswith(t) and w[len(t):] in ("en", "n", "s", "in", "innen") for t in d.titles_latin
            if len(t) > 4)


def is_title_phrase(scan: LatinScan, phrase: str) -> bool:
    """A title written in lower case (vice chairman, chief executive) or a German
    compound role (Wirtschaftsministerin)."""
    low = phrase.lower()
    if low in scan.d.titles_latin_lower:
        return True
    words = phrase.split()
    return len(words) == 1 and is_cap(phrase) and is_role(scan, phrase) and \
        phrase not in scan.d.role_words_latin or False


def org_like(scan: LatinScan, s: int, e: int) -> bool:
    return org_like_text(scan, scan.norm[s:e])


def org_like_text(scan: LatinScan, t: str) -> bool:
    d = scan.d
    if t in d.orgs_latin:
        return True
    words = re.findall(r"[\w\-]+", t)
    # the head as written or in the genitive (Verbandes, Rats, CPC-Komitees)
    return any(h in d.org_suffixes_latin for w in words for h in
               (w, w.split("-")[-1], w.split("-")[-1].rstrip("s"), w[:-2] if w.endswith("es") else w)) or \
        _org_compound(scan, words[0] if words else "")


def _org_compound(scan: LatinScan, w: str) -> bool:
    """A German compound of an organisation's head noun (Volkskongresses, Bundesministeriums)."""
    low = w.lower()
    return is_cap(w) and len(w) > 8 and any(low.endswith((h, h + "s", h + "es")) and len(low) > len(h) + 3
                                            for h in scan.d.org_compound_heads_de)
