"""Word lists of the German and English rules (which words are articles, particles,
honorifics, verbs of saying ...), read from ``resources/dict/de``, ``en`` and ``latin``.

The rules use the union of the German and English lists whatever the text's
language: German text quotes English names and titles and the other way round.
"""

from __future__ import annotations

import re

from ..dictionaries import word_list


def _de_en(name: str) -> tuple[str, ...]:
    return word_list(f"de/{name}") + word_list(f"en/{name}")


CONNECT_ORG = set(_de_en("org_connectors.txt"))
DETERMINERS = set(_de_en("determiners.txt"))
# determiners that end an organisation's tail after its connector: all but the definite
# article, which names take (Komitees zur Verteidigung der Revolution)
TAIL_STOPS = {w for w in DETERMINERS if w.islower()} - {"der", "die", "das", "den", "dem", "des", "the"}
ADJ_TITLE = re.compile(r"^(?:" + "|".join(_de_en("title_adjectives.txt")) + r")\w*$", re.I)
ZONE_HEADS = set(_de_en("zone_heads.txt"))
NOT_NAME = set(_de_en("not_name.txt"))
# the field of a minister or secretary written before the title word (Trade Minister)
FIELD_WORDS = set(word_list("en/minister_fields.txt"))
PARTICLES = set(word_list("latin/name_particles.txt"))
SAY_VERBS = set(_de_en("say_verbs_before_name.txt"))
AFTER_SAY = set(_de_en("say_verbs_after_name.txt"))
# German finite auxiliaries and modal verbs: in a main clause the subject stands right before
# or right after one ("Beck ist wieder ...", "zuvor musste Halmich ...")
DE_AUX = set(word_list("de/finite_verbs.txt"))
_STYLES = word_list("latin/honorific_styles.txt")
# one-word styles of address (Datuk, Tun, YBhg) are honorifics too; "Tan" of "Tan Sri" is
# a common family name alone, so words of a longer style are not
HONORIFICS = set(_de_en("honorifics.txt") + word_list("latin/honorifics.txt")) | \
    {w.rstrip(".") for w in _STYLES if " " not in w}
# a run of styles of address before a name (YAB Ir. Hj. Datuk Seri, YBhg. Tan Sri, H.E.)
HONORIFIC_RUN = re.compile(r"(?<![\w.’'])(?:(?:" + "|".join(
    re.escape(w) for w in sorted(_STYLES, key=len, reverse=True)) + r")(?:\s+|(?<=\.)(?=[A-Z])))+")
MONTHS_DAYS = set(_de_en("months_days.txt"))
ORG_COMPOUND_START = word_list("de/org_compound_starts.txt")
# endings of German abstract and compound nouns; a long capitalised word ending so is not a name
DE_NOUN_ENDINGS = word_list("de/noun_endings.txt")
ARTICLES = set(_de_en("articles.txt"))
SAINT = set(word_list("latin/saint_prefixes.txt"))
MONTH_ABBR = set(_de_en("month_abbreviations.txt"))
# German place-name endings that hardly end a surname (Pfrondorf, Sindelfingen, Bad Hersfeld)
DE_PLACE_ENDINGS = word_list("de/place_endings_not_surname.txt")
QUOTES_OPEN = set("\"„“”«»‚‘'")
LOCATIVE = {lang: set(word_list(f"{lang}/locative_prepositions.txt")) for lang in ("de", "en")}


def _keyed(name: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for line in word_list(name):
        key, _, rest = line.partition(":")
        out.setdefault(key.strip(), []).extend(rest.split())
    return {k: tuple(v) for k, v in out.items()}


# nouns that relate a place to another (Partnerprovinz, Hauptstadt, Nachbarland): see de/relation_nouns.txt
_RELATION = _keyed("de/relation_nouns.txt")
RELATION_BARE = set(_RELATION.get("bare", ()))
RELATION_FIRST = _RELATION.get("first", ())
RELATION_HEADS = _RELATION.get("head", ())
_CASE_ENDING = re.compile(r"(?:es|s|en|n|e)$")


def is_relation_noun(w: str) -> bool:
    """Partnerprovinz, Landeshauptstadt, Nachbarlandes: a noun that says how the place
    named after it relates to another, no part of that place's name."""
    if w in RELATION_BARE or _CASE_ENDING.sub("", w) in RELATION_BARE:
        return True
    first = next((p for p in RELATION_FIRST if w.startswith(p) and len(w) > len(p) + 2), None)
    if first is None:
        return False
    rest = w[len(first):].lower()
    return rest in RELATION_HEADS or _CASE_ENDING.sub("", rest) in RELATION_HEADS


# nouns that say what kind of organisation follows (Firma, Spartensender): see de/org_descriptors.txt
_DESCRIPTORS = _keyed("de/org_descriptors.txt")
DESCRIPTOR_BARE = set(_DESCRIPTORS.get("bare", ()))
DESCRIPTOR_ENDS = _DESCRIPTORS.get("end", ())


def is_org_descriptor(w: str) -> bool:
    """Firma, Softwareunternehmen, Konzerns: a noun for a kind of organisation, written
    before the organisation's name and no part of it."""
    if w in DESCRIPTOR_BARE or w.endswith("s") and w[:-1] in DESCRIPTOR_BARE:
        return True
    low = w.lower()
    return w[:1].isupper() and any(low.endswith((e, e + "s")) and len(low) > len(e) + 2 for e in DESCRIPTOR_ENDS)
