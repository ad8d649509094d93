"""Linking an article's person/organisation/place facts to entities.

See ``briefbook.link`` for the confidence rules.  Everything runs inside one
transaction per article and touches only indexed rows: the aliases'
``match_key`` and the romanised-key index ``link_keys`` kept here.

``link_keys`` (a table of schema v2, store/schema.py) holds, per alias, the weaker keys of ``romanise.py`` and
``keys.py``:

=======  ===========================================================
scheme   key
=======  ===========================================================
(empty)  marker: this alias has been indexed
py       order-free pinyin key of a personal name ('jiayi liu')
jas      a candidate romaji reading of a Japanese surname in kanji
lat      one folded romaji token of a Latin-script personal name
core     an organisation's/place's key without its legal or 市/省 suffix
infl     a Latin name with German/English inflection endings cut
qual     a local short form qualified by its article's place (市政府 -> 青岛市政府)
=======  ===========================================================
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from ..core.progress import CancelToken, ProgressFn, no_progress
from ..store import entities as E
from ..store.db import Library
from .dictionary import DictEntry, alias_dictionary
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


def _index_alias(conn: sqlite3.Connection, alias_id: int, kind: str, name: str) -> None:
    rows = [(alias_id, "", "")] + [(alias_id, s, k) for s, k in alias_keys(kind, name)]
    conn.executemany("INSERT OR IGNORE INTO link_keys (alias_id, scheme, key) VALUES (?,?,?)", rows)


def index_new_aliases(lib: Library) -> int:
    """Index aliases added since the last run (by anyone: the linker, the user, a merge)."""
    high = lib.scalar("SELECT max(alias_id) FROM link_keys") or 0
    rows = lib.conn.execute(
        "SELECT a.id, a.name, e.kind FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.id > ? ORDER BY a.id",
        (high,)).fetchall()
    if rows:
        with lib.transaction() as conn:
            for alias_id, name, kind in rows:
                _index_alias(conn, alias_id, kind, name)
    return len(rows)


def reindex(lib: Library) -> int:
    """Rebuild the whole romanised-key index (after editing the dictionaries or readings)."""
    with lib.transaction() as conn:
        conn.execute("DELETE FROM link_keys")
    return index_new_aliases(lib)


# -- the linker ----------------------------------------------------------------------

def is_local_short_form(kind: str, name: str) -> bool:
    key = match_key(name)
    return kind == "organization" and len(key) >= 2 and key[0] in _LOCAL_PREFIXES and is_han_name(key)


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


class _ArticleLinker:
    def __init__(self, lib: Library, article_id: int, lang: str | None, places: dict[str, str],
                 org_keys: Iterable[str] = ()):
        self.org_keys = sorted(set(org_keys))
        self.lib = lib
        self.article_id = article_id
        self.lang = lang
        self.places = places
        self.dictionary = alias_dictionary()
        self.cache: dict[tuple[str, str], tuple[int, float, str]] = {}
        self.added: set[tuple[int, str]] = set()
        self.new_entities: list[tuple[int, str]] = []
        self.local: list[tuple[int, str, str, float]] = []  # (entity, short form, qualified name, confidence)

    def _resolve_local(self, kind: str, name: str) -> tuple[int, float, str]:
        key = match_key(name)
        row = self.lib.conn.execute(
            """SELECT fe.entity_id FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
               JOIN aliases a ON a.entity_id = fe.entity_id JOIN entities e ON e.id = fe.entity_id
               WHERE f.article_id = ? AND a.match_key = ? AND e.kind = ? AND e.merged_into IS NULL
               ORDER BY fe.entity_id LIMIT 1""", (self.article_id, key, kind)).fetchone()
        if row is not None:
            return row[0], CONF_EXACT, "accepted"
        eid = E.create_entity(self.lib, kind, name, aliases=[(name, self.lang)] if self.lang else (), origin="extractor")
        level = _LOCAL_PREFIXES.get(key[0])
        named = [k for k in self.org_keys if k.endswith(key) and len(k) > len(key)
                 and self._place_level(k[: -len(key)]) == level]
        place = self.places.get(level) if level else None
        if level and named:
            self.local.append((eid, name, named[0], CONF_LOCAL_NAMED))
        elif place:
            self.local.append((eid, name, place + key, CONF_LOCAL_QUALIFIED))
        return eid, CONF_NEW, "accepted"

    def _place_level(self, prefix: str) -> str | None:
        entry, _how = self.dictionary.lookup("place", prefix)
        return entry.subtype if entry is not None else None

    def _alias(self, entity_id: int, name: str, lang: str | None, origin: str) -> None:
        if (entity_id, name) not in self.added:
            self.added.add((entity_id, name))
            E.add_alias(self.lib, entity_id, name, lang, origin)

    def _entity_for_entry(self, entry: DictEntry) -> int | None:
        found: list[int] = []
        for name, _lang in entry.names:
            for eid in E.find_entities(self.lib, entry.kind, name):
                if eid not in found:
                    found.append(eid)
        for other in found[1:]:  # entities made before the dictionary knew they were one
            E.propose_merge(self.lib, found[0], other, CONF_DICTIONARY,
                            f"one entry of the alias dictionary: {entry.canonical}")
        return found[0] if found else None

    def resolve(self, kind: str, name: str) -> tuple[int, float, str]:
        """(entity id, link confidence, link status) for a name of the given kind."""
        ckey = (kind, match_key(name))
        if ckey in self.cache:
            eid, conf, status = self.cache[ckey]
            self._alias(eid, name, self.lang, "extractor")
            return eid, conf, status
        result = self._resolve(kind, name)
        self.cache[ckey] = result
        return result

    def _resolve(self, kind: str, name: str) -> tuple[int, float, str]:
        if is_local_short_form(kind, name):
            return self._resolve_local(kind, name)
        ids = E.find_entities(self.lib, kind, name)
        if len(ids) == 1:
            self._alias(ids[0], name, self.lang, "extractor")
            return ids[0], CONF_EXACT, "accepted"
        if len(ids) > 1:
            return ids[0], CONF_AMBIGUOUS, "proposed"
        entry, how = self.dictionary.lookup(kind, name)
        if entry is not None:
            conf = CONF_DICTIONARY if how == "exact" else CONF_DICT_INFLECTED
            eid = self._entity_for_entry(entry)
            if eid is None:
                eid = E.create_entity(self.lib, kind, entry.canonical, origin="dictionary")
                for alias, alang in entry.names:
                    self._alias(eid, alias, alang, "dictionary")
                with self.lib.transaction() as conn:
                    conn.execute("UPDATE aliases SET lang = ? WHERE entity_id = ? AND name = ? AND lang IS NULL",
                                 (entry.names[0][1], eid, entry.canonical))
                self.new_entities.append((eid, kind))
            else:
                for alias, alang in entry.names:  # the dictionary may have grown since
                    self._alias(eid, alias, alang, "dictionary")
            self._alias(eid, name, self.lang, "extractor")
            return eid, conf, "accepted"
        eid = E.create_entity(self.lib, kind, name, origin="extractor")
        if self.lang:
            with self.lib.transaction() as conn:
                conn.execute("UPDATE aliases SET lang = ? WHERE entity_id = ? AND lang IS NULL", (self.lang, eid))
        self.new_entities.append((eid, kind))
        return eid, CONF_NEW, "accepted"


def _candidates(conn: sqlite3.Connection, scheme: str, keys: Iterable[str], kind: str,
                exclude: int) -> list[tuple[int, str]]:
    keys = list(keys)
    if not keys:
        return []
    rows = conn.execute(
        f"""SELECT DISTINCT a.entity_id, a.name FROM link_keys k JOIN aliases a ON a.id = k.alias_id
            JOIN entities e ON e.id = a.entity_id
            WHERE k.scheme = ? AND k.key IN ({','.join('?' * len(keys))})
              AND e.kind = ? AND e.merged_into IS NULL AND e.id != ?""",
        (scheme, *keys, kind, exclude))
    return [(r[0], r[1]) for r in rows]


def _by_match_key(conn: sqlite3.Connection, key: str, kind: str, exclude: int) -> list[tuple[int, str]]:
    rows = conn.execute(
        """SELECT DISTINCT a.entity_id, a.name FROM aliases a JOIN entities e ON e.id = a.entity_id
           WHERE a.match_key = ? AND e.kind = ? AND e.merged_into IS NULL AND e.id != ?""", (key, kind, exclude))
    return [(r[0], r[1]) for r in rows]


def find_proposals(lib: Library, entity_id: int, kind: str) -> list[tuple[int, float, str]]:
    """(other entity, confidence, reason) for entities that may be the same as ``entity_id``."""
    conn = lib.conn
    names = [r[0] for r in conn.execute("SELECT name FROM aliases WHERE entity_id = ?", (entity_id,))]
    best: dict[int, tuple[float, str]] = {}

    def offer(other: int, conf: float, reason: str) -> None:
        if conf > best.get(other, (0.0, ""))[0]:
            best[other] = (conf, reason)

    for name in names:
        if kind == "person":
            han = is_han_name(match_key(name))
            latin = not han and is_latin_name(name)
            if han:
                for other, oname in _candidates(conn, "py", pinyin_name_keys(name), kind, entity_id):
                    if is_latin_name(oname):
                        conf = pinyin_match(name, oname)
                        if conf:
                            offer(other, conf, f"pinyin: {name} is read as {oname}")
                for other, oname in _candidates(conn, "lat", japanese_surname_keys(name), kind, entity_id):
                    conf = japanese_match(name, oname)
                    if conf:
                        offer(other, conf, f"Japanese reading: {name} can be read as {oname}")
            elif latin:
                for other, oname in _candidates(conn, "py", latin_name_keys(name), kind, entity_id):
                    if is_han_name(match_key(oname)):
                        conf = pinyin_match(oname, name)
                        if conf:
                            offer(other, conf, f"pinyin: {oname} is read as {name}")
                    elif is_latin_name(oname):
                        offer(other, CONF_NAME_ORDER, f"same name in another order: {name} / {oname}")
                toks = [fold_romaji(t) for t in latin_tokens(name)]
                if len(toks) == 2:
                    for other, oname in _candidates(conn, "jas", [t for t in toks if t], kind, entity_id):
                        conf = japanese_match(oname, name)
                        if conf:
                            offer(other, conf, f"Japanese reading: {oname} can be read as {name}")
        else:
            key = match_key(name)
            core = org_core_key(name) if kind == "organization" else place_core_key(name)
            conf = CONF_ORG_SUFFIX if kind == "organization" else CONF_PLACE_SUFFIX
            what = "legal form or group suffix" if kind == "organization" else "市/省"
            if core:
                for other, oname in _by_match_key(conn, core, kind, entity_id) + _candidates(conn, "core", [core], kind, entity_id):
                    offer(other, conf, f"same name apart from the {what}: {name} / {oname}")
            for other, oname in _candidates(conn, "core", [key], kind, entity_id):
                offer(other, conf, f"same name apart from the {what}: {name} / {oname}")
            for other, oname in _candidates(conn, "qual", [key], kind, entity_id):
                offer(other, CONF_LOCAL_QUALIFIED, f"{oname} in an article about {key[:-len(match_key(oname)) or None]} "
                                                   f"may be {name}")
            ikey = inflection_key(name)
            if ikey:
                for other, oname in _candidates(conn, "infl", [ikey], kind, entity_id):
                    offer(other, CONF_INFLECTION, f"same words apart from inflection: {name} / {oname}")
    return [(other, conf, reason) for other, (conf, reason) in best.items()]


def link_article(lib: Library, article_id: int) -> dict:
    """Link the article's person/organisation/place facts; returns counts of what was added."""
    row = lib.conn.execute("SELECT lang FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return {"links": 0, "entities": 0, "proposals": 0}
    rows = lib.conn.execute(
        f"""SELECT id, kind, text, value_json FROM facts
            WHERE article_id = ? AND status != 'rejected' AND kind IN ({','.join('?' * len(LINKED_KINDS))})
            ORDER BY start""", (article_id, *LINKED_KINDS)).fetchall()
    facts = [(fid, kind, text, json.loads(value_json or "{}")) for fid, kind, text, value_json in rows]
    if not facts:
        return {"links": 0, "entities": 0, "proposals": 0}
    existing: dict[int, set[str]] = {}
    for fid, role in lib.conn.execute(
            """SELECT fe.fact_id, fe.role FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
               WHERE f.article_id = ?""", (article_id,)):
        existing.setdefault(fid, set()).add(role)
    places = main_places(v.get("name") or t for _i, k, t, v in facts if k == "place")
    org_keys = [match_key(v.get("name") or t) for _i, k, t, v in facts if k == "organization"]
    linker = _ArticleLinker(lib, article_id, row[0], places, org_keys)
    proposals = 0
    pending: list[tuple[int, int, str, float, str]] = []
    with lib.transaction():
        index_new_aliases(lib)
        for fid, kind, text, value in facts:
            roles = existing.get(fid, set())
            name = (value.get("name") or text or "").strip()
            if "subject" not in roles and match_key(name):
                eid, conf, status = linker.resolve(kind, name)
                pending.append((fid, eid, "subject", conf, status))
            org = (value.get("org") or "").strip() if kind == "person" else ""
            if org and "org" not in roles and match_key(org):
                eid, conf, status = linker.resolve("organization", org)
                pending.append((fid, eid, "org", conf, status))
        E.link_facts(lib, pending)
        links = len(pending)
        index_new_aliases(lib)
        for eid, kind in linker.new_entities:
            for other, conf, reason in find_proposals(lib, eid, kind):
                if E.propose_merge(lib, eid, other, round(conf, 3), reason) is not None:
                    proposals += 1
        proposals += _local_proposals(lib, linker)
    return {"links": links, "entities": len(linker.new_entities), "proposals": proposals}


def _local_proposals(lib: Library, linker: _ArticleLinker) -> int:
    """Propose 市政府 (in an article about 青岛) = 青岛市政府, now or when it appears later."""
    made = 0
    for eid, short, qualified, conf in linker.local:
        alias_id = lib.scalar("SELECT id FROM aliases WHERE entity_id = ? ORDER BY id LIMIT 1", (eid,))
        with lib.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO link_keys (alias_id, scheme, key) VALUES (?, 'qual', ?)",
                         (alias_id, match_key(qualified)))
        targets = list(E.find_entities(lib, "organization", qualified))
        entry, _how = alias_dictionary().lookup("organization", qualified)
        if entry is not None:
            for name, _lang in entry.names:
                targets += [t for t in E.find_entities(lib, "organization", name) if t not in targets]
        place = qualified[: len(qualified) - len(match_key(short))]
        for target in targets:
            reason = (f"{short} in an article that also names {qualified}" if conf == CONF_LOCAL_NAMED
                      else f"{short} in an article about {place} may be {qualified}")
            if target != eid and E.propose_merge(lib, eid, target, conf, reason) is not None:
                made += 1
    return made


def link_articles(lib: Library, article_ids: Iterable[int], progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None) -> dict:
    """Link many articles (e.g. the whole library after the dictionary changed)."""
    ids = list(article_ids)
    totals = {"links": 0, "entities": 0, "proposals": 0}
    progress(0, len(ids), "linking entities")
    for n, aid in enumerate(ids, 1):
        for k, v in link_article(lib, aid).items():
            totals[k] += v
        progress(n, len(ids), f"article {aid}")
        if cancel is not None and cancel.cancelled:
            break
    return totals


def link_library(lib: Library, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> dict:
    ids = [r[0] for r in lib.conn.execute("SELECT id FROM articles ORDER BY id")]
    return link_articles(lib, ids, progress, cancel)
