"""Runs the language's steps (``registry.STEPS``) in order over one text.

Any unexpected error in one step is contained so that one bad article never stops
a batch (the facts found so far are kept).
"""

from __future__ import annotations

import logging

from briefbook.core.facts import Fact

from ..core.text import detect_language
from . import dictionaries
from .base import Doc
from .registry import LANGS, STEPS
from .spans import normalise

log = logging.getLogger(__name__)

def warm_up() -> None:
    dictionaries.get()
    normalise("經貿")


CHUNK = 20_000  # characters; long texts are cut at sentence ends so no rule goes quadratic


def _chunks(text: str):
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + CHUNK)
        if end < n:
            cut = max(text.rfind(c, start + CHUNK // 2, end) for c in "\n。！？.!?")
            end = cut + 1 if cut > start else end
        yield start, end
        start = end


def extract_text(text: str, lang: str | None = None, published: str | None = None) -> list[Fact]:
    if not text:
        return []
    dictionaries.get()  # a missing dictionary stops here, not silently inside a step
    if lang not in LANGS:
        # the one detector of core/text; text it cannot place (no letters) is read as English
        guess = detect_language(text[:4000])
        lang = guess if guess in LANGS else "en"
    if len(text) > CHUNK:
        facts = []
        for s, e in _chunks(text):
            for f in _extract_one(text[s:e], lang, published):
                f.start += s
                f.end += s
                facts.append(f)
        return [f for f in facts if text[f.start:f.end] == f.text]
    return _extract_one(text, lang, published)


def _extract_one(text: str, lang: str, published: str | None) -> list[Fact]:
    doc = Doc(text=text, norm=normalise(text), lang=lang, published=published)
    for step in STEPS[lang]:
        try:
            step(doc)
        except Exception:  # one rule's bug must not lose the article
            log.exception("extract step %s failed", getattr(step, "__qualname__", step))
    facts = [f for f in doc.facts if 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text]
    facts = _mark_short_references(_without_duplicates(facts))
    facts.sort(key=lambda f: (f.start, -f.end, f.kind))
    return facts


def _without_duplicates(facts: list[Fact]) -> list[Fact]:
    """One fact per kind and span: two passes that read the same organisation (the
    Chinese and the Latin passes both see JETRO) give one fact, the one that says more
    (more filled values, then the higher confidence), with the signals of both."""
    best: dict[tuple[str, int, int], Fact] = {}
    order: list[tuple[str, int, int]] = []
    for f in facts:
        key = (f.kind, f.start, f.end)
        kept = best.get(key)
        if kept is None:
            best[key] = f
            order.append(key)
            continue
        signals = list(dict.fromkeys([*(kept.value.get("signals") or []), *(f.value.get("signals") or [])]))
        if (sum(v is not None for v in f.value.values()), f.confidence) > \
                (sum(v is not None for v in kept.value.values()), kept.confidence):
            best[key] = kept = f
        if signals:
            kept.value["signals"] = signals
    return [best[k] for k in order]


_NAME_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def _mark_short_references(facts: list[Fact]) -> list[Fact]:
    """A later mention by family name only (田中大臣, "Weber said") refers to the person
    named in full elsewhere in the article: it stays a person fact (every mention has
    its span) but carries ``refers_to`` with the full name and a lower confidence."""
    full = [f.value.get("name") or "" for f in facts if f.kind == "person"]
    latin: dict[str, str] = {}
    cjk_full = []
    for n in full:
        words = n.split()
        while len(words) > 2 and words[-1].rstrip(".") in _NAME_SUFFIXES:
            words.pop()  # Edmund G. Brown Jr. is "Brown" later
            words[-1] = words[-1].rstrip(",")
        if len(words) >= 2:
            latin.setdefault(words[-1], n)
            latin.setdefault(words[0], n)
        elif n and not n.isascii() and len(n) >= 3:
            cjk_full.append(n)
    for f in facts:
        if f.kind != "person" or f.value.get("refers_to"):
            continue  # linked already by the pass that read the mention
        name = f.value.get("name") or ""
        target = None
        if name and " " not in name and name in latin:
            target = latin[name]
        elif name and not name.isascii() and len(name) <= 2:
            target = next((c for c in cjk_full if c.startswith(name) and not c.startswith(name + "・")), None)
        if target:
            f.value["refers_to"] = target
            f.confidence = min(f.confidence, 0.5)
    return facts


def extract(article) -> list[Fact]:
    """Facts for a ``briefbook.core.article.Article``."""
    return extract_text(article.text or "", article.lang, article.published)


def extract_many(items) -> list[list[dict]]:
    """For worker processes: ``[(text, lang, published), ...]`` -> contract dicts per item."""
    out = []
    for text, lang, published in items:
        out.append([dict(f.to_contract(), extractor_version=f.extractor_version)
                    for f in extract_text(text, lang, published)])
    return out
