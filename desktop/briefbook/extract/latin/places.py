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
