"""Which rules run, and in which order, for each language.

A *step* is a function ``step(doc)`` that adds facts to the ``Doc`` (dates, amounts,
events ...).  The entity steps run a list of *passes* over one shared scan state
(``CjkScan`` for text in Chinese characters, ``LatinScan`` for German and English
words), so a later pass sees what an earlier one found.  Both kinds are listed here
per language, in order; to add a rule, write the pass function in the module of its
language and subject and put it in the lists below where it belongs.

Order matters: dates, then amounts and percentages, then counts claim their
characters so a later rule never reads the same digits twice; names come after
numbers; events and agreements last, because they use the names found before.
Text of one language holds words of the other script (JETRO in Chinese, 习近平 in
German), so every language runs both entity steps, its own first.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.text import has_han
from . import dates, dates_latin, events, quantities
from .base import Doc
from .cjk import emit as cjk_emit
from .cjk import mentions as cjk_mentions
from .cjk import orgs as cjk_orgs
from .cjk import people as cjk_people
from .cjk import places as cjk_places
from .cjk.scan import CjkScan, is_katakana
from .ja import orgs as ja_orgs
from .ja import people as ja_people
from .ja import tagged as ja_tagged
from .latin import orgs as latin_orgs
from .latin import people as latin_people
from .latin import people_context as latin_context
from .latin import people_roles as latin_roles
from .latin import places as latin_places
from .latin import tagged as latin_tagged
from .latin.scan import LatinScan
from .latin.scan import drop_addresses as latin_drop_addresses
from .latin.scan import emit as latin_emit
from .zh import people as zh_people
from .zh import tagged as zh_tagged

Step = Callable[[Doc], None]
LANGS = ("zh-Hans", "zh-Hant", "ja", "de", "en")

# ---------------------------------------------------------------- Chinese characters
# the passes every text with Chinese characters gets, in two halves around the
# language's own passes
_CJK_FIRST = [cjk_people.mark_titles, cjk_orgs.scan_known_orgs, cjk_orgs.scan_suffix_orgs,
              cjk_orgs.scan_abbreviation_uses, cjk_orgs.scan_source_orgs, cjk_people.scan_titled_people, cjk_orgs.scan_listed_companies]
_CJK_LAST = [cjk_orgs.drop_glosses, cjk_emit.emit]
# on the emitted facts, after every pass that adds people (the Japanese tagger's too)
_CJK_PEOPLE_LAST = [cjk_mentions.attach_orgs, cjk_mentions.link_short_mentions]

CJK_PASSES: dict[str, list[Callable[[CjkScan], None]]] = {
    "zh-Hans": [*_CJK_FIRST, cjk_places.scan_places, zh_people.scan_bare_names, zh_tagged.scan_tagged,
                cjk_orgs.scan_forces_and_teams, zh_people.scan_repeated_names, zh_people.scan_latin_given_names, *_CJK_LAST,
                *_CJK_PEOPLE_LAST],
    "zh-Hant": [*_CJK_FIRST, cjk_places.scan_places, zh_people.scan_bare_names, zh_tagged.scan_tagged,
                cjk_orgs.scan_forces_and_teams, zh_people.scan_repeated_names, zh_people.scan_latin_given_names, *_CJK_LAST,
                *_CJK_PEOPLE_LAST],
    "ja": [*_CJK_FIRST, ja_people.scan_name_dot_title, ja_people.scan_name_reading_title, ja_orgs.scan_kabushiki, ja_orgs.scan_orgs, ja_people.scan_people,
           ja_people.scan_katakana_people, cjk_places.scan_places, ja_people.scan_bare_names, *_CJK_LAST,
           ja_tagged.scan_tagged, ja_people.attach_dot_titles, *_CJK_PEOPLE_LAST],
    # Chinese or Japanese names quoted in German or English text
    "de": [*_CJK_FIRST, cjk_places.scan_places, *_CJK_LAST],
    "en": [*_CJK_FIRST, cjk_places.scan_places, *_CJK_LAST],
}

# ---------------------------------------------------------------- German and English
_LATIN_NAMES = [latin_orgs.scan_gazetteers, latin_orgs.scan_orgs, latin_orgs.scan_listed_orgs, latin_places.scan_zones,
                latin_people.scan_people, latin_roles.scan_title_orgs, latin_context.scan_people_context]
# the rules that need the language's list of ordinary words (common_words_latin.txt)
_LATIN_BY_WORDS = [latin_context.scan_given_alone, latin_context.scan_single_names]
_LATIN_LAST = [latin_context.scan_mentions, latin_orgs.scan_more_orgs, latin_orgs.scan_parties,
               latin_orgs.scan_source_sites]

LATIN_PASSES: dict[str, list[Callable[[LatinScan], None]]] = {
    "de": [*_LATIN_NAMES, *_LATIN_BY_WORDS, *_LATIN_LAST, latin_places.scan_more_places,
           latin_orgs.resolve_glosses, latin_emit, latin_tagged.scan_tagged, latin_drop_addresses,
           latin_places.name_standalone_forms],
    "en": [*_LATIN_NAMES, *_LATIN_BY_WORDS, *_LATIN_LAST, latin_orgs.resolve_glosses, latin_emit,
           latin_tagged.scan_tagged, latin_drop_addresses, latin_places.name_standalone_forms],
    # Latin-script names and acronyms in Chinese and Japanese text
    "zh-Hans": [*_LATIN_NAMES, *_LATIN_LAST, latin_orgs.resolve_glosses, latin_emit],
    "zh-Hant": [*_LATIN_NAMES, *_LATIN_LAST, latin_orgs.resolve_glosses, latin_emit],
    "ja": [*_LATIN_NAMES, *_LATIN_LAST, latin_orgs.resolve_glosses, latin_emit],
}


def cjk_entities(doc: Doc) -> None:
    """Organisations, places and people written in Chinese characters or kana."""
    if not has_han(doc.norm) and \
            not (doc.lang == "ja" and any(is_katakana(c) for c in doc.norm)):
        return  # a Japanese text in katakana alone (ロッキー・ロメロは…) still has names
    scan = CjkScan(doc)
    for run in CJK_PASSES[doc.lang]:
        run(scan)


def latin_entities(doc: Doc) -> None:
    """Organisations, places and people written in Latin script."""
    scan = LatinScan(doc)
    if not scan.tokens:
        return
    for run in LATIN_PASSES[doc.lang]:
        run(scan)


_CJK_STEPS: list[Step] = [dates.extract_cjk, dates_latin.extract_latin, quantities.extract_cjk, quantities.extract_latin,
                          cjk_entities, latin_entities, events.extract]
_LATIN_STEPS: list[Step] = [dates_latin.extract_latin, quantities.extract_latin, dates.extract_cjk,
                            quantities.extract_cjk, latin_entities, cjk_entities, events.extract]

STEPS: dict[str, list[Step]] = {"zh-Hans": _CJK_STEPS, "zh-Hant": _CJK_STEPS, "ja": _CJK_STEPS,
                                "de": _LATIN_STEPS, "en": _LATIN_STEPS}
