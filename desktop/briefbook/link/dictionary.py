"""The alias dictionary: well-known organisations, places and people with their
names in several scripts, read from resources/dict/:

- organizations.txt  (the extractor's list; names separated by " | ")
- places.txt         (the extractor's gazetteer; "[type]" section lines)
- entity_aliases.tsv (the linker's own list; kind TAB name TAB name ..., "name@lang")

Lines of one kind that share a name (by ``match_key``) are merged into one entry.
Loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..paths import resource
from .keys import inflection_key, match_key

KINDS = ("organization", "place", "person")


@dataclass
class DictEntry:
    kind: str
    names: list[tuple[str, str | None]] = field(default_factory=list)  # (name, lang)
    subtype: str | None = None  # places: country, province, city, prefecture, region

    @property
    def canonical(self) -> str:
        return self.names[0][0]


@dataclass
class AliasDictionary:
    entries: list[DictEntry]
    by_key: dict[tuple[str, str], int]        # (kind, match_key) -> entry index
    by_inflection: dict[tuple[str, str], int]  # (kind, inflection_key) -> entry index

    def lookup(self, kind: str, name: str) -> tuple[DictEntry | None, str]:
        """The entry naming ``name`` and how it matched ('exact', 'inflection' or '')."""
        key = match_key(name)
        i = self.by_key.get((kind, key))
        if i is not None:
            return self.entries[i], "exact"
        ikey = inflection_key(name)
        if ikey:
            i = self.by_inflection.get((kind, ikey))
            if i is not None:
                return self.entries[i], "inflection"
        # Chinas, Bayerns, Japans: the genitive of a one-word place the dictionary lists
        # (a listed name that ends in s, Paris or Texas, was found above as it is)
        if kind == "place" and len(key) > 3 and key.endswith("s") and key.isascii():
            i = self.by_key.get((kind, key[:-1]))
            if i is not None:
                return self.entries[i], "inflection"
        return None, ""


def _read(name: str) -> list[str]:
    try:
        text = resource("dict", name).read_text(encoding="utf-8")
    except OSError:
        return []
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _split_lang(name: str) -> tuple[str, str | None]:
    name = name.strip()
    if "@" in name:
        base, _, lang = name.rpartition("@")
        if base and lang and " " not in lang and len(lang) <= 8:
            return base.strip(), lang
    return name, None


def _raw_lines() -> list[tuple[str, list[tuple[str, str | None]], str | None]]:
    lines: list[tuple[str, list[tuple[str, str | None]], str | None]] = []
    # our own file first, so its canonical names and languages win when lines merge
    for line in _read("entity_aliases.tsv"):
        cells = [c for c in line.split("\t") if c.strip()]
        if len(cells) >= 2 and cells[0].strip() in KINDS:
            lines.append((cells[0].strip(), [_split_lang(c) for c in cells[1:]], None))
    for line in _read("organizations.txt"):
        names: list[tuple[str, str | None]] = [(n.strip(), None) for n in line.split("|") if n.strip()]
        if names:
            lines.append(("organization", names, None))
    section = None
    for line in _read("places.txt"):
        if line.strip().startswith("["):
            section = line.strip().strip("[]").strip() or None
            continue
        names = [(n.strip(), None) for n in line.split("|") if n.strip()]
        if names:
            lines.append(("place", names, section))
    return lines


@cache
def alias_dictionary() -> AliasDictionary:
    entries: list[DictEntry] = []
    by_key: dict[tuple[str, str], int] = {}
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for kind, names, subtype in _raw_lines():
        idx = len(entries)
        entries.append(DictEntry(kind, names, subtype))
        parent.append(idx)
        for name, _lang in names:
            key = (kind, match_key(name))
            if not key[1]:
                continue
            if key in by_key:
                a, b = find(by_key[key]), find(idx)
                if a != b:
                    parent[b] = a
            else:
                by_key[key] = idx
    # fold merged lines into their root entry
    merged: dict[int, DictEntry] = {}
    for i, entry in enumerate(entries):
        root = find(i)
        target = merged.setdefault(root, DictEntry(entry.kind, []))
        target.subtype = target.subtype or entry.subtype
        seen = {match_key(n) for n, _ in target.names}
        for name, lang in entry.names:
            k = match_key(name)
            if k in seen and any(n == name for n, _ in target.names):
                continue
            target.names.append((name, lang))
            seen.add(k)
    final = list(merged.values())
    index_of = {root: j for j, root in enumerate(merged)}
    key_map = {key: index_of[find(i)] for key, i in by_key.items()}
    infl: dict[tuple[str, str], int] = {}
    for j, entry in enumerate(final):
        for name, _lang in entry.names:
            ik = inflection_key(name)
            if ik:
                infl.setdefault((entry.kind, ik), j)
    return AliasDictionary(final, key_map, infl)
