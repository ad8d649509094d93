"""Finding people and organisations by a name typed in any script.

A name in the library's own script is found by its aliases (store/entities.py).
A name typed in Latin letters also finds people written in Chinese characters by
their pinyin ("Xue" and "Xue Qingguo" find 薛慶國) and Japanese people by the
Hepburn readings of their surname ("Hatoyama" finds 鸠山友纪夫): the romanised
keys of link/romanise.py, read from the link index (store/link_index.py) and
computed here for the aliases added since it was last built.
"""

from __future__ import annotations

from ..link.matching import alias_keys
from ..link.romanise import fold_romaji, latin_tokens
from ..store import entities as E
from ..store import link_index as LI
from ..store.db import Library

_SCHEMES = ("py", "jas")


def _query_words(text: str) -> dict[str, list[str]]:
    """The typed words as each key scheme spells them (pinyin keys write ü as u)."""
    words = latin_tokens(text)
    return {"py": [w.replace("v", "u").replace("ü", "u") for w in words],
            "jas": [fold_romaji(w) for w in words]}


def _key_matches(key: str, words: list[str]) -> bool:
    key_words = key.split()
    return all(any(k.startswith(w) for k in key_words) for w in words)


def romanised_matches(lib: Library, kind: str, text: str, limit: int = 500) -> list[int]:
    """Entities of ``kind`` whose romanised keys match every Latin word typed, best known first."""
    if kind != "person" or not text.strip() or any(not ch.isascii() for ch in text if ch.isalpha()):
        return []
    spelt = _query_words(text)
    if not spelt["py"]:
        return []
    found: list[int] = []
    seen: set[int] = set()

    def add(entity_id: int) -> None:
        if entity_id not in seen:
            seen.add(entity_id)
            found.append(entity_id)

    for scheme in _SCHEMES:
        words = [w for w in spelt[scheme] if w]
        if not words:
            continue
        if scheme == "jas" and len(words) > 1:
            continue  # a surname reading is one word; two words are looked up as pinyin
        for entity_id, key in LI.entities_with_key_prefix(lib, scheme, words[0], kind, limit * 4):
            if _key_matches(key, words):
                add(entity_id)
    # aliases not in the index yet (added since the last linking run)
    for _alias_id, name, alias_kind in LI.aliases_after(lib, LI.highest_indexed_alias(lib)):
        if alias_kind != kind:
            continue
        for scheme, key in alias_keys(kind, name):
            words = [w for w in spelt.get(scheme, []) if w]
            if words and (scheme != "jas" or len(words) == 1) and _key_matches(key, words):
                for entity_id in E.find_entities(lib, kind, name):
                    add(entity_id)
    return found[:limit]


def find_entities(lib: Library, kind: str, text: str | None, limit: int = 500) -> list[E.Entity]:
    """Live entities of ``kind`` named like ``text`` in any script (all of them for no text)."""
    text = (text or "").strip()
    found = E.list_entities(lib, kind, text or None, limit=limit)
    if not text or len(found) >= limit:
        return found
    have = {e.id for e in found}
    for entity_id in romanised_matches(lib, kind, text, limit):
        if entity_id in have:
            continue
        entity = E.get_entity(lib, entity_id)
        if entity is not None:  # the romanised look-ups return live entities only
            found.append(entity)
            have.add(entity_id)
    return found[:limit]
