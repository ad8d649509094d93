"""Keys that make two spellings of one name compare equal.

``match_key`` (core/names.py, shared with the store) folds what never
distinguishes two entities: Traditional vs Simplified characters, width, case,
spaces and punctuation; this module adds the weaker keys.  Romanised keys
(pinyin, Japanese readings) live in ``romanise.py``; they are weaker evidence
and lead to proposals rather than certain links.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..core.names import match_key, script_of
from ..core.text import has_cjk
from ..paths import resource

__all__ = ["german_nominative", "inflection_key", "match_key", "org_core_key", "place_core_key", "script_of"]

# -- weaker keys (evidence for proposals, or for dictionary look-ups) ---------------

_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_GERMAN_ENDINGS = ("en", "es", "er", "em", "e", "n", "s")


def _stem(token: str) -> str:
    for ending in _GERMAN_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= 4:
            return token[: -len(ending)]
    return token


def inflection_key(name: str) -> str:
    """A Latin name with German/English inflection endings cut from every word:
    'Liberaldemokratischen Partei Japans' and 'Liberaldemokratische Partei Japans'
    share one key.  Empty for names that are not in Latin letters or have one word."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    words = _LATIN_WORD.findall(text)
    if len(words) < 2 or not all(w.isascii() or w.isalpha() and not has_cjk(w) for w in words):
        return ""
    return " ".join(_stem(w) for w in words)


# Legal-form and group suffixes that do not change which organisation is meant
# (三得利集团 = 三得利, ORIX Corporation = ORIX).  Branches and subsidiaries keep
# their distinguishing part (伊藤忠(中国) stays apart from 伊藤忠).
_ORG_SUFFIXES_CJK = ("股份有限公司", "有限责任公司", "有限公司", "株式会社", "控股集团", "集团公司", "集团",
                     "控股", "公司", "会社", "グループ", "ホールディングス")
_ORG_SUFFIXES_LATIN = ("holdings", "holding", "group", "gruppe", "corporation", "corp", "company", "co",
                       "ltd", "limited", "inc", "incorporated", "ag", "gmbh", "kk", "plc", "se")


def org_core_key(name: str) -> str:
    """match_key of an organisation's name without legal-form/group suffixes ('' if nothing was cut)."""
    key = match_key(name)
    if has_cjk(key):
        cut = key
        changed = True
        while changed:
            changed = False
            for suffix in _ORG_SUFFIXES_CJK:
                if cut.endswith(suffix) and len(cut) > len(suffix) + 1:
                    cut = cut[: -len(suffix)]
                    changed = True
        # "株式会社" is also written before the name
        if cut.startswith("株式会社") and len(cut) > 5:
            cut = cut[4:]
        return cut if cut != key else ""
    words = _LATIN_WORD.findall(unicodedata.normalize("NFKC", name or "").casefold())
    while len(words) > 1 and words[-1] in _ORG_SUFFIXES_LATIN:
        words.pop()
    cut = "".join(words)
    return cut if cut and cut != key else ""


_PLACE_SUFFIXES = ("市", "省")


def place_core_key(name: str) -> str:
    """match_key of a Chinese place without 市/省 ('青岛市' -> '青岛'); '' if nothing was cut."""
    key = match_key(name)
    for suffix in _PLACE_SUFFIXES:
        if key.endswith(suffix) and len(key) >= 3 and has_cjk(key):
            return key[:-1]
    return ""


# -- German organisations written with inflected adjectives ------------------------------

# the stems of adjectives that name organisations (bayerisch, staatlich, europäisch, frei ...)
_ADJ_STEM = re.compile(r"(?:isch|lich|ig|al|ell|iv|bar|är|ös|deutsch|frei|neu|alt|groß|hoh|ober|vereinigt|vereint)$")
_ADJ = re.compile(r"([A-ZÄÖÜ][\w\-]*?)(e|en|er|es|em)")
_STRONG = {"m": "er", "f": "e", "n": "es"}


@cache
def _head_genders() -> tuple[tuple[str, str], ...]:
    """(ending, gender) of de/head_genders.txt, longest ending first."""
    try:
        text = resource("dict", "de", "head_genders.txt").read_text(encoding="utf-8")
    except OSError:
        return ()
    out = []
    for line in text.splitlines():
        gender, _, rest = line.partition(":")
        if line.lstrip().startswith("#") or gender.strip() not in _STRONG:
            continue
        out += [(ending, gender.strip()) for ending in rest.split()]
    return tuple(sorted(out, key=lambda eg: -len(eg[0])))


def _head(word: str) -> tuple[str, str] | None:
    """The head noun in the nominative and its gender (Landtags -> Landtag, m)."""
    for form in (word, word[:-2] if word.endswith("es") else "", word[:-1] if word.endswith("s") else ""):
        low = form.lower()
        gender = next((g for ending, g in _head_genders() if low.endswith(ending)), None) if form else None
        if gender and (form == word or gender != "f"):  # a feminine noun takes no genitive -s
            return form, gender
    return None


def german_nominative(name: str) -> str:
    """A German organisation's name whose leading adjectives are inflected, in the
    nominative without an article: 'Bayerischen Landtag', 'Bayerische Landtag' and
    'Bayerischen Landtags' are 'Bayerischer Landtag'; 'Europäischen Parlaments' is
    'Europäisches Parlament'; a head noun in the genitive without adjectives is put in
    the nominative too ('Volkskongresses der Provinz Shandong', as a title's organisation
    is written, is 'Volkskongress der Provinz Shandong').  The name as given when it is not of that shape or its
    head noun's gender is not known (de/head_genders.txt)."""
    words = name.split()
    k = 0
    while k < len(words) and (m := _ADJ.fullmatch(words[k])) and _ADJ_STEM.search(m.group(1).lower()):
        k += 1
    if k == len(words) or not words[k][:1].isupper():
        return name
    head = _head(words[k])
    if head is None or k == 0 and head[0] == words[0]:
        return name  # a head noun without adjectives changes only from the genitive (Volkskongresses)
    noun, gender = head
    adjectives = [_ADJ.fullmatch(w).group(1) + _STRONG[gender] for w in words[:k]]  # type: ignore[union-attr]
    return " ".join([*adjectives, noun, *words[k + 1:]])
