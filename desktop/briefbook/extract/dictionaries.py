"""The extractor's dictionaries: plain text files under ``resources/dict``.

They are read once per process, lazily, on the first extraction (``get()``), so
importing the package stays cheap and worker processes each pay the cost once.
Chinese entries are stored converted to Simplified with the same per-character
OpenCC mapping the text goes through (``spans.normalise``), so one entry matches
both scripts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefbook.core.text import has_cjk
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
    it (longest first).  ``match_at`` walks forward through the entries' proper
    prefixes (built on first use), so a scan stops after a slice or two at most
    positions instead of trying every length of the first character.
    """

    def __init__(self, words=()):
        self.words: dict[str, str] = {}
        self.by_first: dict[str, list[int]] = {}
        self._prefixes: set[str] | None = None
        for w in words:
            self.add(w)

    def add(self, word: str, value: str | None = None) -> None:
        if not word:
            return
        self.words[word] = value if value is not None else word
        if self._prefixes is not None:
            self._prefixes.update(word[:k] for k in range(1, len(word)))
        lengths = self.by_first.setdefault(word[0], [])
        if len(word) not in lengths:
            lengths.append(len(word))
            lengths.sort(reverse=True)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def get(self, word: str):
        return self.words.get(word)

    def prefixes(self) -> set[str]:
        """Every proper prefix of every entry (for callers that walk entries themselves)."""
        if self._prefixes is None:
            self._prefixes = {w[:k] for w in self.words for k in range(1, len(w))}
        return self._prefixes

    def match_at(self, text: str, i: int, max_end: int | None = None) -> int:
        """Length of the longest entry starting at ``text[i]`` (0 if none).

        An entry that is the whole rest of the text counts as long as the longest
        entry of its first character that ``max_end`` allows (the lengths used to be
        tried longest first on slices cut short at the end of the text, and callers
        rely on the same answers)."""
        size = len(text)
        lengths = self.by_first.get(text[i]) if i < size else None
        if not lengths:
            return 0
        bound = lengths[0] if max_end is None else min(lengths[0], max_end - i)
        if i < 0 or bound < 1:
            return self._match_at_by_lengths(text, i, max_end, lengths)
        prefixes = self._prefixes
        if prefixes is None:
            prefixes = self._prefixes = {w[:k] for w in self.words for k in range(1, len(w))}
        words = self.words
        reach = min(bound, size - i)
        best = 0
        for k in range(1, reach + 1):
            piece = text[i:i + k]
            if piece in words:
                best = k
            if piece not in prefixes:
                break
        if best and best == size - i and best < bound:
            return next(n for n in lengths if n <= bound)
        return best

    def _match_at_by_lengths(self, text: str, i: int, max_end: int | None, lengths: list[int]) -> int:
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
    regions_cjk: set = field(default_factory=set)  # 九州, 关西, 东北亚: regions, not divisions
    # countries, states and regions: never read as part of a personal name
    major_places_latin: set = field(default_factory=set)
    role_words_latin: set = field(default_factory=set)  # Trainer, Sänger, singer ...
    role_suffixes_de: tuple = ()  # -sprecher, -minister, -chef: compounds that are roles
    org_prefixes_latin: set = field(default_factory=set)  # FC, SV, VfL ... before a name
    org_compound_heads_de: tuple = ()  # -ministerium, -kammer: compounds that are organisations
    surnames_vi_latin: set = field(default_factory=set)  # Nguyen, Tran: Vietnamese family names
    titles_latin_lower: set = field(default_factory=set)  # "vice chairman", "chief executive"
    place_suffixes_de: tuple = ()  # -burg, -hausen, -straße ...
    acronym_stop: set = field(default_factory=set)  # upper-case words that are not organisations
    max_latin_words: int = 1
    # ordinary words (lower case) per language, from wordfreq (common_words_latin.txt)
    common_latin: dict = field(default_factory=dict)


# ---------------------------------------------------------------- readers
# Each reader fills fields of ``Dicts`` from the entry lines of one file (see the
# format notes in resources/dict/README.md).  Chinese entries are normalised like the
# text (``to_simplified``) where the reader says so.

Reader = Callable[[Dicts, list[str]], None]


def _put(target, word: str, value: str | None = None) -> None:
    if isinstance(target, Lexicon):
        target.add(word, value)
    elif isinstance(target, dict):
        target[word] = value
    else:
        target.add(word)


def words(name: str, simplify: bool = False) -> Reader:
    """One entry a line into a set or a Lexicon."""
    def read(d: Dicts, lines: list[str]) -> None:
        target = getattr(d, name)
        for w in lines:
            _put(target, to_simplified(w) if simplify else w)
    return read


def characters(name: str) -> Reader:
    """Every character of every line (normalised) into a set."""
    def read(d: Dicts, lines: list[str]) -> None:
        for line in lines:
            getattr(d, name).update(to_simplified(line))
    return read


def flagged(name: str, flag: str, flagged_name: str) -> Reader:
    """``word[<TAB>flag]``: every word into ``name``, those with ``flag`` also into ``flagged_name``."""
    def read(d: Dicts, lines: list[str]) -> None:
        for line in lines:
            word, _, f = line.partition("\t")
            w = to_simplified(word.strip())
            getattr(d, name).add(w)
            if f.strip() == flag:
                getattr(d, flagged_name).add(w)
    return read


def mapped(name: str, prefixed: dict[str, str] | None = None) -> Reader:
    """``word<TAB>value`` into a Lexicon; a word starting with a key of ``prefixed``
    (``noun:``) goes without it into that Lexicon instead.  Lines without a value are skipped."""
    def read(d: Dicts, lines: list[str]) -> None:
        for line in lines:
            word, _, value = line.partition("\t")
            if not value:
                continue
            target = name
            for prefix, other in (prefixed or {}).items():
                if word.startswith(prefix):
                    word, target = word[len(prefix):], other
                    break
            getattr(d, target).add(to_simplified(word), value.strip())
    return read


def per_section(name: str) -> Reader:
    """``[section]`` headers: each section's lines into a set under ``d.<name>[section]``."""
    def read(d: Dicts, lines: list[str]) -> None:
        section = ""
        for line in lines:
            if line.startswith("["):
                section = line.strip("[]")
                getattr(d, name).setdefault(section, set())
            elif section:
                getattr(d, name)[section].add(line)
    return read


def sections(chars: dict[str, str], words: dict[str, str]) -> Reader:
    """``[section]`` headers: the lines of a section named in ``chars`` add their
    (normalised) characters to that field, those of one in ``words`` the line itself."""
    def read(d: Dicts, lines: list[str]) -> None:
        section = ""
        for line in lines:
            if line.startswith("["):
                section = line.strip("[]")
            elif section in chars:
                getattr(d, chars[section]).update(to_simplified(line))
            elif section in words:
                getattr(d, words[section]).add(line)
    return read


_MAJOR_SECTIONS = ("country", "state", "region", "province")


def gazetteer(cjk_name: str, latin_name: str) -> Reader:
    """``canonical|alias|...`` lines (with optional ``[section]`` headers): names in
    Chinese characters or kana into a Lexicon (normalised), Latin names into a dict, each
    mapped to the first name; Latin names under a country/state/region header are major."""
    def read(d: Dicts, lines: list[str]) -> None:
        section = ""
        for line in lines:
            if line.startswith("["):
                section = line.strip("[]")
                continue
            names = [n.strip() for n in line.split("|") if n.strip()]
            if not names:
                continue
            canonical = names[0]
            for n in names:
                if has_cjk(n):  # Han or kana: matched on the normalised text
                    getattr(d, cjk_name).add(to_simplified(n), canonical)
                    if cjk_name == "places_cjk" and section == "region":
                        d.regions_cjk.add(to_simplified(n))
                else:
                    getattr(d, latin_name)[n] = canonical
                    if latin_name == "places_latin" and section in _MAJOR_SECTIONS:
                        d.major_places_latin.add(n)
                    d.max_latin_words = max(d.max_latin_words, len(n.split()))
    return read


def keyed(fields: dict[str, str]) -> Reader:
    """``key: word word ...`` lines; each key's words extend the field it names."""
    def read(d: Dicts, lines: list[str]) -> None:
        for line in lines:
            key, _, rest = line.partition(":")
            if key not in fields:
                continue
            items = rest.split()
            current = getattr(d, fields[key])
            if isinstance(current, tuple):
                setattr(d, fields[key], current + tuple(items))
            else:
                current.update(items)
    return read


# Every dictionary file and how it is read, in reading order: latin_patterns.txt adds
# to org_suffixes_latin, and places.txt is read last so its hand-kept names win over
# the generated and general gazetteers.
FILES: tuple[tuple[str, Reader], ...] = (
    ("titles_zh.txt", flagged("titles_zh", "after", "titles_after_zh")),
    ("title_affixes_zh.txt", words("title_affixes_zh", simplify=True)),
    ("titles_ja.txt", words("titles_ja", simplify=True)),
    ("titles_latin.txt", words("titles_latin")),
    ("org_suffixes_zh.txt", flagged("org_suffixes_zh", "weak", "weak_org_suffixes_zh")),
    ("org_suffixes_latin.txt", words("org_suffixes_latin")),
    ("surnames_zh.txt", words("surnames_zh", simplify=True)),
    ("surnames_ja.txt", words("surnames_ja", simplify=True)),
    ("given_names_latin.txt", words("given_latin")),
    ("common_words_latin.txt", per_section("common_latin")),
    ("surnames_zh_latin.txt", words("surnames_zh_latin")),
    ("names_zh.txt", sections(chars={"given1": "zh_given1", "given2": "zh_given2", "given_rare": "zh_given_rare"},
                              words={"known": "zh_known", "common": "zh_common"})),
    ("translit_zh.txt", characters("zh_translit")),
    ("currencies.txt", mapped("currencies")),
    ("units.txt", mapped("units", prefixed={"noun:": "unit_nouns"})),
    ("organizations.txt", gazetteer("orgs_cjk", "orgs_latin")),
    ("places_world.txt", gazetteer("places_cjk", "places_latin")),
    ("places_countries.txt", gazetteer("places_cjk", "places_latin")),
    ("places.txt", gazetteer("places_cjk", "places_latin")),
    ("latin_patterns.txt", keyed({"role": "role_words_latin", "role_suffix_de": "role_suffixes_de",
                                  "org_prefix": "org_prefixes_latin", "org_compound_de": "org_compound_heads_de",
                                  "org_head": "org_suffixes_latin", "place_suffix_de": "place_suffixes_de",
                                  "acronym_stop": "acronym_stop", "surname_vi": "surnames_vi_latin"})),
)


def load() -> Dicts:
    """Read every file of ``FILES``; a missing one raises ``MissingDictionaryError``."""
    d = Dicts()
    for name, read in FILES:
        read(d, _lines(name))
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
