"""Linking an article's person/organisation/place facts to entities in the library.

The rules (keys, confidences, proposals) are link/'s; the queries and writes are
the store's (store/entities.py, store/link_index.py); this module walks an
article's facts and combines the two.  Everything runs inside one transaction
per article and touches only indexed rows: the aliases' ``match_key`` and the
romanised-key index ``link_keys``.

Linking runs after an article's facts are saved (services/extraction.py calls
it).  For each person, organisation and place fact that is not rejected it
links the fact to an entity (role "subject"), and for a person whose fact names
an organisation, also to that organisation (role "org").  A fact that already
has a link for a role is left alone, so re-running adds nothing and never
undoes what the user accepted, rejected or merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from ..core.facts import Fact
from ..core.progress import CancelToken, ProgressFn, no_progress
from ..link.dictionary import DictEntry, alias_dictionary
from ..link.keys import german_nominative, match_key
from ..link.matching import (
    CONF_AMBIGUOUS,
    CONF_DICT_INFLECTED,
    CONF_DICTIONARY,
    CONF_EXACT,
    CONF_HOMONYM,
    CONF_LOCAL_NAMED,
    CONF_LOCAL_QUALIFIED,
    CONF_NEW,
    LINKED_KINDS,
    alias_keys,
    is_local_short_form,
    local_level,
    main_places,
    may_be_one_organisation,
)
from ..link.matching import find_proposals as _find_proposals
from ..store import entities as E
from ..store import link_index as LI
from ..store.articles import article_ids as _all_article_ids
from ..store.db import Library

_NOTHING = {"links": 0, "entities": 0, "proposals": 0}


# -- the romanised-key index -------------------------------------------------------

def index_new_aliases(lib: Library, known: dict[tuple[str, str], list] | None = None) -> int:
    """Index aliases added since the last run (by anyone: the linker, the user, a merge).
    ``known``: the keys of (kind, name) worked out beforehand (``name_keys``, in the
    extraction's worker processes: reading names costs more than storing them)."""
    rows = LI.aliases_after(lib, LI.highest_indexed_alias(lib))
    known = known or {}
    keys = [(alias_id, scheme, key) for alias_id, name, kind in rows
            for scheme, key in [("", ""), *(known.get((kind, name)) or alias_keys(kind, name))]]
    LI.add_link_keys(lib, keys)
    return len(rows)


def reindex(lib: Library) -> int:
    """Rebuild the whole romanised-key index (after editing the dictionaries or readings)."""
    with lib.transaction():
        LI.clear_link_keys(lib)
    return index_new_aliases(lib)


def find_proposals(lib: Library, entity_id: int, kind: str,
                   known: dict[tuple[str, str], list] | None = None) -> list[tuple[int, float, str]]:
    """(other entity, confidence, reason) for entities that may be the same as ``entity_id``
    (``known``: see ``index_new_aliases``)."""

    def candidates(scheme: str, keys: Iterable[str]) -> list[tuple[int, str]]:
        if scheme == "match":
            return [hit for key in keys for hit in LI.by_match_key(lib, key, kind, entity_id)]
        return LI.candidates(lib, scheme, keys, kind, entity_id)

    return _find_proposals(kind, LI.alias_names(lib, entity_id), candidates, known)


# -- one article ---------------------------------------------------------------------

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
        self.homonyms: list[tuple[int, int, str]] = []  # (new person, same-named person, reason)
        # the live aliases of the match keys looked up beforehand (``prefetch``), kept up to
        # date with the aliases this linker adds: one statement instead of one a name
        self.by_key: dict[str, list[tuple[int, str, str]]] = {}

    def prefetch(self, names: Iterable[tuple[str, str]]) -> None:
        """Look up at once the aliases of the (kind, name)s to resolve and of the dictionary's
        names for them."""
        keys: set[str] = set()
        for kind, name in names:
            keys.add(match_key(name))
            entry, _how = self.dictionary.lookup(kind, name)
            if entry is not None:
                keys.update(match_key(n) for n, _lang in entry.names)
        keys -= self.by_key.keys()
        found = E.live_aliases_by_key(self.lib, sorted(keys))
        for key in keys:
            self.by_key[key] = found.get(key, [])

    def _find(self, kind: str, name: str) -> list[int]:
        """``E.find_entities``, from the prefetched aliases when the key was looked up."""
        rows = self.by_key.get(match_key(name))
        if rows is None:
            return E.find_entities(self.lib, kind, name)
        return sorted({eid for eid, k, _n in rows if k == kind})

    def _added_alias(self, entity_id: int, kind: str, name: str) -> None:
        rows = self.by_key.get(match_key(name))
        if rows is not None:
            rows.append((entity_id, kind, name))

    def _create(self, kind: str, name: str, aliases: list[tuple[str, str | None]], origin: str) -> int:
        eid = E.create_entity(self.lib, kind, name, aliases=aliases, origin=origin)
        for alias in {name.strip(), *(a.strip() for a, _lang in aliases)}:
            self._added_alias(eid, kind, alias)
            self.added.add((eid, alias))
        return eid

    def _resolve_local(self, kind: str, name: str) -> tuple[int, float, str]:
        key = match_key(name)
        eid = LI.entity_named_in_article(self.lib, self.article_id, key, kind)
        if eid is not None:
            return eid, CONF_EXACT, "accepted"
        eid = self._create(kind, name, [(name, self.lang)] if self.lang else [], "extractor")
        level = local_level(kind, name)
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

    def _alias(self, entity_id: int, kind: str, name: str, lang: str | None, origin: str) -> None:
        if (entity_id, name) in self.added:
            return
        self.added.add((entity_id, name))
        rows = self.by_key.get(match_key(name.strip()))
        if rows is not None and any(eid == entity_id and n == name.strip() for eid, _k, n in rows):
            return  # the entity has the name already: the insert would be ignored
        if E.add_alias(self.lib, entity_id, name, lang, origin) is not None:
            self._added_alias(entity_id, kind, name.strip())

    def _entity_for_entry(self, entry: DictEntry) -> int | None:
        found: list[int] = []
        for name, _lang in entry.names:
            for eid in self._find(entry.kind, name):
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
            self._alias(eid, kind, name, self.lang, "extractor")
            return eid, conf, status
        result = self._resolve(kind, name)
        self.cache[ckey] = result
        return result

    def resolve_person(self, name: str, org_id: int, org_name: str) -> tuple[int, float, str]:
        """``resolve`` for a person the article names with an organisation: of the people of
        that name, the one named with this organisation before; a new person (and a merge
        proposal) when every one of them was named only with organisations that cannot be
        this one (王建国 of 青岛市商务局 is not 王建国 of 济南大学)."""
        ckey = ("person", match_key(name))
        if ckey in self.cache or is_local_short_form("person", name) \
                or self.dictionary.lookup("person", name)[0] is not None:
            return self.resolve("person", name)  # the dictionary knows who this is
        ids = self._find("person", name)
        if not ids:
            return self.resolve("person", name)
        known = LI.organisations_of_person(self.lib, ids)
        same = [eid for eid in ids
                if any(oid == org_id or may_be_one_organisation(o, org_name) for oid, o in known[eid])]
        if same:
            self._alias(same[0], "person", name, self.lang, "extractor")
            result = (same[0], CONF_EXACT, "accepted")
        elif all(known[eid] for eid in ids):
            eid = self._create_new("person", name)
            for other in ids:
                self.homonyms.append((eid, other, f"{name}: named with {org_name} here, "
                                                  f"with {known[other][0][1]} elsewhere"))
            result = (eid, CONF_NEW, "accepted")
        else:  # someone of that name was never named with an organisation: may be this one
            return self.resolve("person", name)
        self.cache[ckey] = result
        return result

    def _create_new(self, kind: str, name: str) -> int:
        """A new entity named by the fact being linked."""
        eid = self._create(kind, name, [], "extractor")
        if self.lang:
            LI.fill_alias_language(self.lib, eid, self.lang)
        self.new_entities.append((eid, kind))
        return eid

    def _resolve(self, kind: str, name: str) -> tuple[int, float, str]:
        if is_local_short_form(kind, name):
            return self._resolve_local(kind, name)
        ids = self._find(kind, name)
        if len(ids) == 1:
            self._alias(ids[0], kind, name, self.lang, "extractor")
            return ids[0], CONF_EXACT, "accepted"
        if len(ids) > 1:
            return ids[0], CONF_AMBIGUOUS, "proposed"
        entry, how = self.dictionary.lookup(kind, name)
        if entry is not None:
            conf = CONF_DICTIONARY if how == "exact" else CONF_DICT_INFLECTED
            eid = self._entity_for_entry(entry)
            if eid is None:
                eid = self._create(kind, entry.canonical, [], "dictionary")
                for alias, alang in entry.names:
                    self._alias(eid, kind, alias, alang, "dictionary")
                LI.fill_alias_language(self.lib, eid, entry.names[0][1], name=entry.canonical)
                self.new_entities.append((eid, kind))
            else:
                for alias, alang in entry.names:  # the dictionary may have grown since
                    self._alias(eid, kind, alias, alang, "dictionary")
            self._alias(eid, kind, name, self.lang, "extractor")
            return eid, conf, "accepted"
        nominative = german_nominative(name) if kind == "organization" and self.lang == "de" else name
        if nominative != name:
            # im Bayerischen Landtag, des Bayerischen Landtags: one organisation, named
            # Bayerischer Landtag (and found under that name in other articles)
            eid, conf, status = self.resolve(kind, nominative)
            self._alias(eid, kind, name, self.lang, "extractor")
            return eid, min(conf, CONF_DICT_INFLECTED), status
        return self._create_new(kind, name), CONF_NEW, "accepted"


def linked_name(kind: str, text: str, value: dict) -> str:
    """The name a fact is linked by: a person's later short mention (Bocklet, 薛会长) by the
    full name it refers to in its article (Reinhold Bocklet), which is then one entity;
    the short form is not made an alias, so a Bocklet of another article is not taken for him."""
    if kind == "person" and (value.get("refers_to") or "").strip():
        return value["refers_to"].strip()
    return (value.get("name") or text or "").strip()


def name_keys(facts) -> dict[tuple[str, str], list]:
    """The romanised keys of the names ``link_article`` will give entities for these facts
    (plain data: the extraction workers compute them, the linker indexes them): each name
    and, for a name of the alias dictionary, the entry's names the linker adds with it, so
    that the process that stores never romanises a name (nor loads the readings to)."""
    dictionary = alias_dictionary()
    out: dict[tuple[str, str], list] = {}

    def add(kind: str, name: str) -> None:
        if name and (kind, name) not in out:
            out[(kind, name)] = sorted(alias_keys(kind, name))

    for f in facts:
        if f.kind not in LINKED_KINDS:
            continue
        names = [(f.kind, linked_name(f.kind, f.text, f.value))]
        if f.kind == "person" and (f.value.get("org") or "").strip():
            names.append(("organization", f.value["org"].strip()))
        for kind, name in names:
            if not name or (kind, name) in out:
                continue
            add(kind, name)
            entry, _how = dictionary.lookup(kind, name)
            if entry is not None:
                add(kind, entry.canonical.strip())
                for alias, _lang in entry.names:
                    add(kind, alias.strip())
    return out


def link_article(lib: Library, article_id: int, known_keys: dict[tuple[str, str], list] | None = None,
                 stored: list[Fact] | None = None) -> dict:
    """Link the article's person/organisation/place facts; returns counts of what was added.
    ``known_keys``: see ``index_new_aliases``.  ``stored``: the article's facts just as
    ``store.facts.save_extracted`` stored them (new rows: none is linked yet), instead of
    reading them back."""
    exists, lang = LI.article_language(lib, article_id)
    if not exists:
        return dict(_NOTHING)
    if stored is None:
        facts = LI.facts_to_link(lib, article_id, LINKED_KINDS)
        existing = LI.linked_roles(lib, article_id) if facts else {}
    else:  # in text order as facts_to_link gives them (by start, then as stored)
        facts = cast(list[tuple[int, str, str, dict]],  # stored facts have their ids
                     [(f.id, f.kind, f.text, f.value) for f in sorted(stored, key=lambda f: (f.start, f.id))
                      if f.kind in LINKED_KINDS and f.status != "rejected"])
        existing = {}
    if not facts:
        return dict(_NOTHING)
    places = main_places(v.get("name") or t for _i, k, t, v in facts if k == "place")
    org_keys = [match_key(v.get("name") or t) for _i, k, t, v in facts if k == "organization"]
    linker = _ArticleLinker(lib, article_id, lang, places, org_keys)
    proposals = 0
    pending: list[tuple[int, int, str, float, str]] = []
    with lib.transaction():
        index_new_aliases(lib)
        linker.prefetch(_names_to_resolve(facts, existing))
        named_with = _organisation_of_each_person(facts)
        for fid, kind, text, value in facts:
            roles = existing.get(fid, set())
            name = linked_name(kind, text, value)
            if "subject" not in roles and match_key(name):
                if kind == "person" and name in named_with:
                    org_name = named_with[name]
                    org_id = linker.resolve("organization", org_name)[0]
                    eid, conf, status = linker.resolve_person(name, org_id, org_name)
                else:
                    eid, conf, status = linker.resolve(kind, name)
                pending.append((fid, eid, "subject", conf, status))
            org = (value.get("org") or "").strip() if kind == "person" else ""
            if org and "org" not in roles and match_key(org):
                eid, conf, status = linker.resolve("organization", org)
                pending.append((fid, eid, "org", conf, status))
        E.link_facts(lib, pending)
        links = len(pending)
        index_new_aliases(lib, known_keys)
        for eid, other, reason in linker.homonyms:  # before find_proposals' "same name" one
            if E.propose_merge(lib, eid, other, CONF_HOMONYM, reason) is not None:
                proposals += 1
        for eid, kind in linker.new_entities:
            for other, conf, reason in find_proposals(lib, eid, kind, known_keys):
                if E.propose_merge(lib, eid, other, round(conf, 3), reason) is not None:
                    proposals += 1
        proposals += _local_proposals(lib, linker)
    return {"links": links, "entities": len(linker.new_entities), "proposals": proposals}


def _organisation_of_each_person(facts) -> dict[str, str]:
    """{person's name: the first organisation the article names them with}: every mention
    of the name in the article is that person, with the organisation written or not."""
    out: dict[str, str] = {}
    for _fid, kind, text, value in facts:
        name = linked_name(kind, text, value)
        org = (value.get("org") or "").strip() if kind == "person" else ""
        if org and match_key(org) and match_key(name):
            out.setdefault(name, org)
    return out


def _names_to_resolve(facts, existing: dict) -> list[tuple[str, str]]:
    """The (kind, name)s ``link_article`` resolves, as its loop finds them."""
    out = []
    for fid, kind, text, value in facts:
        roles = existing.get(fid, set())
        name = linked_name(kind, text, value)
        if "subject" not in roles and match_key(name):
            out.append((kind, name))
        org = (value.get("org") or "").strip() if kind == "person" else ""
        if org and "org" not in roles and match_key(org):
            out.append(("organization", org))
    return list(dict.fromkeys(out))


def _local_proposals(lib: Library, linker: _ArticleLinker) -> int:
    """Propose 市政府 (in an article about 青岛) = 青岛市政府, now or when it appears later."""
    made = 0
    for eid, short, qualified, conf in linker.local:
        LI.add_link_keys(lib, [(LI.first_alias_id(lib, eid), "qual", match_key(qualified))])
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


# -- many articles -------------------------------------------------------------------

def link_articles(lib: Library, article_ids: Iterable[int], progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None) -> dict:
    """Link many articles (e.g. the whole library after the dictionary changed)."""
    ids = list(article_ids)
    totals = dict(_NOTHING)
    progress(0, len(ids), "linking entities")
    for n, aid in enumerate(ids, 1):
        for k, v in link_article(lib, aid).items():
            totals[k] += v
        progress(n, len(ids), f"article {aid}")
        if cancel is not None and cancel.cancelled:
            break
    return totals


def link_library(lib: Library, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> dict:
    return link_articles(lib, _all_article_ids(lib), progress, cancel)
