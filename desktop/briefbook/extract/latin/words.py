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
HONORIFICS = set(_de_en("honorifics.txt") + word_list("latin/honorifics.txt"))
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
