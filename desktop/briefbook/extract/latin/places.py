"""Places in German and English beyond the gazetteer: zones and parks (… Industrial
Park), and in German streets and towns by their endings after a preposition."""

from __future__ import annotations

import re

from .scan import LatinScan, is_cap
from .words import (
    NOT_NAME,
)


def scan_zones(scan: LatinScan) -> None:
    # a park's number is part of its name: Dong Van 3 Industrial Park, Phase 2 Zone
    for m in re.finditer(r"(?!(?:The|Der|Die|Das|Den|Dem|An?) )[A-Z][\w\-]+ (?:(?:[A-Z][\w\-]+|\d{1,3}) ){0,5}(?:Park|Zone|Area)\b", scan.norm):
        scan.places[m.span()] = m.group()
        scan.zones.add(m.span())


def scan_more_places(scan: LatinScan) -> None:
    toks, d = scan.tokens, scan.d
    if scan.doc.lang != "de":
        return
    preps = {"in", "aus", "nach", "bei", "von", "bis", "nahe", "zwischen", "Richtung", "um", "über"}
    sufs = d.place_suffixes_de
    for i, (s, e, w) in enumerate(toks):
        if not is_cap(w) or len(w) < 5 or w in NOT_NAME or w.isupper():
            continue
        low = w.lower()
        street = low.endswith(("straße", "strasse", "platz", "allee", "gasse", "damm", "ufer", "chaussee"))
        if not street:
            if not (i and toks[i - 1][2] in preps and scan.gap(toks[i - 1][1], s) == " "):
                continue
            if not any(low.endswith(suf) and len(low) >= len(suf) + 3 for suf in sufs):
                continue
            if i + 1 < len(toks) and is_cap(toks[i + 1][2]) and scan.gap(e, toks[i + 1][0]) == " ":
                continue  # "in Hamburger Firmen": an adjective before a noun
        if any(a <= s < b for a, b in list(scan.orgs) + list(scan.places)) or \
                any(ps <= s < pe for ps, pe in scan.people):
            continue
        scan.places[(s, e)] = w


# the word for a place's kind, capitalised after its name as part of it (Iwate Prefecture)
_KIND_AFTER = re.compile(r" (Prefecture|Province|County)\b")


_KIND_END = re.compile(r" (?:Prefecture|Province|County)$")


def _form(scan: LatinScan, f, places: set[str]) -> tuple[str, str]:
    """(the place a mention names, the form it is written in): "Nordrhein-Westfalens" is
    Nordrhein-Westfalen in the genitive where the text names that place too, "MUNICH" a
    dateline's Munich, "Iwate" before "Prefecture" the form "Iwate Prefecture"."""
    name = f.value.get("name") or f.text
    base = name
    if scan.doc.lang == "de" and name.endswith("s") and len(name) >= 4:
        base = next((b for b in (name[:-1], name[:-2] if name.endswith("es") else "") if b in places), name)
    if name.isupper() and len(name) > 2:
        base = next((p for p in places if p.upper() == name and not p.isupper()), name)
    written = _KIND_END.sub("", base)
    if written != base and written in places:
        base = written  # "Yamaguchi County" beside "Yamaguchi Prefecture": one place
    kind = _KIND_AFTER.match(scan.doc.text, f.end)
    if scan.doc.lang == "en" and kind:
        name = f"{name} {kind.group(1)}"
    # names of one place in the gazetteer (NRW, Nordrhein-Westfalen; PRC, China) are one place
    return scan.d.places_latin.get(base, base), name


def name_standalone_forms(scan: LatinScan) -> None:
    """A place is listed under the form the text uses most on its own (as Chinese 长春 /
    长春市): a German genitive (Nordrhein-Westfalens), a dateline in capitals (MUNICH) and
    the bare name go under the place's other form when the text writes that at least as
    often; English "Iwate" is listed as "Iwate Prefecture" where the text never writes it
    bare more often.  Only the name changes; every mention keeps its span."""
    facts = [f for f in scan.doc.facts if f.kind == "place"]
    if len(facts) < 2:
        return
    places = {f.value.get("name") or f.text for f in facts}
    forms = {id(f): _form(scan, f, places) for f in facts}
    counts: dict[str, dict[str, int]] = {}
    for base, form in forms.values():
        by = counts.setdefault(base, {})
        by[form] = by.get(form, 0) + 1
    for f in facts:
        base, form = forms[id(f)]
        by = counts[base]
        if len(by) < 2 and form == (f.value.get("name") or f.text):
            continue
        # the most frequent form; on a tie the gazetteer's own, mixed-case, shorter one
        best = max(by, key=lambda x: (by[x], x == base or x in scan.d.places_latin, not x.isupper(), -len(x)))
        f.value["name"] = best
