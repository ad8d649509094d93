"""The controlled vocabulary of figure measures (what a number counts or sums up).

The shipped vocabulary is ``resources/knowledge/measures.tsv``: one row per
measure with a stable key (stored in libraries and printed by the CLI), a label
per book locale, the extractor count units that mean it, and trigger words per
language.  A user's own measures (stored in the library) are passed in as extra
``Measure`` rows and behave exactly like shipped ones.

``UNKNOWN`` is the key of a figure whose measure could not be classified: it is
kept for the user to choose, and its label is "Measure unknown" in every
locale, never a fragment of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from briefbook.core.text import simplified_char
from briefbook.paths import resource

UNKNOWN = "unknown"
LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")
TRIGGER_LANGS = ("zh", "ja", "de", "en")

_UNKNOWN_LABELS = {"en": "Measure unknown", "de": "Kennzahl unbekannt", "zh-Hans": "指标未知",
                   "zh-Hant": "指標未知", "ja": "指標不明"}


@dataclass(frozen=True)
class Measure:
    key: str
    kinds: tuple[str, ...]                 # fact kinds it applies to: amount, percentage, count
    labels: dict[str, str] = field(hash=False)
    units: tuple[str, ...] = ()            # extractor count units that mean this measure
    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)  # lang -> words
    origin: str = "shipped"                # shipped | user

    def label(self, locale: str) -> str:
        return self.labels.get(locale) or self.labels.get("en") or self.key


def _split(cell: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in cell.split("|") if w.strip())


def parse_tsv(text: str) -> list[Measure]:
    """Measures from the TSV format of ``measures.tsv`` (comment lines start with #)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t"), strict=False))
        out.append(Measure(
            key=cells["key"],
            kinds=_split(cells.get("kinds", "")),
            labels={loc: cells[loc] for loc in LOCALES if cells.get(loc)},
            units=_split(cells.get("units", "")),
            triggers={lang: _split(cells.get(f"triggers_{lang}", "")) for lang in TRIGGER_LANGS},
        ))
    return out


@cache
def shipped() -> tuple[Measure, ...]:
    return tuple(parse_tsv(resource("knowledge", "measures.tsv").read_text(encoding="utf-8")))


class Vocabulary:
    """The shipped measures plus the user's own; look-ups by key, unit and trigger."""

    def __init__(self, extra: list[Measure] | tuple[Measure, ...] = ()):
        self.measures: list[Measure] = list(shipped())
        known = {m.key for m in self.measures}
        self.measures += [m for m in extra if m.key not in known]
        self._by_key = {m.key: m for m in self.measures}
        self._by_unit: dict[str, str] = {}
        self._triggers: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for m in self.measures:
            for u in m.units:
                self._by_unit.setdefault(u, m.key)

    def get(self, key: str) -> Measure | None:
        return self._by_key.get(key)

    def label(self, key: str | None, locale: str) -> str:
        m = self._by_key.get(key or UNKNOWN)
        if m is None:
            return _UNKNOWN_LABELS.get(locale, _UNKNOWN_LABELS["en"])
        return m.label(locale)

    def for_unit(self, unit: str | None) -> str | None:
        return self._by_unit.get(unit or "")

    def triggers(self, kind: str, lang: str) -> list[tuple[str, str]]:
        """(word, measure key) pairs for a fact kind in a language, longest words first.

        Chinese and Japanese clauses are searched in their Simplified form (one character
        for one, so offsets hold), so every Han trigger is given in that form as well:
        輸出 is searched as 输出, 貿易額 as 贸易额."""
        cached = self._triggers.get((kind, lang))
        if cached is not None:
            return cached
        tl = "zh" if lang.startswith("zh") else lang if lang in TRIGGER_LANGS else "en"
        pairs = [(w, m.key) for m in self.measures if kind in m.kinds for w in m.triggers.get(tl, ())]
        if tl == "ja":  # Japanese articles use many Chinese words for the same things
            pairs += [(w, m.key) for m in self.measures if kind in m.kinds for w in m.triggers.get("zh", ())]
        if tl in ("zh", "ja"):
            seen = set(pairs)
            for w, key in list(pairs):
                folded = (_fold(w), key)
                if folded not in seen:
                    seen.add(folded)
                    pairs.append(folded)
        pairs.sort(key=lambda p: -len(p[0]))
        self._triggers[(kind, lang)] = pairs
        return list(pairs)


def _fold(word: str) -> str:
    return "".join(simplified_char(c) for c in word)


@cache
def default_vocabulary() -> Vocabulary:
    return Vocabulary()


def unknown_label(locale: str) -> str:
    return _UNKNOWN_LABELS.get(locale, _UNKNOWN_LABELS["en"])
