"""The working state of the German/English passes and the token helpers they share.

One ``LatinScan`` is made per text: the word tokens (``WORD``) and what the passes
(see ``extract/registry.py``) found so far (``orgs``, ``places``, ``people``), so a
later pass sees an earlier one's results.  ``emit`` turns them into facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from .. import dictionaries
from ..base import Doc
from .words import HONORIFIC_RUN, PARTICLES

WORD = re.compile(r"(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Rev|Mme)\.(?=\s[A-Z])"
                  r"|[A-ZÄÖÜa-zäöüß](?:(?![\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])[\w’'\-])*")
# (a word in Latin letters ends where Chinese or Japanese characters begin: Tim Cook|主持)


# the word for a place's kind written after its name (Iwate Prefecture, Hainan Province)
_PLACE_KIND_WORDS = ("Prefecture", "Province", "County", "City", "State", "Region", "District", "Municipality")
# a generational suffix after a name (the full stop of "Jr." is part of it)
_NAME_SUFFIX = re.compile(r",?\s(?:Jr\.?|Sr\.?|II|III|IV)(?![\w’'])")


# the last word of a venue's name: a building, not a place (the Shangri-La Hotel, Olympia Stadium)
VENUE_HEADS = {"Hotel", "Stadium", "Stadion", "Arena", "Palace", "Palast", "Temple", "Tempel", "Tower"}
_VENUE_AFTER = re.compile(r" (?:" + "|".join(sorted(VENUE_HEADS)) + r")\b")


def toks_end(toks: list, i: int) -> int:
    return toks[i][1]


def is_cap(w: str) -> bool:
    return w[:1].isupper()


class LatinScan:
    """What the passes over one text have found so far, its word tokens, and the
    helpers on them that every pass uses."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.norm = doc.norm
        self.d = dictionaries.get()
        self.tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(doc.norm)]
        self.orgs: dict[tuple[int, int], str] = {}
        self.places: dict[tuple[int, int], str] = {}
        self.people: list[tuple[int, int]] = []
        self.zones: set[tuple[int, int]] = set()  # zones and parks by their head (… 3 Industrial Park)
        self.listed: set[tuple[int, int]] = set()  # organisations read from a list after a plural noun
        self.glosses: set[tuple[int, int]] = set()  # an organisation's short form in parentheses after it
        # runs of styles of address (YBhg. Tan Sri, H.E.): where each ends (the next word's
        # start) and which word starts lie inside one
        runs = [m.span() for m in HONORIFIC_RUN.finditer(doc.norm)]
        self.honorific_end = {e: s for s, e in runs}
        self.in_honorific = {t[0] for t in self.tokens for s, e in runs if s <= t[0] < e} if runs else set()

    def gap(self, a: int, b: int) -> str:
        return self.norm[a:b]

    def sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        before = self.norm[toks_end(self.tokens, i - 1):self.tokens[i][0]]
        prev = self.tokens[i - 1][2]
        return "\n" in before or before.strip()[-1:] in (".", "!", "?", ":", "*", "•", "-", "–", "(", '"', "„", "“") \
            and not prev.endswith(".") or prev.endswith(".") and len(prev) > 4

    def particle_then_cap(self, k: int) -> bool:
        toks = self.tokens
        return toks[k][2] in PARTICLES and k + 1 < len(toks) and (
            is_cap(toks[k + 1][2]) or toks[k + 1][2] in PARTICLES and k + 2 < len(toks) and is_cap(toks[k + 2][2]))

    def at_boundary_after(self, k: int) -> bool:
        toks = self.tokens
        if k >= len(toks):
            return True
        g = self.gap(toks[k - 1][1], toks[k][0])
        return g.strip() != "" or not is_cap(toks[k][2])

    def title_start(self, a: int) -> int:
        """The token where a German title that starts at token ``a`` really starts: over a
        word shortened in a pair (Agrar- und Umweltminister) and a place in the genitive
        (Bayerns Wirtschaftsminister, Mecklenburg-Vorpommerns Agrarminister)."""
        toks = self.tokens
        if self.doc.lang != "de":
            return a
        while a >= 2 and toks[a - 1][2] in ("und", "oder") and toks[a - 2][2].endswith("-") and \
                len(toks[a - 2][2]) > 2 and self.gap(toks[a - 2][1], toks[a - 1][0]) == " " and \
                self.gap(toks[a - 1][1], toks[a][0]) == " ":
            a -= 2
        if a >= 1 and self.gap(toks[a - 1][1], toks[a][0]) == " ":
            w = toks[a - 1][2]
            if len(w) > 3 and w.endswith("s") and w[:-1] in self.d.places_latin:
                a -= 1
        return a

    def place_before(self, start: int) -> int | None:
        """Where a place written right before ``start`` begins, with the word for its kind
        after it ("Tainan Mayor", "Iwate Prefecture Governor"); a title after only a place
        keeps it.  China and Japan alone are left out: "Japan Prime Minister" is rare, the
        country before a title mostly opens a longer phrase."""
        if start < 2 or self.norm[start - 1] != " ":
            return None
        end = start - 1
        kind = re.search(r"(?:^|\s)(" + "|".join(_PLACE_KIND_WORDS) + r")$", self.norm[max(0, end - 16):end])
        ends = {pe: ps for ps, pe in self.places}
        if kind and self.norm[end - len(kind.group(1)) - 1] == " " and end - len(kind.group(1)) - 1 in ends:
            return ends[end - len(kind.group(1)) - 1]
        ps = ends.get(end)
        if ps is None or self.norm[ps:end] in ("China", "Japan"):
            return None
        return ps

    def name_end(self, e: int) -> int:
        """The end of a personal name that ends at ``e``, over a generational suffix
        (Edmund G. Brown Jr., Martin Luther King, Jr., Henry Ford II)."""
        m = _NAME_SUFFIX.match(self.norm, e)
        return m.end() if m else e

    def free_for_person(self, s: int, e: int) -> bool:
        return not any(ps < e and s < pe for ps, pe in self.people) and \
            not any(os_ < e and s < oe for (os_, oe) in self.orgs)

    def add_person(self, i: int, n: int, title: str | None, conf: float) -> None:
        toks = self.tokens
        s, e = toks[i][0], self.name_end(toks[i + n - 1][1])
        # a genitive "Olivier Messiaens" stays as written; drop a trailing possessive "'s"
        if not self.free_for_person(s, e):
            return
        self.people.append((s, e))
        for key in [k for k in self.places if k[0] < e and s < k[1]]:
            del self.places[key]
        self.doc.add("person", s, e, {"name": self.doc.text[s:e], "title": title, "org": None}, conf)


def _inside_another(spans) -> set[tuple[int, int]]:
    """The spans that lie inside a different span of ``spans``.

    Sorted by start, longer first, a span lies inside another exactly when an
    earlier one reaches as far as its end; one sweep keeps emitting linear in the
    number of names (a check against every other span made long lists of place
    names take minutes)."""
    inside = set()
    reach = -1
    for s, e in sorted(set(spans), key=lambda se: (se[0], -se[1])):
        if reach >= e:
            inside.add((s, e))
        reach = max(reach, e)
    return inside


def _starts_inside(spans) -> Callable[[int], bool]:
    """A test whether a position falls inside one of ``spans`` (by bisection)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach, furthest = [], -1
    for _, e in ordered:
        furthest = max(furthest, e)
        reach.append(furthest)

    def test(pos: int) -> bool:
        i = bisect_right(starts, pos)
        return i > 0 and reach[i - 1] > pos
    return test


def emit(scan: LatinScan) -> None:
    doc = scan.doc
    org_inside = _inside_another(scan.orgs)
    for (s, e) in sorted(scan.orgs):
        if (s, e) in org_inside:
            continue
        if (s, e) in scan.places:
            continue
        doc.add("organization", s, e, {"name": doc.text[s:e]}, 0.65)
    place_inside = _inside_another(list(scan.orgs) + list(scan.places))
    in_person = _starts_inside(scan.people)
    for (s, e) in sorted(scan.places):
        if (s, e) in place_inside:
            continue
        if in_person(s) or doc.in_amount(s, e) or _VENUE_AFTER.match(doc.text, e):
            continue  # (or the name of a venue: "the Shangri-La Hotel")
        doc.add("place", s, e, {"name": doc.text[s:e]}, 0.7)


_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*")


def drop_addresses(scan: LatinScan) -> None:
    """A name that is the host of an e-mail address or a part of a web address
    (Olsen@ENRON, www.acme.com) names no organisation, person or place of the text:
    it goes, whichever pass (or tagger) read it.  The name before an "@" stays
    (Michael Olsen@ENRON is Michael Olsen)."""
    doc = scan.doc
    spans = []
    for m in _ADDRESS.finditer(doc.text):
        at = m.group().find("@")
        # only what follows the "@" of a mail address; all of a web address
        spans.append((m.start() + at + 1 if at >= 0 and "://" not in m.group() else m.start(), m.end()))
    if not spans:
        return
    doc.facts[:] = [f for f in doc.facts if f.kind not in ("person", "organization", "place")
                    or not any(s <= f.start and f.end <= e for s, e in spans)]
