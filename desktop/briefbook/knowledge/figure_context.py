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
from bisect import bisect_right

from .periods import to_simplified_per_char
from .reporters import is_office, reporter_at, reporting_offices
from .subject import Subject
from .subject_cues import hyphen_pairs

_MARKER_CJK = re.compile(r"^[\s　]*(其中|此中|这其中|出口|进口|輸出|輸入|その内|そのうち|うち|このうち)")
_MARKER_LATIN = re.compile(r"^\s*(davon|darunter|hiervon|of which|of these|of this|thereof|including)\b", re.I)
_FLOWS = {"exports": "to", "imports": "from"}
# a place is the partner of a flow when the words before / after it say so: (before, after) pairs,
# matched in Simplified per character (輸出 is 输出 there)
_CJK_FLOW = {
    "to": [(r"(出口到|出口至|出口往|输往|销往|运往|输出先)$", r""), (r"(对|対|向)$", r"^(的|の)?(出口|输出)"),
           (r"", r"^(向け|へ|に向けた?)(の)?(输出|出口)")],
    "from": [(r"(从|自|由|对|対)$", r"^(的|の)?(进口|输入)"), (r"(进口自|进口来自|输入先)$", r""),
             (r"", r"^から(の)?(输入|进口)")],
}
_LATIN_INVEST = (r"(investments?|invested|Investitionen|Direktinvestitionen|investiert\w*)\s+(\w+\s+){0,3}?"
                 r"(to|in|into|nach|in\s+die|in\s+den)\s+$")
_LATIN_FLOW = {
    "to": r"(exports?|exported|shipments|Exporte|Ausfuhren|exportiert\w*)\s+(\w+\s+){0,3}?(to|nach|in\s+die|in\s+den)\s+$",
    "from": r"(imports?|imported|Importe|Einfuhren|importiert\w*)\s+(\w+\s+){0,3}?(from|aus)\s+(der\s+|dem\s+|den\s+)?$",
}


class Sentences(list):
    """(start, end, paragraph) of an article's sentences in text order, with their starts
    at hand: which sentence a figure is in is a binary search, not a walk through the text."""

    def __init__(self, spans=()):
        super().__init__(spans)
        self.starts = [a for a, _b, _p in self]

    def index_of(self, pos: int) -> int:
        k = bisect_right(self.starts, pos) - 1
        return k if k >= 0 and pos < self[k][1] else -1


def _sentence_of(fig, sents: Sentences) -> int:
    return sents.index_of(fig.start)


def _clause_start(text: str, ss: int, pos: int, cjk: bool) -> int:
    seps = "，,：:；;" if cjk else ",:;"
    return max([ss] + [text.rfind(c, ss, pos) + 1 for c in seps])  # no separator: the sentence start


def _starts_with_marker(text: str, start: int, end: int, cjk: bool) -> bool:
    piece = text[start:end]
    if cjk:
        return bool(_MARKER_CJK.match(to_simplified_per_char(piece)))
    return bool(_MARKER_LATIN.match(piece))


_QUALIFIERS = ("growth_rate", "share", "growth_multiple")

# Sie legten um 5 Prozent zu / They rose 5 percent: a sentence that starts with a pronoun goes on
# about what the sentence before named (its flow, partner and time)
_PRONOUN_START = re.compile(r"^\s*(?:Sie|Er|Es|Diese|Dies|They|It|These|This)\s")


def continues_previous(text: str, sents, si: int) -> bool:
    return si > 0 and sents[si - 1][2] == sents[si][2] and bool(_PRONOUN_START.match(text[sents[si][0]:sents[si][1]]))


def _topic_before(fig, si: int, figs, sents, mentions) -> None:
    """山東省青島市では輸出入が…。第1四半期の輸出入額は…: a sum without a subject in a sentence
    after one that names a place and no figure takes that place."""
    para = sents[si][2]
    for sj in range(si - 1, max(-1, si - 3), -1):
        ps, pe, ppara = sents[sj]
        if ppara != para or any(ps <= f.start < pe for f in figs):
            return
        places = [m for m in mentions if m.kind == "place" and ps <= m.start and m.end <= pe]
        if places:
            fig.subject = Subject(places[-1].name)
            fig.cues.append("subject:sentence-before")
            return


def _inherit(figs, text: str, sents, cjk: bool, mentions=None) -> None:
    at = [_sentence_of(f, sents) for f in figs]
    for n, fig in enumerate(figs):
        if fig.subject is not None and fig.period is not None:
            continue
        si = at[n]
        if si < 0:
            continue
        ss = sents[si][0]
        cs = _clause_start(text, ss, fig.start, cjk)
        marked = _starts_with_marker(text, ss, fig.start, cjk) or _starts_with_marker(text, cs, fig.start, cjk)
        pronoun = not cjk and continues_previous(text, sents, si)
        if not marked and not pronoun and not (fig.kind == "amount" or fig.measure in _QUALIFIERS):
            continue
        # without a marker, a sum or rate of a statistics report goes on with the report's
        # subject and period: the sum before it in the same paragraph or the sentence before;
        # a sentence that starts with a pronoun goes on only with the sentence before it
        reach = 2 if marked else 1
        before = [figs[k] for k in range(n - 1, -1, -1) if 0 <= si - at[k] <= reach
                  and (marked or not pronoun or sents[at[k]][2] == sents[si][2])
                  and figs[k].measure != "duration"]
        if fig.subject is None:
            src = next((f for f in before if f.subject is not None), None)
            if src is not None:
                fig.subject = src.subject
                if fig.measure == "trade_balance" and src.subject.b and src.subject.relation in ("to", "from"):
                    fig.subject = Subject(src.subject.a, src.subject.b, "between")  # a surplus is of both flows
                fig.cues.append("subject:context")
            elif not marked and not pronoun and mentions is not None:
                _topic_before(fig, si, figs, sents, mentions)
        if fig.period is None:
            src = next((f for f in before if f.period is not None), None)
            if src is not None:
                fig.period = src.period
                fig.cues.append("period:context")


def _partner(fig, flow: str, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str]) -> str | None:
    """The other side of a trade flow named in the figure's clause before the number."""
    relation = _FLOWS.get(flow, "to")
    si = _sentence_of(fig, sents)
    if si < 0:
        return None
    ss, se, _ = sents[si]
    lo = sents[si - 1][0] if si > 0 and not cjk and continues_previous(text, sents, si) else ss
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
    rx = _LATIN_INVEST if flow == "investment" else _LATIN_FLOW[relation]
    for m in sorted(places, key=lambda m: -m.start):
        if m.end <= fig.start + 80 and re.search(rx, text[max(lo, m.start - 60):m.start], re.I):
            return m.name
    return None


_FLOW_WORD = re.compile(r"\b(exports?|imports?|shipments|Exporte|Ausfuhren|Importe|Einfuhren|investments?|"
                        r"Investitionen|Direktinvestitionen)\b", re.I)
_INVEST_MEASURES = ("investment", "fdi_actual", "fdi_contracted")


def _flow_kind(fig, text: str, sents, cjk: bool) -> str | None:
    """exports / imports / investment: what flow the figure is, or the growth rate is of
    (imports from Japan were down 18.5 percent)."""
    if fig.measure in _FLOWS:
        return fig.measure
    if fig.measure in _INVEST_MEASURES and not cjk:
        return "investment"
    if fig.measure != "growth_rate":
        return None
    si = _sentence_of(fig, sents)
    if si < 0:
        return None
    clause = text[_clause_start(text, sents[si][0], fig.start, cjk):fig.start]
    if cjk:
        words = re.findall(r"出口|输出|輸出|进口|输入|輸入|進口", to_simplified_per_char(clause))
        return None if not words else ("exports" if words[-1] in ("出口", "输出") else "imports")
    words = [w.group(1).lower() for w in _FLOW_WORD.finditer(clause)]
    if not words or words[-1].startswith(("invest", "direkt")):
        return None
    return "exports" if words[-1].startswith(("export", "ausfuhr", "shipment")) else "imports"


def _home_word(fig, text: str, sents, mentions) -> str | None:
    """Japan's exports to … / Chinese exports to … / die deutschen Exporte: the exporter
    named right before the flow word of the figure's sentence."""
    si = _sentence_of(fig, sents)
    ss = sents[si][0]
    words = list(_FLOW_WORD.finditer(text, ss, fig.start))
    if not words:
        return None
    w = words[-1].start()
    for m in mentions:
        if m.kind == "place" and ss <= m.start and m.end <= w and \
                re.fullmatch(r"(?:['’]s)?\s+(?:[a-zäöü]+\s+){0,3}", text[m.end:w]):
            return m.name
    return None


def _same_place(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and to_simplified_per_char(a).rstrip("市省") == to_simplified_per_char(b).rstrip("市省")


def _flows(figs, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str], reporter=None,
           lang: str = "en") -> None:
    """``reporter(fig)`` is the country whose statistics the figure's sentence reports, or None."""
    for n, fig in enumerate(figs):
        flow = _flow_kind(fig, text, sents, cjk)
        if flow is None:
            continue
        partner = _partner(fig, flow, text, sents, cjk, mentions, abbrevs)
        pair = fig.subject if fig.subject is not None and fig.subject.b and fig.subject.relation == "between" else None
        by = reporter(fig) if reporter is not None and partner is None and pair is not None and flow in _FLOWS else None
        if by is not None and pair is not None and _same_place(by, pair.a) != _same_place(by, pair.b):
            # 中日輸出入総額…うち輸出は (in a Japanese release): the reporting country's exports
            home, other = (pair.a, pair.b) if _same_place(by, pair.a) else (pair.b, pair.a)
            fig.subject = Subject(home, other, _FLOWS[flow])
            fig.cues.append("subject:reporter")
            continue
        if partner is None:
            if fig.measure in _FLOWS:
                _paired_flow(figs, n, sents)
            continue
        own = fig.subject
        if own is not None and not own.b and is_office(own.a, lang):
            own = None  # 財務省…対中輸出: the office reports the trade, its country makes it
        home = None if cjk else _home_word(fig, text, sents, mentions)
        if home == partner:
            home = None
        if home is None and own is not None and own.a != partner:
            home = own.a
        elif home is None and own is not None and own.b and own.b != partner:
            home = own.b
        if home is None:  # the exporter of the sentence before (其中，对日出口…)
            prev = next((figs[k].subject for k in range(n - 1, -1, -1)
                         if figs[k].subject is not None and figs[k].measure not in _QUALIFIERS), None)
            if prev is not None:
                home = prev.a if prev.a != partner else prev.b
        if home is None and reporter is not None:  # Die Einfuhren aus China (in a Destatis report)
            home = reporter(fig)
        if home and home != partner and flow == "investment":  # Japan's investment in China: China ← Japan
            fig.subject = Subject(partner, home, "from")
            fig.cues.append("subject:invest-in")
        elif home and home != partner:
            fig.subject = Subject(home, partner, _FLOWS[flow])
            fig.cues.append(f"subject:flow-{_FLOWS[flow]}")


def _paired_flow(figs, n: int, sents) -> None:
    """对华出口额…，进口额… / exports to Japan …, while imports …: a flow without a partner of
    its own goes with the other flow just before it in the same sentence or the one before."""
    fig = figs[n]
    si = _sentence_of(fig, sents)
    for k in range(n - 1, -1, -1):
        other = figs[k]
        if si - _sentence_of(other, sents) > 1:
            break
        if other.measure in _FLOWS and other.measure != fig.measure and other.subject is not None \
                and other.subject.relation in ("to", "from") and other.subject.b:
            if fig.subject is None or fig.subject.a in (other.subject.a, other.subject.b):
                fig.subject = Subject(other.subject.a, other.subject.b, _FLOWS[fig.measure])
                fig.cues.append("subject:paired-flow")
            return


_BILATERAL = re.compile(r"\b(bilateral\w*|two countries|both countries|beiden Länder\w*|beider Länder)\b|两国|兩國|双边|雙邊|両国|二国間",
                        re.I)


def _bilateral(figs, text: str, sents, cjk: bool, mentions, lang: str) -> None:
    """bilateral trade / between the two countries / 两国 / 双边 without the two named in
    the sentence: the pair the article named last before it."""
    for n, fig in enumerate(figs):
        if fig.subject is not None and fig.subject.relation == "between":
            continue
        si = _sentence_of(fig, sents)
        if si < 0 or not _BILATERAL.search(text, sents[si][0], fig.start):
            continue
        pair = next((figs[k].subject for k in range(n - 1, -1, -1) if figs[k].subject is not None
                     and figs[k].subject.relation == "between"), None)
        if pair is None and not cjk:
            names = {m.name.lower(): m.name for m in mentions if m.kind == "place"}
            for sj in range(si - 1, -1, -1):
                found = hyphen_pairs(text[sents[sj][0]:sents[sj][1]], sents[sj][0], names, lang)
                if found:
                    pair = Subject(found[-1][0].name, found[-1][1].name, "between")
                    break
        if pair is not None:
            fig.subject = pair
            fig.cues.append("subject:bilateral")


# the other side of a trade, balance or share named in the sentence: 对日贸易逆差 / 対中輸出入額 /
# ASEANとの間の貿易黒字 / trade surplus with Japan / Handelsbilanz mit China
_TRADE_CJK = r"(?:贸易|输出入|进出口|顺差|逆差|黒字|赤字)"
_PARTNER_AFTER_CJK = re.compile(rf"^(?:(?:的|の)?{_TRADE_CJK}|(?:との(?:间の)?|之间的?){_TRADE_CJK})")
_PARTNER_ABBREV_CJK = re.compile(rf"(?:对|対)(\w)(?:的|の)?{_TRADE_CJK}")
_PARTNER_LATIN = re.compile(r"\b(?:\w*trade|surplus|deficit|\w*handel\w*|\w*überschuss\w*|Defizit\w*|Handelsbilanz\w*)\s+"
                            r"(?:with|mit|gegenüber)\s+(?:(?:den|der|dem|the)\s+)?$", re.I)
_PAIRED_MEASURES = ("trade_balance", "trade_volume", "share")


def _marked_partner(fig, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str]) -> str | None:
    """The place the sentence names as the other side of the figure's trade, before the number."""
    si = _sentence_of(fig, sents)
    if si < 0:
        return None
    ss = sents[si][0]
    places = [m for m in mentions if m.kind == "place" and ss <= m.start and m.end <= fig.start]
    if not cjk:
        named = [m for m in places if _PARTNER_LATIN.search(text[max(ss, m.start - 40):m.start])]
        if not named and fig.measure == "share":  # 17,7 Prozent seines Außenhandels mit den USA
            se = sents[si][1]
            named = [m for m in mentions if m.kind == "place" and fig.end <= m.start and m.end <= se
                     and m.start - fig.end <= 60 and _PARTNER_LATIN.search(text[fig.end:m.start])][:1]
        return named[-1].name if named else None
    norm = to_simplified_per_char(text[:fig.start])
    found: list[tuple[int, str]] = []
    for m in places:
        after = norm[m.end:m.end + 8]
        if _PARTNER_AFTER_CJK.match(after) and (after.startswith(("との", "之间")) or norm[m.start - 1:m.start] in ("对", "対")):
            found.append((m.start, m.name))
    for hit in _PARTNER_ABBREV_CJK.finditer(norm, ss):
        at = hit.start(1)
        if hit.group(1) in abbrevs and not any(m.start <= at < m.end for m in places):
            found.append((at, abbrevs[hit.group(1)]))
    return max(found)[1] if found else None


def _partner_pairs(figs, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str]) -> None:
    """对日贸易逆差 / ASEANとの間の貿易黒字 / the surplus with Japan without the home side named
    in the sentence: the home side is the figure's own subject, or the other side of the
    figure before that names the partner (a report goes on about one country's trade)."""
    for n, fig in enumerate(figs):
        if fig.measure not in _PAIRED_MEASURES or (fig.subject is not None and fig.subject.b):
            continue
        partner = _marked_partner(fig, text, sents, cjk, mentions, abbrevs)
        if partner is None:
            continue
        home = fig.subject.a if fig.subject is not None and fig.subject.a != partner else None
        para = sents[_sentence_of(fig, sents)][2]
        for k in range(n - 1, -1, -1):
            if home is not None or sents[_sentence_of(figs[k], sents)][2] != para:
                break  # the home side is said in the same paragraph or not at all
            prev = figs[k].subject
            if prev is None:
                continue
            if prev.b and partner in (prev.a, prev.b):
                home = prev.b if prev.a == partner else prev.a
            elif not prev.b and prev.a != partner:
                home = prev.a
        if home is not None:
            fig.subject = Subject(home, partner, "between")
            fig.cues.append("subject:partner")


def _totals_of_flows(figs, sents) -> None:
    """…imports from Japan …, resulting in a surplus of … / 進口…，貿易總值達…: a balance or
    total right after a flow to or from a partner (read only now, after the flows) is of the
    pair, when the sentence gave it no subject or only the flow's home."""
    for n, fig in enumerate(figs):
        if fig.measure not in ("trade_balance", "trade_volume") or "subject:context" not in fig.cues:
            continue
        if fig.subject is not None and fig.subject.b:
            continue
        si = _sentence_of(fig, sents)
        flow = next((figs[k] for k in range(n - 1, -1, -1) if figs[k].measure not in _QUALIFIERS), None)
        if flow is None or flow.subject is None or flow.subject.relation not in ("to", "from") \
                or si - _sentence_of(flow, sents) > 1:
            continue
        if fig.subject is None or fig.subject.a in (flow.subject.a, flow.subject.b):
            fig.subject = Subject(flow.subject.a, flow.subject.b, "between")
            fig.cues.append("subject:of-flows")


def follow_context(figs, text: str, sents, cjk: bool, mentions, abbrevs: dict[str, str], lang: str = "en") -> None:
    offices = reporting_offices(text, mentions, lang)

    def reporter(fig) -> str | None:
        si = _sentence_of(fig, sents)
        return reporter_at(offices, sents[si][0], sents[si][1]) if si >= 0 else None

    _bilateral(figs, text, sents, cjk, mentions, lang)
    _inherit(figs, text, sents, cjk, mentions)
    _flows(figs, text, sents, cjk, mentions, abbrevs, reporter, lang)
    _partner_pairs(figs, text, sents, cjk, mentions, abbrevs)
    _totals_of_flows(figs, sents)


# a rate before the sum it qualifies: 减少25.3%为465亿美元, 17.9%増の1631億ドル, rose 9.9 percent (year on year) to $297
# billion, um 7,9 Prozent auf 14,12 Billionen Yuan
_RATE_THEN_SUM = re.compile(r"^\s*(?:(?:year[- ]on[- ]year|from a year earlier|im Jahresvergleich|im Vorjahresvergleich)\s+)?"
                            r"(?:増|减|減|増加|減少)?(?:の|为|為|至|到|达|達|to|auf(?: einen Wert von)?|zu)\s*$", re.I)
# a sum in another currency right after the one it converts: 345.1亿美元…(折2275.4亿元人民币), (1,81 Billionen Euro)
# the same sum at another time: … to $3.27 billion in 2017, up from $3.11 billion in 2016
_EARLIER_SUM = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|gestiegen|gesunken)\s+(?:from|von)\s*$",
                          re.I)
_CONVERTED = re.compile(r"[(（]\s*(?:折|折合|合|约|約|rund|ca\.|about|approx\.|approximately|etwa)?\s*$", re.I)


def tie_qualifiers(figs, text: str, sents) -> None:
    """A growth rate, share or multiple is tied to the sum or count it qualifies and takes
    its subject and period; a total investment to the projects it counts; a converted
    sum to the sum it converts (the same measure, subject and period)."""
    for n, fig in enumerate(figs):
        si = _sentence_of(fig, sents)
        if fig.kind == "amount" and _CONVERTED.search(text[max(0, fig.start - 8):fig.start]):
            src = next((figs[k] for k in range(n - 1, -1, -1) if figs[k].kind == "amount"
                        and _sentence_of(figs[k], sents) == si), None)
            if src is not None and src.measure != "unknown":
                fig.measure, fig.subject, fig.period = src.measure, src.subject, src.period
                fig.cues.append(f"converts:{src.text}")
                continue
        if fig.kind == "amount" and _EARLIER_SUM.search(text[max(0, fig.start - 24):fig.start]):
            src = next((figs[k] for k in range(n - 1, -1, -1) if figs[k].kind == "amount"
                        and _sentence_of(figs[k], sents) == si), None)
            if src is not None and src.measure != "unknown":
                fig.measure, fig.subject = src.measure, src.subject
                fig.cues.append(f"earlier:{src.text}")
                continue
        parent = None
        if fig.unit == "percentage_points":  # 占…17.1%，下降1.0个百分点: the change of the percentage before
            parent = next((k for k in range(n - 1, -1, -1) if figs[k].kind == "percentage"
                           and figs[k].unit != "percentage_points" and _sentence_of(figs[k], sents) == si), None)
        if parent is None and fig.measure in _QUALIFIERS:
            sums = [k for k in range(len(figs)) if k != n and _sentence_of(figs[k], sents) == si
                    and figs[k].measure not in _QUALIFIERS + ("duration",) and figs[k].kind != "percentage"]
            before = [k for k in reversed(sums) if k < n]
            after = [k for k in sums if k > n]
            if after and _RATE_THEN_SUM.match(text[fig.end:figs[after[0]].start]):
                parent = after[0]
            else:
                parent = before[0] if before else (after[0] if after else None)
        elif fig.measure == "investment_total" and n + 1 < len(figs) and figs[n + 1].kind == "count":
            gap = text[fig.end:figs[n + 1].start]
            if re.fullmatch(r"\s*(的|の|für|for|in|of)?\s*", gap):
                parent = n + 1
        if parent is None:
            continue
        fig.qualifies = parent
        p = figs[parent]
        if p.subject is not None:
            fig.subject = p.subject
        if p.period is not None:
            fig.period = p.period
        if fig.measure == "investment_total":
            fig.scope = p.scope
        fig.cues.append(f"qualifies:{p.text}")
