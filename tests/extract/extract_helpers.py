"""Shared pieces of the extraction tests: the texts the fast paths are checked on, and a
tagger that finds exactly the spans it is given."""

from __future__ import annotations

from pathlib import Path

from briefbook.extract import extract_text
from briefbook.extract.tagger import TaggedSpan
from briefbook.paths import seeds_dir

HELDOUT2 = Path(__file__).parent / "heldout2" / "texts"
LANG_OF = {"de": "de", "en": "en", "hans": "zh-Hans", "hant": "zh-Hant", "ja": "ja"}


def articles() -> list[tuple[str, str, str]]:
    """(name, text, language) of the seed articles and the second held-out passages."""
    out = []
    for p in sorted(seeds_dir().glob("*.txt")):
        out.append((p.name, p.read_text(encoding="utf-8"), "de" if p.name.startswith("004") else "zh-Hans"))
    for p in sorted(HELDOUT2.glob("*.txt")):
        out.append((p.name, p.read_text(encoding="utf-8"), LANG_OF[p.stem.split("_")[0]]))
    return out


class FixedTagger:
    """A tagger that finds exactly the spans given (to pin how they join the rules)."""

    name = "fixed"

    def __init__(self, found):
        self.found = found

    def tag(self, text):
        return [TaggedSpan(text.index(piece), text.index(piece) + len(piece), kind, score)
                for piece, kind, score in self.found]


def people_titles(text: str, lang: str = "zh-Hans") -> dict[str, tuple[str | None, str | None]]:
    """{name: (title, org)} of the people found in ``text``; every span checked to be exact."""
    out = {}
    for f in extract_text(text, lang, None):
        assert text[f.start:f.end] == f.text
        if f.kind == "person":
            out[f.value["name"]] = (f.value.get("title"), f.value.get("org"))
    return out
