"""What a figure takes from around its sentence (knowledge/figures.py calls ``follow_context``).

    其中 / 出口 / 进口 / その内 / うち / davon / darunter   a sentence or clause that starts
        so breaks down the figure before it: a figure there without a subject or period
        of its own takes the subject and period of the figure before it (the same
        sentence or the two before it)
    trade flows   exports to B / 出口到B / 对B出口 / 対B輸出 / B向け輸出 / Exporte nach B are
        A → B; imports from B / 从B进口 / B からの輸入 / 対B輸入 / Importe aus B are A ← B,
        where A is the figure's own single subject or the one it takes from the context

Pure logic over the readings ``read_figures`` made; no store, no Qt.
"""

from __future__ import annotations

import re

from .periods import to_simplified_per_char
from .subject import Subject

_MARKER_CJK = re.compile(r"^[\s　]*(其中|此中|这其中|出口|进口|輸出|輸入|その内|そのうち|うち|このうち)")
_MARKER_LATIN = re.compile(r"^\s*(davon|darunter|hiervon|of which|of these|of this|thereof|including)\b", re.I)
_FLOWS = {"exports": "to", "imports": "from"}
# a place is the partner of a flow when the words before / after it say so: (before, after) pairs
_CJK_FLOW = {
    "to": [(r"(出口到|出口至|出口往|输往|销往|运往|輸出先)$", r""), (r"(对|対|向)$", r"^(的|の)?(出口|输出|輸出)"),
           (r"", r"^向け(の)?(輸出|出口)")],
    "from": [(r"(从|自|由|对|対)$", r"^(的|の)?(进口|输入|輸入)"), (r"(进口自|进口来自|輸入先)$", r""),
             (r"", r"^から(の)?(輸入|进口)")],
}
_LATIN_FLOW = {
    "to": r"(exports?|exported|shipments|Exporte|Ausfuhren|exportiert\w*)\s+(\w+\s+){0,3}?(to|nach|in\s+die|in\s+den)\s+$",
    "from": r"(imports?|imported|Importe|Einfuhren|importiert\w*)\s+(\w+\s+){0,3}?(from|aus)\s+(der\s+|dem\s+)?$",
}


def _sentence_of(fig, sents) -> int:
    return next((k for k, (a, b, _) in enumerate(sents) if a <= fig.start < b), -1)


def _clause_start(text: str, ss: int, pos: int, cjk: bool) -> int:
    seps = "，,：:；;" if cjk else ",:;"
    return ss + max((text.rfind(c, ss, pos) - ss for c in seps), default=-1) + 1


def _starts_with_marker(text: str, start: int, end: int, cjk: bool) -> bool:
    piece = text[start:end]
    if cjk:
        return bool(_MARKER_CJK.match(to_simplified_per_char(piece)))
    return bool(_MARKER_LATIN.match(piece))


def _inherit(figs, text: str, sents, cjk: bool) -> None:
    for n, fig in enumerate(figs):
        if fig.subject is not None and fig.period is not None:
            continue
        si = _sentence_of(fig, sents)
        if si < 0:
            continue
        ss = sents[si][0]
        cs = _clause_start(text, ss, fig.start, cjk)
        if not (_starts_with_marker(text, ss, fig.start, cjk) or _starts_with_marker(text, cs, fig.start, cjk)):
            continue
        before = [figs[k] for k in range(n - 1, -1, -1) if 0 <= si - _sentence_of(figs[k], sents) <= 2]
        if fig.subject is None:
            src = next((f for f in before if f.subject is not None), None)
            if src is not None:
                fig.subject = src.subject
                fig.cues.append("subject:context")
        if fig.period is None:
            src = next((f for f in before if f.period is not None), None)
            if src is not None:
                fig.period = src.period
                fig.cues.append("period:context")


def _partner(fig, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str]) -> str | None:
    """The other side of a trade flow named in the figure's clause before the number."""
    relation = _FLOWS[fig.measure]
    si = _sentence_of(fig, sents)
    if si < 0:
        return None
    ss, se, _ = sents[si]
    lo = ss
    places = [m for m in mentions if lo <= m.start and m.end <= se and m.kind == "place"]
    if cjk:
        norm = to_simplified_per_char(text)
        for m in sorted((m for m in places if m.end <= fig.start), key=lambda m: -m.start):
            before, after = norm[max(ss, m.start - 5):m.start], norm[m.end:m.end + 6]
            if any((not rb or re.search(rb, before)) and (not ra or re.match(ra, after)) for rb, ra in _CJK_FLOW[relation]):
                return m.name
        # 対中輸出 / 对日出口 / 自日进口: a one-character country
        window = norm[ss:fig.start]
        rx = r"(对|対)(\w)(的|の)?(出口|输出|輸出)" if relation == "to" else r"(从|自|対|对)(\w)(的|の)?(进口|输入|輸入)"
        hit = [mm for mm in re.finditer(rx, window) if mm.group(2) in abbrevs]
        if hit:
            return abbrevs[hit[-1].group(2)]
        return None
    for m in sorted(places, key=lambda m: -m.start):
        if m.end <= fig.start + 80 and re.search(_LATIN_FLOW[relation], text[max(ss, m.start - 60):m.start], re.I):
            return m.name
    return None


def _flows(figs, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str]) -> None:
    for n, fig in enumerate(figs):
        if fig.measure not in _FLOWS:
            continue
        partner = _partner(fig, text, sents, cjk, mentions, abbrevs)
        if partner is None:
            continue
        own = fig.subject
        home = None
        if own is not None and own.a != partner:
            home = own.a
        elif own is not None and own.b and own.b != partner:
            home = own.b
        if home is None:  # the exporter of the sentence before (其中，对日出口…)
            prev = next((figs[k].subject for k in range(n - 1, -1, -1) if figs[k].subject is not None), None)
            if prev is not None:
                home = prev.a if prev.a != partner else prev.b
        if home and home != partner:
            fig.subject = Subject(home, partner, _FLOWS[fig.measure])
            fig.cues.append(f"subject:flow-{_FLOWS[fig.measure]}")


def follow_context(figs, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str]) -> None:
    _inherit(figs, text, sents, cjk)
    _flows(figs, text, sents, cjk, mentions, abbrevs)
