"""The extractor's dictionaries: plain text files under ``resources/dict``.

They are read once per process, lazily, on the first extraction (``get()``), so
importing the package stays cheap and worker processes each pay the cost once.
Chinese entries are stored converted to Simplified with the same per-character
OpenCC mapping the text goes through (``spans.normalise``), so one entry matches
both scripts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from briefbook.paths import resource

from .spans import to_simplified


class MissingDictionaryError(FileNotFoundError):
    """A dictionary or word list of the extractor is not where it should be.

    Without it the extractor would run but find almost nothing, so the first use
    stops with the file's path instead (typically a non-editable install without
    ``resources/``, or BRIEFBOOK_HOME pointing elsewhere).
    """

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"the extractor's dictionary {path.name} is missing: {path} "
                         f"(resources folder: {path.parent}; reinstall Briefbook or set BRIEFBOOK_HOME "
                         f"to the folder that holds resources/)")


def dict_dir() -> Path:
    return resource("dict")


def _read(name: str) -> str:
    path = dict_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingDictionaryError(path) from None


def _lines(name: str) -> list[str]:
    """The entries of a dictionary file: stripped lines, without blanks and ``#`` comments."""
    out = []
    for line in _read(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def word_list(name: str) -> tuple[str, ...]:
    """A word list (one entry a line, in file order) for the rules' module constants."""
    return tuple(_lines(name))


def char_string(name: str) -> str:
    """A character class: every character of every entry line, in file order."""
    return "".join(_lines(name))


def pairs(name: str) -> dict[str, str]:
    """A two-column list (``key<TAB>value`` a line) in file order."""
    out = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        out[key.strip()] = value.strip()
    return out


class Lexicon:
    """A set of strings with fast longest-match lookup at a position.

    ``by_first`` maps a first character to the lengths of entries starting with
    it (longest first), so a scan tries only a few slices per position.
    """

    def __init__(self, words=()):
        self.words: dict[str, str] = {}
        self.by_first: dict[str, list[int]] = {}
        for w in words:
            self.add(w)

    def add(self, word: str, value: str | None = None) -> None:
        if not word:
            return
        self.words[word] = value if value is not None else word
        lengths = self.by_first.setdefault(word[0], [])
        if len(word) not in lengths:
            lengths.append(len(word))
            lengths.sort(reverse=True)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def get(self, word: str):
        return self.words.get(word)

    def match_at(self, text: str, i: int, max_end: int | None = None) -> int:
        """Length of the longest entry starting at ``text[i]`` (0 if none)."""
        lengths = self.by_first.get(text[i]) if i < len(text) else None
        if not lengths:
            return 0
        for n in lengths:
            if max_end is not None and i + n > max_end:
                continue
            if text[i:i + n] in self.words:
                return n
        return 0

    def match_ending_at(self, text: str, end: int, max_len: int = 12) -> int:
        """Length of the longest entry ending at ``end`` (exclusive)."""
        for n in range(min(max_len, end), 0, -1):
            if text[end - n:end] in self.words:
                return n
        return 0


@dataclass
class Dicts:
    titles_zh: Lexicon = field(default_factory=Lexicon)
    titles_after_zh: set = field(default_factory=set)
    title_affixes_zh: Lexicon = field(default_factory=Lexicon)
    titles_ja: Lexicon = field(default_factory=Lexicon)
    titles_latin: set = field(default_factory=set)
    org_suffixes_zh: Lexicon = field(default_factory=Lexicon)
    weak_org_suffixes_zh: set = field(default_factory=set)
    org_suffixes_latin: set = field(default_factory=set)
    surnames_zh: set = field(default_factory=set)
    surnames_ja: set = field(default_factory=set)
    given_latin: set = field(default_factory=set)
    surnames_zh_latin: set = field(default_factory=set)
    zh_given1: set = field(default_factory=set)  # first given character of Chinese names
    zh_given2: set = field(default_factory=set)  # second given character
    zh_given_rare: set = field(default_factory=set)  # rarer given characters (need a clear cue)
    zh_known: set = field(default_factory=set)  # known three-character names
    zh_common: set = field(default_factory=set)  # ordinary words that are not names
    zh_translit: set = field(default_factory=set)  # characters of transliterated names
    currencies: Lexicon = field(default_factory=Lexicon)  # word -> ISO code
    units: Lexicon = field(default_factory=Lexicon)  # counter -> unit
    unit_nouns: Lexicon = field(default_factory=Lexicon)  # noun -> unit
    orgs_cjk: Lexicon = field(default_factory=Lexicon)  # simplified name -> canonical
    orgs_latin: dict = field(default_factory=dict)  # name -> canonical
    places_cjk: Lexicon = field(default_factory=Lexicon)
    places_latin: dict = field(default_factory=dict)
    # countries, states and regions: never read as part of a personal name
    major_places_latin: set = field(default_factory=set)
    role_words_latin: set = field(default_factory=set)  # Trainer, Sänger, singer ...
    role_suffixes_de: tuple = ()  # -sprecher, -minister, -chef: compounds that are roles
    org_prefixes_latin: set = field(default_factory=set)  # FC, SV, VfL ... before a name
    org_compound_heads_de: tuple = ()  # -ministerium, -kammer: compounds that are organisations
    surnames_vi_latin: set = field(default_factory=set)
    titles_latin_lower: set = field(default_factory=set)  # "vice chairman", "chief executive"  # Nguyen, Tran: Vietnamese family names
    place_suffixes_de: tuple = ()  # -burg, -hausen, -straße ...
    acronym_stop: set = field(default_factory=set)  # upper-case words that are not organisations
    max_latin_words: int = 1
    # ordinary words (lower case) per language, from wordfreq (common_words_latin.txt)
    common_latin: dict = field(default_factory=dict)


def _is_cjk_entry(s: str) -> bool:
    return any(ord(c) > 0x2E80 for c in s)


def load() -> Dicts:
    d = Dicts()
    for line in _lines("titles_zh.txt"):
        word, _, flag = line.partition("\t")
        w = to_simplified(word.strip())
        d.titles_zh.add(w)
        if flag.strip() == "after":
            d.titles_after_zh.add(w)
    for w in _lines("title_affixes_zh.txt"):
        d.title_affixes_zh.add(to_simplified(w))
    for w in _lines("titles_ja.txt"):
        d.titles_ja.add(to_simplified(w))
    d.titles_latin = set(_lines("titles_latin.txt"))
    for line in _lines("org_suffixes_zh.txt"):
        word, _, flag = line.partition("\t")
        w = to_simplified(word.strip())
        d.org_suffixes_zh.add(w)
        if flag.strip() == "weak":
            d.weak_org_suffixes_zh.add(w)
    d.org_suffixes_latin = set(_lines("org_suffixes_latin.txt"))
    d.surnames_zh = {to_simplified(w) for w in _lines("surnames_zh.txt")}
    d.surnames_ja = {to_simplified(w) for w in _lines("surnames_ja.txt")}
    d.given_latin = set(_lines("given_names_latin.txt"))
    section = ""
    for line in _lines("common_words_latin.txt"):
        if line.startswith("["):
            section = line.strip("[]")
            d.common_latin.setdefault(section, set())
        elif section:
            d.common_latin[section].add(line)
    d.surnames_zh_latin = set(_lines("surnames_zh_latin.txt"))
    section = ""
    targets = {"given1": d.zh_given1, "given2": d.zh_given2, "given_rare": d.zh_given_rare}
    for line in _lines("names_zh.txt"):
        if line.startswith("["):
            section = line.strip("[]")
        elif section in targets:
            targets[section].update(to_simplified(line))
        elif section == "known":
            d.zh_known.add(line)
        elif section == "common":
            d.zh_common.add(line)
    for line in _lines("translit_zh.txt"):
        d.zh_translit.update(to_simplified(line))
    for line in _lines("currencies.txt"):
        word, _, code = line.partition("\t")
        if code:
            d.currencies.add(to_simplified(word), code.strip())
    for line in _lines("units.txt"):
        word, _, unit = line.partition("\t")
        if not unit:
            continue
        if word.startswith("noun:"):
            d.unit_nouns.add(to_simplified(word[5:]), unit.strip())
        else:
            d.units.add(to_simplified(word), unit.strip())
    for line in _lines("organizations.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        if not names:
            continue
        canonical = names[0]
        for n in names:
            if _is_cjk_entry(n):
                d.orgs_cjk.add(to_simplified(n), canonical)
            else:
                d.orgs_latin[n] = canonical
                d.max_latin_words = max(d.max_latin_words, len(n.split()))
    # generated and general gazetteers first, so the hand-kept places.txt wins
    for fname in ("places_world.txt", "places_countries.txt", "places.txt"):
        section = ""
        for line in _lines(fname):
            if line.startswith("["):
                section = line.strip("[]")
                continue
            names = [n.strip() for n in line.split("|") if n.strip()]
            if not names:
                continue
            canonical = names[0]
            for n in names:
                if _is_cjk_entry(n):
                    d.places_cjk.add(to_simplified(n), canonical)
                else:
                    d.places_latin[n] = canonical
                    if section in ("country", "state", "region", "province"):
                        d.major_places_latin.add(n)
                    d.max_latin_words = max(d.max_latin_words, len(n.split()))
    for line in _lines("latin_patterns.txt"):
        key, _, words = line.partition(":")
        items = words.split()
        if key == "role":
            d.role_words_latin.update(items)
        elif key == "role_suffix_de":
            d.role_suffixes_de += tuple(items)
        elif key == "org_prefix":
            d.org_prefixes_latin.update(items)
        elif key == "org_compound_de":
            d.org_compound_heads_de += tuple(items)
        elif key == "org_head":
            d.org_suffixes_latin.update(items)
        elif key == "place_suffix_de":
            d.place_suffixes_de += tuple(items)
        elif key == "acronym_stop":
            d.acronym_stop.update(items)
        elif key == "surname_vi":
            d.surnames_vi_latin.update(items)
    d.titles_latin_lower = {t.lower() for t in d.titles_latin if " " in t or t.isascii()}
    return d


_DICTS: Dicts | None = None
_LOCK = threading.Lock()


def get() -> Dicts:
    """The process-wide dictionaries, loaded on first use."""
    global _DICTS
    if _DICTS is None:
        with _LOCK:
            if _DICTS is None:
                _DICTS = load()
    return _DICTS


def reload() -> Dicts:
    """Re-read the files (after a user edited them)."""
    global _DICTS
    with _LOCK:
        _DICTS = load()
    return _DICTS
