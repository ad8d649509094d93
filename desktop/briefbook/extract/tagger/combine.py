"""How a tagger's spans join the facts the rules found (the same for every language).

Run after the rules have emitted their people, organisations and places:
- a rule fact the tagger found with the same span and kind gets the signal
  ``tagger:NAME`` in ``value["signals"]`` (agreement);
- a tagger span that overlaps nothing the rules found (and no date, amount or other
  claimed number) becomes a fact of its own, with the signal, when its score reaches
  the kind's threshold;
- a rule fact that overlaps a tagger span of another kind is left as the rules made it;
- with ``prefer``, a confident tagger span replaces the rule facts it overlaps (not a
  longer rule name it lies inside, unless it is one of two or more names of the rule
  fact's kind that the tagger reads inside that rule span), and with ``veto`` a rule fact the tagger finds nothing
  at goes unless ``supported`` keeps it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from ..base import Doc, Fact
from . import TaggedSpan, Tagger

ENTITY = ("person", "organization", "place")
CONFIDENCE = {"person": 0.55, "organization": 0.5, "place": 0.55}


def signal(tagger: Tagger) -> str:
    return f"tagger:{tagger.name}"


def mark(value: dict, sig: str) -> None:
    sigs = value.setdefault("signals", [])
    if sig not in sigs:
        sigs.append(sig)


class Occupied:
    """The character ranges of the entity facts so far, for overlap tests."""

    def __init__(self, doc: Doc):
        self.spans = sorted((f.start, f.end) for f in doc.facts if f.kind in ENTITY)
        self.starts = [s for s, _ in self.spans]
        self.doc = doc

    def overlaps(self, s: int, e: int) -> bool:
        if not self.doc.is_free(s, e):
            return True
        i = bisect_left(self.starts, e)
        return any(ps < e and s < pe for ps, pe in self.spans[max(0, i - 40):i])

    def add(self, s: int, e: int) -> None:
        i = bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.spans.insert(i, (s, e))


def _key(f) -> tuple[int, int, str]:
    if f.kind == "person":
        name = f.value.get("name") or f.text
        k = f.text.rfind(name)
        if k >= 0:
            return (f.start + k, f.start + k + len(name), "person")
    return (f.start, f.end, f.kind)


def combine(doc: Doc, tagger: Tagger, spans: list[TaggedSpan], thresholds: dict[str, float],
            accept: Callable[[TaggedSpan], bool], prefer: dict[str, float] | None = None,
            veto: tuple[str, ...] = (), supported: Callable[[Fact], bool] | None = None,
            keep_titled: bool = False) -> None:
    """``prefer``: a tagger span of a kind listed there, with at least that score,
    replaces the rule facts it overlaps (when they differ from it); ``veto``: a rule
    fact of a kind listed there goes when the tagger found nothing of its kind there,
    unless ``supported`` says a dictionary or a strong cue of the text stands behind it;
    ``keep_titled``: a tagger span of another kind over a person the rules read with a
    title ("JETRO President Kenji Morita" tagged as one organisation) is not taken."""
    sig = signal(tagger)
    by_span = {(t.start, t.end, t.kind): t for t in spans}
    bounds = {(t.start, t.end) for t in spans}
    prefer = prefer or {}
    if keep_titled:
        titled = [(f.start, f.end) for f in doc.facts if f.kind == "person" and f.value.get("title")]
        spans = [t for t in spans if t.kind == "person" or not any(s < t.end and t.start < e for s, e in titled)]
    strong = sorted((t.start, t.end, t.kind) for t in spans if t.score >= prefer.get(t.kind, 1.01) and accept(t))
    if strong:
        starts = [s for s, _, _ in strong]
        drop = []
        for f in doc.facts:
            # same span, another kind (インドネシア投資省 as a place): the rule's kind stays
            if f.kind not in ENTITY or _key(f)[:2] in bounds:
                continue
            s, e, _ = _key(f)
            i = bisect_left(starts, e)
            # a longer rule name keeps what the tagger cut short ("Ursula" of "Ursula von der
            # Leyen", インドネシア of インドネシア投資省)
            inside = [1 for ts, te, kind in strong[max(0, i - 40):i]
                      if kind == f.kind and s <= ts and te <= e and (ts, te) != (s, e)]
            if f.kind != "person" and len(inside) >= 2:
                drop.append(f)  # the tagger reads two names in it ("NY Times and Washington Post")
                continue
            if any(ts < e and s < te and not (s <= ts and te <= e) and
                   # a person's fact (name with its title) goes only for a tagger span over all of it
                   (f.kind != "person" or (ts <= f.start and f.end <= te))
                   for ts, te, kind in strong[max(0, i - 40):i]):
                drop.append(f)
        if drop:
            gone = {id(f) for f in drop}
            doc.facts[:] = [f for f in doc.facts if id(f) not in gone]
    if veto:
        kept = []
        names = [f.value.get("name") or f.text for f in doc.facts if f.kind == "person"]
        for f in doc.facts:
            if f.kind in veto:
                s, e, _ = _key(f)
                name = doc.text[s:e]
                # a later short mention of a person named in full stays (高橋 after 高橋誠一)
                # and so does a person the rules read with a title (王小明副省長)
                short = f.kind == "person" and (bool(f.value.get("title")) or
                                                any(n != name and n.startswith(name) for n in names))
                if not short and (s, e) not in bounds and not (supported and supported(f)) and \
                        not any(t.kind == f.kind and t.start < e and s < t.end for t in spans):
                    continue
            kept.append(f)
        doc.facts[:] = kept
    for f in doc.facts:
        if f.kind in ENTITY and _key(f) in by_span:
            mark(f.value, sig)
    occupied = Occupied(doc)
    for t in spans:
        if t.score < thresholds.get(t.kind, 1.01) or occupied.overlaps(t.start, t.end) or not accept(t):
            continue
        name = doc.text[t.start:t.end]
        value: dict = {"name": name, "signals": [sig]}
        if t.kind == "person":
            value.update(title=None, org=None)
        if doc.add(t.kind, t.start, t.end, value, CONFIDENCE[t.kind]):
            occupied.add(t.start, t.end)
