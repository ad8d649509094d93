"""Which names may be one entity: the keys of an alias, the places an article is
about, and the merge proposals for an entity given the names that share a key.

Pure logic: the look-ups it needs come in as a function (``Candidates``), so
the same rules run over the library (services/linking.py, with the queries of
store/link_index.py) or over anything else that can answer them.  See
``briefbook.link`` for the confidence rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .dictionary import alias_dictionary
from .keys import inflection_key, match_key, org_core_key, place_core_key
from .romanise import (
    fold_romaji,
    is_han_name,
    is_latin_name,
    japanese_match,
    japanese_surname_keys,
    latin_name_keys,
    latin_tokens,
    pinyin_match,
    pinyin_name_keys,
)

# (scheme, keys) -> [(entity id, alias name)] of the other live entities of the same
# kind whose index holds one of the keys; scheme "match" looks up aliases' match keys.
Candidates = Callable[[str, Iterable[str]], list[tuple[int, str]]]

LINKED_KINDS = ("person", "organization", "place")

CONF_EXACT = 0.97        # same name up to script/width/case/punctuation, or a known alias
CONF_DICTIONARY = 0.97   # names of one alias-dictionary entry
CONF_DICT_INFLECTED = 0.95
CONF_NEW = 1.0           # a new entity named by this very fact
CONF_AMBIGUOUS = 0.5     # several entities share the name (the user split them): proposed link
CONF_ORG_SUFFIX = 0.7
CONF_PLACE_SUFFIX = 0.75
CONF_INFLECTION = 0.8
CONF_NAME_ORDER = 0.8
CONF_LOCAL_QUALIFIED = 0.6   # qualified by the article's most mentioned city/province
CONF_LOCAL_NAMED = 0.75      # the same article also names the qualified body (威海市贸促会 ... 市贸促会)
CONF_HOMONYM = 0.5           # one person's name, named with a different organisation elsewhere

# Chinese local short forms (市政府, 省委, 市贸促会) name a different body in every
# article: they never link across articles by name, and are qualified by the
# article's main city or province (市 -> city, 省 -> province) for a proposal.
_LOCAL_PREFIXES = {"市": "city", "省": "province", "区": None, "县": None}

# -- keys of one alias -------------------------------------------------------------

def alias_keys(kind: str, name: str) -> set[tuple[str, str]]:
    keys: set[tuple[str, str]] = set()
    if kind == "person":
        if is_han_name(match_key(name)):
            keys.update(("py", k) for k in pinyin_name_keys(name))
            keys.update(("jas", k) for k in japanese_surname_keys(name))
        elif is_latin_name(name):
            keys.update(("py", k) for k in latin_name_keys(name))
            if len(latin_tokens(name)) == 2:
                keys.update(("lat", fold_romaji(t)) for t in latin_tokens(name) if fold_romaji(t))
    else:
        core = org_core_key(name) if kind == "organization" else place_core_key(name)
        if core:
            keys.add(("core", core))
    ikey = inflection_key(name)
    if ikey and kind != "person":
        keys.add(("infl", ikey))
    return keys


# -- names in an article ----------------------------------------------------------

def is_local_short_form(kind: str, name: str) -> bool:
    key = match_key(name)
    return kind == "organization" and len(key) >= 2 and key[0] in _LOCAL_PREFIXES and is_han_name(key)


def local_level(kind: str, name: str) -> str | None:
    """'city' or 'province' for a local short form that names one (市政府, 省委), else None."""
    return _LOCAL_PREFIXES.get(match_key(name)[0]) if is_local_short_form(kind, name) else None


def may_be_one_organisation(a: str, b: str) -> bool:
    """Whether two organisations a person was named with may be one body: the same name, or
    one name inside the other (青岛市商务局 / 市商务局 / 青岛市商务局党组, 青岛市 / 青岛市政府).
    Two people of one name are told apart only by organisations that cannot be one."""
    ka, kb = match_key(a), match_key(b)
    if not ka or not kb:
        return True
    if ka in kb or kb in ka:
        return True
    ca, cb = org_core_key(a), org_core_key(b)
    return bool(ca and cb and (ca in cb or cb in ca))


def main_places(place_names: Iterable[str]) -> dict[str, str]:
    """The most mentioned city and province of an article, in Simplified ('city' -> '青岛')."""
    dictionary = alias_dictionary()
    counts: dict[str, dict[str, int]] = {}
    for name in place_names:
        entry, _how = dictionary.lookup("place", name)
        if entry is None or entry.subtype not in ("city", "province"):
            continue
        han = next((n for n, _ in entry.names if is_han_name(match_key(n))), None)
        if han:
            bucket = counts.setdefault(entry.subtype, {})
            bucket[match_key(han)] = bucket.get(match_key(han), 0) + 1
    return {sub: max(bucket, key=bucket.get) for sub, bucket in counts.items()}


def find_proposals(kind: str, names: Iterable[str], candidates: Candidates,
                   known: dict[tuple[str, str], list] | None = None) -> list[tuple[int, float, str]]:
    """(other entity, confidence, reason) for entities that may be the same as the
    entity called ``names``; ``candidates`` finds the other entities sharing a key.
    ``known``: ``alias_keys`` of (kind, name) worked out beforehand, used instead of
    reading the names again."""
    best: dict[int, tuple[float, str]] = {}

    def keys_of(scheme: str, read, name: str):
        got = known.get((kind, name)) if known else None
        return read(name) if got is None else [k for s, k in got if s == scheme]

    def offer(other: int, conf: float, reason: str) -> None:
        if conf > best.get(other, (0.0, ""))[0]:
            best[other] = (conf, reason)

    for name in names:
        if kind == "person":
            han = is_han_name(match_key(name))
            latin = not han and is_latin_name(name)
            if han:
                for other, oname in candidates("py", keys_of("py", pinyin_name_keys, name)):
                    if is_latin_name(oname):
                        conf = pinyin_match(name, oname)
                        if conf:
                            offer(other, conf, f"pinyin: {name} is read as {oname}")
                for other, oname in candidates("lat", keys_of("jas", japanese_surname_keys, name)):
                    conf = japanese_match(name, oname)
                    if conf:
                        offer(other, conf, f"Japanese reading: {name} can be read as {oname}")
            elif latin:
                for other, oname in candidates("py", keys_of("py", latin_name_keys, name)):
                    if is_han_name(match_key(oname)):
                        conf = pinyin_match(oname, name)
                        if conf:
                            offer(other, conf, f"pinyin: {oname} is read as {name}")
                    elif is_latin_name(oname):
                        offer(other, CONF_NAME_ORDER, f"same name in another order: {name} / {oname}")
                toks = [fold_romaji(t) for t in latin_tokens(name)]
                if len(toks) == 2:
                    for other, oname in candidates("jas", [t for t in toks if t]):
                        conf = japanese_match(oname, name)
                        if conf:
                            offer(other, conf, f"Japanese reading: {oname} can be read as {name}")
        else:
            key = match_key(name)
            core = org_core_key(name) if kind == "organization" else place_core_key(name)
            conf = CONF_ORG_SUFFIX if kind == "organization" else CONF_PLACE_SUFFIX
            what = "legal form or group suffix" if kind == "organization" else "市/省"
            if core:
                for other, oname in candidates("match", [core]) + candidates("core", [core]):
                    offer(other, conf, f"same name apart from the {what}: {name} / {oname}")
            for other, oname in candidates("core", [key]):
                offer(other, conf, f"same name apart from the {what}: {name} / {oname}")
            for other, oname in candidates("qual", [key]):
                offer(other, CONF_LOCAL_QUALIFIED, f"{oname} in an article about {key[:-len(match_key(oname)) or None]} "
                                                   f"may be {name}")
            ikey = inflection_key(name)
            if ikey:
                for other, oname in candidates("infl", [ikey]):
                    offer(other, CONF_INFLECTION, f"same words apart from inflection: {name} / {oname}")
    return [(other, conf, reason) for other, (conf, reason) in best.items()]
