"""Figures with meaning: what an amount, percentage or count measures, of whom, when.

``read_figures(text, lang, published, facts)`` takes an article's cleaned text and
its extracted facts (``core.facts.Fact`` or contract dicts) and returns one
``FigureReading`` per amount, percentage and count fact, in text order:

    measure   a key of the controlled vocabulary (knowledge/measures.py), or
              "unknown" when nothing in the sentence names it
    subject   who or where: ``Subject("青岛", "日本", "between")`` is 青岛–日本,
              ``Subject("青岛", "日本", "from")`` is 青岛 ← 日本 (investment from
              Japan into Qingdao); names as written in the article
    period    a ``periods.Period`` or None ("period unknown")
    approx    exact | about | more_than | less_than | at_least | up_to
    fraction  "1/3" when the text wrote a fraction (超过三分之一: more than one third)
    qualifies the index (into the returned list) of the figure a growth rate,
              share or total investment belongs to; a qualifier takes that
              figure's subject and period
    scope     the counted thing as written (省市级重点项目) so that two counts of
              different things in one period are not taken for a conflict

Pure logic: no store, no Qt.  Everything is decided from the sentence the
figure stands in (and, for a period only, the sentences before it in the same
paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .approximation import approx_of, fraction_of
from .figure_context import Sentences, continues_previous, follow_context, tie_qualifiers
from .figure_mentions import figure_mentions
from .figure_pieces import PIECE_CHARS, read_in_pieces
from .measures import UNKNOWN, Vocabulary, default_vocabulary
from .periods import Period, from_date, own_periods, relative_months, to_simplified_per_char
from .running_totals import mark_running_totals, says_running_total
from .subject import Subject
from .subject_cues import Mention, abbreviation_pairs, hyphen_pairs

__all__ = ["FigureReading", "Subject", "read_figures"]

FIGURE_KINDS = ("amount", "percentage", "count")


@dataclass
class FigureReading:
    kind: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    currency: str | None = None
    approx: str = "exact"
    fraction: str | None = None
    measure: str = UNKNOWN
    subject: Subject | None = None
    period: Period | None = None
    qualifies: int | None = None
    scope: str = ""
    fact_index: int = -1
    cues: list[str] = field(default_factory=list)  # why: which rule decided what (for the user and tests)


# -- the article's sentences and mentions ------------------------------------------

_CJK_SENT = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_LATIN_SENT = re.compile(r".+?(?:(?<![\d\s][\d])(?<!\b[A-Z])[.!?;](?=\s|$)|\n|$)", re.S)
_CLAUSE_CJK = "，,：:（）()"
_CLAUSE_LATIN = ",:;()–"


# a full stop after these ends no sentence (523 Mrd. US-Dollar, in the Jan.-Feb. period)
_ABBREVIATION_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mrd|Mio|Nr|bzw|ca|vs|Inc|Co|"
                               r"Corp|Ltd|Dr|Prof|St)\.\s*$")


def _sentences(text: str, cjk: bool) -> Sentences:
    """(start, end, paragraph number) of each sentence."""
    out: list[tuple[int, int, int]] = []
    rx = _CJK_SENT if cjk else _LATIN_SENT
    glue = False
    lines, counted = 0, 0  # line breaks before ``counted``
    for m in rx.finditer(text):
        if not m.group().strip():
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())  # a sentence after a line break starts after it
        if glue and out and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], m.end(), out[-1][2])
        else:
            lines, counted = lines + text.count("\n", counted, start), start
            out.append((start, m.end(), lines))
        glue = not cjk and bool(_ABBREVIATION_END.search(m.group()))
    return Sentences(out)


def _fact_dict(f) -> dict:
    if isinstance(f, dict):
        return f
    out = {"kind": f.kind, "start": f.start, "end": f.end, "text": f.text}
    out.update(f.value or {})
    return out


_Mention = Mention


_ABBREV = {"日": "日本", "华": "中国", "中": "中国", "韩": "韩国", "美": "美国", "德": "德国", "鲁": "山东", "欧": "欧洲",
           "俄": "俄罗斯", "英": "英国", "法": "法国"}


# -- measure -----------------------------------------------------------------------

def _match_triggers(hay: str, pairs: list[tuple[str, str]], latin: bool) -> tuple[str, int, int] | None:
    """The best trigger in ``hay``: the one ending last (closest to the figure); a longer
    one wins among those that overlap it.  Latin words match a whole word or a compound's head."""
    best = None
    low = hay.lower()
    for word, key in pairs:
        w = word.lower()
        if w not in low:  # every match holds the word itself: most pairs end here
            continue
        if latin:
            for m in _trigger_pattern(w).finditer(low):
                cand = (key, m.start(), m.end())
                best = _better(best, cand)
        else:
            i = low.find(w)
            while i >= 0:
                best = _better(best, (key, i, i + len(w)))
                i = low.find(w, i + 1)
    return best


_TRIGGER_PATTERNS: dict[str, re.Pattern] = {}


def _trigger_pattern(w: str) -> re.Pattern:
    """The compiled pattern of a Latin trigger word, kept: the vocabulary holds more
    words than ``re``'s own cache, which then compiled them again on every figure."""
    rx = _TRIGGER_PATTERNS.get(w)
    if rx is None:
        rx = re.compile(rf"(?<![\w-]){re.escape(w)}(?!\w)|{re.escape(w)}(?=\b)" if len(w) >= 5 else
                        rf"(?<![\w-]){re.escape(w)}(?!\w)")
        if len(_TRIGGER_PATTERNS) < 10_000:
            _TRIGGER_PATTERNS[w] = rx
    return rx


def _better(best, cand):
    if best is None:
        return cand
    _, bs, be = best
    _, cs, ce = cand
    if cs < be and bs < ce:  # overlapping: the longer one
        return cand if (ce - cs) > (be - bs) else best
    return cand if ce > be else best


# a percentage right after these words is a change (um 7,9 Prozent auf …, grew by 5 percent)
_CHANGE_BY = re.compile(r"\b(um|by)\s*$", re.I)


def _measure(fig: FigureReading, clause_before: str, vocab: Vocabulary, lang: str, cjk: bool) -> str:
    latin = not cjk
    if fig.kind == "percentage" and latin and _CHANGE_BY.search(clause_before):
        fig.cues.append("measure:change-by")
        return "growth_rate"
    if fig.kind == "count":
        noun = re.sub(r"[\d.,]+|[一二三四五六七八九十百千万亿两]+(?=[个家名座次项场方位年月])", " ", fig.text)
        noun = to_simplified_per_char(noun) if cjk else noun
        hit = _match_triggers(noun, vocab.triggers("count", lang), latin)
        if hit:
            fig.cues.append(f"measure:noun:{noun[hit[1]:hit[2]]}")
            found = vocab.get(hit[0])
            units = found.units if found is not None else ()
            if units and fig.unit not in units:
                fig.unit = units[0]  # 2 Städtekooperationsseminare are seminars (events), not cities
            return hit[0]
        by_unit = vocab.for_unit(fig.unit)
        if by_unit:
            fig.cues.append(f"measure:unit:{fig.unit}")
            return by_unit
    hay = to_simplified_per_char(clause_before) if cjk else clause_before
    hit = _match_triggers(hay, vocab.triggers(fig.kind, lang), latin)
    if hit:
        fig.cues.append(f"measure:clause:{hay[hit[1]:hit[2]]}")
        return hit[0]
    if fig.kind == "percentage" and fig.fraction:
        return "share"
    return UNKNOWN


# -- subject -----------------------------------------------------------------------

_INVEST_CJK = re.compile(r"^(?:累计|共|已|已经|新)?(?:在|对|向|来|赴)$")
_INVEST_AFTER = re.compile(r"^(?:的)?(?:累计|新)?(?:投资|设立|新设|落户|实际投资|直接投资|设厂|投資)")
_BETWEEN_CJK = re.compile(r"^(?:与|和|同|及|对|跟|と)$")
_BETWEEN_LATIN = re.compile(r"^\s+(?:und|and|with|mit|–|-)\s+(?:(?:den|der|dem|die|the)\s+)?$")
# China's trade with Japan / der Handel Chinas mit Japan: between the two
_TRADE_WITH = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:trade|Handel|Warenaustausch|surplus|deficit|Überschuss|Defizit)"
                         r"\s+(?:with|mit|gegenüber)\s+"
                         r"(?:(?:den|der|dem|the)\s+)?$", re.I)
_ARRIVE = re.compile(r"(?:常驻|落户|进驻|入驻|到|赴|赶赴|来到|来|在|驻)$")


def _between_latin(sentence: str, ms: list[_Mention], base: int) -> tuple[_Mention, _Mention] | None:
    for i, a in enumerate(ms):
        for b in ms[i + 1:]:
            gap = sentence[a.end - base:b.start - base]
            before = sentence[max(0, a.start - base - 12):a.start - base].lower()
            if _BETWEEN_LATIN.match(gap) and re.search(r"(zwischen|between)\s*$", before) or _TRADE_WITH.match(gap):
                return a, b
    return None


def _digit_at(fig: FigureReading) -> int:
    m = re.search(r"[\d一二三四五六七八九十两]", fig.text)
    return fig.start + (m.start() if m else 0)


def _counted_chain(fig: FigureReading, inside: list[_Mention], gap, cjk: bool) -> set[int]:
    """The names the count enumerates (A、B等4家机构 / A、B与C四方): they are not its subject.
    With 等 the list runs through 、 only (青岛与日本宫崎、川崎等9座城市: 青岛 is outside)."""
    if fig.kind != "count":
        return set()
    digit = _digit_at(fig)
    closing = gap(max((m.end for m in inside if m.end <= digit), default=digit), digit)
    if cjk:
        link = r"(、|等)" if closing.endswith("等") else r"(、|与|和|及|以及|)"
    else:
        link = r"(,\s*|\s+(und|and)\s+|\s*)"
    counted: set[int] = set()
    chain_end = digit
    for m in sorted((m for m in inside if m.end <= digit), key=lambda m: -m.end):
        g = gap(m.end, chain_end)
        if re.fullmatch(link, g) and not (cjk and g == "" and chain_end != digit):
            counted.add(id(m))
            chain_end = m.start
        else:
            break
    if len(counted) == 1 and not closing.endswith(("等", "、")):
        return set()  # one name right before the number is its subject (访问过青岛5次)
    return counted


def _subject(fig: FigureReading, text: str, sent: tuple[int, int], ms: list[_Mention], cjk: bool,
             abbrevs: dict[str, str], lang: str = "en") -> Subject | None:
    ss, se = sent
    inside = [m for m in ms if ss <= m.start and m.end <= se]
    norm = to_simplified_per_char(text[ss:se]) if cjk else text[ss:se]

    def gap(a_end: int, b_start: int) -> str:
        return norm[a_end - ss:b_start - ss] if a_end <= b_start else ""

    digit = _digit_at(fig)
    origin = None
    if cjk:
        # 日本(累计)在青投资 / 日本对华投资: investment from B into A
        for m in inside:
            if m.end > digit:
                continue
            rest = norm[m.end - ss:digit - ss]
            mm = re.match(r"(?:\d+国)?(?:累计|共|已|已经|新)?(?:在|对|向)", rest)
            if not mm:
                continue
            tail = rest[mm.end():]
            target = next((t for t in inside if t.start == m.end + mm.end()), None)
            if target is not None and _INVEST_AFTER.match(norm[target.end - ss:]):
                fig.cues.append("subject:invest")
                return Subject(target.name, m.name, "from")
            if target is None and tail[:1] in abbrevs and _INVEST_AFTER.match(tail[1:]):
                fig.cues.append("subject:invest-abbrev")
                return Subject(abbrevs[tail[:1]], m.name, "from")
        # 1000多家日本企业…常驻青岛 / 来自日本46家企业…赶赴烟台: things from B arriving in A
        origin = next((m for m in inside if fig.start <= m.start and m.end <= fig.end and m.kind == "place"), None)
        if origin is None:
            origin = next((m for m in inside if m.kind == "place" and m.end <= fig.start
                           and re.search(r"来自$", gap(ss, m.start)) and len(gap(m.end, digit)) <= 1), None)
        if origin is not None:
            for m in inside:
                if m.start >= fig.end and m.kind == "place" and m.name != origin.name \
                        and _ARRIVE.search(gap(fig.end, m.start)[-2:] or "-"):
                    fig.cues.append("subject:arrive")
                    return Subject(m.name, origin.name, "from")
    counted = _counted_chain(fig, inside, gap, cjk)
    candidates = [m for m in inside if id(m) not in counted]
    # 访问过青岛5次: the name right before the number
    adj = [m for m in candidates if m.end <= digit and digit - m.end <= 1 and not re.search(r"[、，,等]", gap(m.end, digit))]
    if adj:
        fig.cues.append("subject:adjacent")
        return Subject(adj[-1].name)
    # A与B / zwischen A und B: between A and B (the nearest such pair in the sentence)
    pairs = []
    if cjk:
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                if b.start >= a.end and _BETWEEN_CJK.match(gap(a.end, b.start)):
                    pairs.append((a, b))
            after = norm[a.end - ss:a.end - ss + 3]
            # 烟台对日交流 / 山东与日经贸: a one-character country after the connector
            if after[:1] in ("对", "与", "同") and after[1:2] in abbrevs and after[2:3] and after[2:3] in "贸经合交投出进双的":
                pairs.append((a, _Mention(a.end + 1, a.end + 2, abbrevs[after[1:2]], "place")))
        pairs += [p for p in abbreviation_pairs(norm, ss, abbrevs) if p[1].end <= digit]
        if not pairs:  # ASEANとの貿易額 (ASEANは中国最大の貿易相手国で): with the sentence's other place
            for m in inside:
                if m.kind == "place" and m.end <= digit and re.match(r"との(间の)?(贸易|输出入|往复贸易)", norm[m.end - ss:m.end - ss + 10]):
                    home = next((h for h in inside if h.kind == "place" and _norm(h.name) != _norm(m.name)), None)
                    if home is not None:
                        pairs.append((home, m) if home.start < m.start else (m, home))
    else:
        hit = _between_latin(text[ss:se], inside, ss)
        if hit:
            pairs.append(hit)
        names = {m.name.lower(): m.name for m in inside if m.kind == "place"}
        names.update({text[m.start:m.end].lower(): m.name for m in inside if m.kind == "place"})
        pairs += [p for p in hyphen_pairs(text[ss:se], ss, names, lang) if p[1].end <= fig.start]
    pairs = [p for p in pairs if id(p[0]) not in counted]
    if pairs:
        a, b = min(pairs, key=lambda p: min(abs(p[0].start - fig.start), abs(fig.start - p[1].end)))
        if id(b) in counted:  # 烟台市政府与日中经济协会、…等4家机构: the list's owner
            fig.cues.append("subject:list-owner")
            return Subject(a.name)
        if origin is not None and _norm(b.name) == _norm(origin.name):
            fig.cues.append("subject:between-origin")  # 46家日本企业 at a 烟台对日 meeting: in 烟台, from 日本
            return Subject(a.name, b.name, "from")
        fig.cues.append("subject:between")
        return Subject(a.name, b.name, "between")
    # 有57年历史的…木下集团: the organisation the figure describes
    if cjk:
        for m in candidates:
            if m.start >= fig.end and m.kind == "organization":
                g = gap(fig.end, m.start)
                if "的" in g and not re.search(r"[、，,。；]", g):
                    fig.cues.append("subject:described")
                    return Subject(m.name)
                break
    # the sentence's topic: the name it starts with (after a leading time clause)
    lead = re.match(r"^\s*(?:[^，,]{0,14}(?:年|月|日|季度|以来|期间)[^，,]{0,6}[，,]\s*)?", norm)
    topic_at = ss + (lead.end() if lead else 0)
    topic = next((m for m in candidates if m.start == topic_at and m.end <= fig.start), None)
    seps = _CLAUSE_CJK if cjk else _CLAUSE_LATIN
    clause_start = ss + max((norm.rfind(c, 0, fig.start - ss) for c in seps), default=-1) + 1
    owner = [m for m in candidates if clause_start <= m.start and m.end <= fig.start and m is not topic
             and re.match(r"(的|の|['’]s\b)", norm[m.end - ss:m.end - ss + 2])]
    if topic is not None and owner and topic.start < clause_start:
        topic = None  # 中国市場向けの…、日本の輸出額は: the owner in the figure's own clause
    if topic is not None:
        fig.cues.append("subject:topic")
        return Subject(topic.name)
    in_clause = [m for m in candidates if m.end <= fig.start and m.start >= clause_start]
    if in_clause:
        fig.cues.append("subject:clause")
        return Subject(in_clause[-1].name)
    clause_end = min([ss + i for i in (norm.find(c, fig.end - ss) for c in seps) if i >= 0] + [se])
    following = [m for m in candidates if m.start >= fig.end and m.end <= clause_end]
    if following:
        fig.cues.append("subject:after")
        if not cjk and len(following) >= 2 and re.fullmatch(r"\s+(und|and)\s+|,\s*",
                                                          text[following[0].end:following[1].start]):
            return Subject(following[0].name, following[1].name, "and")
        return Subject(following[0].name)
    # 出席威海会场…，市贸促会、工商联等14个部门: the figure's clause holds only what it counts;
    # the one place the sentence named before it is where they are
    earlier = {m.name for m in candidates if m.kind == "place" and m.end <= fig.start}
    if counted and len(earlier) == 1:
        fig.cues.append("subject:sentence-place")
        return Subject(earlier.pop())
    return None


def _norm(name: str) -> str:
    return to_simplified_per_char(name).rstrip("市省")


# -- period ------------------------------------------------------------------------

def _period_candidates(text: str, lang: str, published: str | None, fs: list[dict]) -> list[tuple[int, int, Period]]:
    out = []
    for f in fs:
        if f.get("kind") != "date":
            continue
        s, e = f["start"], f["end"]
        p = from_date(f.get("iso"), f.get("end_iso"), f.get("text", ""), text[max(0, s - 18):s], text[e:e + 10],
                      published)
        if p is not None:
            out.append((s, e, p))
    for s, e, p in own_periods(text, lang, published):
        overlapping = [c for c in out if s < c[1] and c[0] < e]
        # a longer reading that covers the date facts wins (前7個月 over 7月, 1月から4月 over 1月 and 4月)
        if all(s <= c[0] and c[1] <= e and (e - s) > (c[1] - c[0]) for c in overlapping):
            out = [c for c in out if c not in overlapping]
            out.append((s, e, p))
    out.sort(key=lambda c: c[0])
    out += relative_months(text, published, out)
    out.sort(key=lambda c: c[0])
    return out


# a date after these words is what the figure is compared with (比2019年同期增长, gegenüber 2005), not its period
_COMPARED = re.compile(r"(比|较|較|相比|同比|比上年|に比べ|と比べ|gegenüber( dem)?|im Vergleich zu(m)?|verglichen mit"
                       r"|compared (with|to)|than( in)?|vs\.?|versus|from the same (period|month|quarter)( of)?"
                       r"|(percent|per cent|%|Prozent) (from|von)( the)?( level of)?)\s*$", re.I)


def _narrowest(chosen: Period, group: list[tuple[int, int, Period]]) -> Period:
    """the Jan.-Feb. period this year / 2019年5月: a period inside the chosen one says it more closely."""
    inner = [p for _s, _e, p in group if p.start and p.end and chosen.start and chosen.end and p != chosen
             and chosen.start <= p.start and p.end <= chosen.end]
    return min(inner, key=lambda p: (p.end, p.start)) if len(inner) == 1 else chosen


def _period(fig: FigureReading, text: str, sents: list[tuple[int, int, int]], si: int,
            cands: list[tuple[int, int, Period]], cjk: bool) -> Period | None:
    ss, se, para = sents[si]
    inside = [c for c in cands if ss <= c[0] and c[1] <= se and not (c[0] < fig.end and fig.start < c[1])
              and not _COMPARED.search(to_simplified_per_char(text[max(ss, c[0] - 14):c[0]]) if cjk
                                       else text[max(ss, c[0] - 24):c[0]])]
    seps = _CLAUSE_CJK if cjk else _CLAUSE_LATIN
    cs = max([ss] + [text.rfind(ch, ss, fig.start) + 1 for ch in seps])  # no separator: the sentence start
    ce_list = [i for i in (text.find(ch, fig.end, se) for ch in seps) if i >= 0]
    ce = min(ce_list) if ce_list else se
    clause = [c for c in inside if c[0] >= cs and c[1] <= ce]
    before = [c for c in inside if c[1] <= fig.start]
    for group, pick in ((clause, lambda g: ([c for c in g if c[1] <= fig.start] or g)[-1 if any(c[1] <= fig.start for c in g) else 0]),
                        (before, lambda g: g[-1]), (inside, lambda g: g[0])):
        if group:
            fig.cues.append("period:sentence")
            return _narrowest(pick(group)[2], group)
    # the paragraph's time, said in a sentence before this one (5月20日-22日，…。来自日本46家企业…)
    for sj in range(si - 1, max(-1, si - 3), -1):
        ps, pe, ppara = sents[sj]
        if ppara != para:
            break
        prev = [c for c in cands if ps <= c[0] and c[1] <= pe  # a compared date is not the paragraph's time
                and not _COMPARED.search(to_simplified_per_char(text[max(ps, c[0] - 14):c[0]]) if cjk
                                         else text[max(ps, c[0] - 24):c[0]])]
        if prev:
            fig.cues.append("period:paragraph")
            return prev[-1][2]
    return None


def _report_period(fig: FigureReading, figs: list[FigureReading], sents: list[tuple[int, int, int]], si: int,
                   cands: list[tuple[int, int, Period]]) -> Period | None:
    """A sum or rate in a paragraph that names no time at all goes on with the time of the
    report's figures in the paragraph just before (a release's second paragraph)."""
    para = sents[si][2]
    in_para = [s for s in sents if s[2] == para]
    if any(in_para[0][0] <= c[0] < in_para[-1][1] for c in cands):
        return None
    earlier = [s[2] for s in sents if s[2] < para]
    if not earlier:
        return None
    last = max(earlier)
    prev = next((f for f in reversed(figs) if f.kind != "count" and f.period is not None
                 and any(s[2] == last and s[0] <= f.start < s[1] for s in sents)), None)
    if prev is None:
        return None
    fig.cues.append("period:paragraph-before")
    return prev.period


# -- the whole article -------------------------------------------------------------

_GROWTH = ("growth_rate", "share", "growth_multiple")


def _scope(fig: FigureReading, cjk: bool) -> str:
    if fig.kind != "count":
        return ""
    t = to_simplified_per_char(fig.text) if cjk else fig.text.lower()
    t = re.sub(r"[\d.,]+|[一二三四五六七八九十百千万亿两]+(?=[个家名座次项场方位年月倍])|约|近|超过|多|余|逾|“|”|\"|\s", "", t)
    return t


_JA_PERCENT_AFTER = re.compile(r"^\s*(増|減|を占め|のシェア|の増加|の減少|上昇|低下|拡大|縮小)")
_LATIN_PERCENT_OF = re.compile(r"\s+(?:of\s+(?:its|their|his|her|all)\b|(?:seines|seiner|ihres|ihrer|aller)\s)", re.I)
_NUMBER_COMMA = re.compile(r"(?<=\d)[,，](?=\d)")


def clean_number(value, kind: str) -> float | int | None:
    """Money in whole units of its currency (76.43亿美元 is 7643000000, not 7643000000.000001);
    other values without float noise."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    v = round(float(value), 2 if kind == "amount" else 6)
    return int(v) if v == int(v) else v


def read_figures(text: str, lang: str | None, published: str | None, facts, vocab: Vocabulary | None = None
                 ) -> list[FigureReading]:
    """One reading per amount, percentage and count fact of an article, in text order."""
    fs = [_fact_dict(f) for f in facts]
    if len(text) > PIECE_CHARS:  # a giant text: see figure_pieces
        return read_in_pieces(text, fs, lambda piece, part: _read_article(piece, lang, published, part, vocab))
    return _read_article(text, lang, published, fs, vocab)


def _read_article(text: str, lang: str | None, published: str | None, fs: list[dict],
                  vocab: Vocabulary | None) -> list[FigureReading]:
    lang = lang or "en"
    cjk = lang in ("zh-Hans", "zh-Hant", "ja")
    vocab = vocab or default_vocabulary()
    # 7,9 Prozent / 2,833億: a comma between digits is no clause boundary (same length, offsets hold)
    text = _NUMBER_COMMA.sub("\u00b7", text)
    if lang == "ja":  # 、 is the Japanese clause comma (Chinese writes ，)
        text = text.replace("、", "，")
    words = vocab.triggers("amount", lang) + vocab.triggers("percentage", lang)
    mentions = figure_mentions(text, lang, fs, lambda w: _match_triggers(w, words, True) is not None)
    abbrevs = dict(_ABBREV)
    firsts: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "place" and len(m.name) >= 2:
            firsts.setdefault(to_simplified_per_char(m.name[0]), set()).add(m.name.rstrip("市省"))
    for ch, names in firsts.items():
        shortest = min(names, key=len)
        if ch not in abbrevs and all(n.startswith(shortest) for n in names):
            abbrevs[ch] = shortest  # 在青投资: 青岛 (青岛片区, 青岛市 are the same start)
    sents = _sentences(text, cjk)
    cands = _period_candidates(text, lang, published, fs)
    figs: list[FigureReading] = []
    totals: set[int] = set()  # the figures whose clause says they add up everything so far
    for i, f in enumerate(fs):
        if f.get("kind") not in FIGURE_KINDS:
            continue
        value = f.get("value")
        fig = FigureReading(kind=f["kind"], start=f["start"], end=f["end"], text=f["text"],
                            value=clean_number(value, f["kind"]),
                            unit=f.get("unit") or ("percent" if f["kind"] == "percentage" else None),
                            currency=f.get("currency"), fact_index=i)
        fig.approx = approx_of(f, text, cjk)
        fig.fraction = fraction_of(f["text"]) if f["kind"] == "percentage" else None
        if fig.fraction:
            num, den = (int(x) for x in fig.fraction.split("/"))
            fig.value = 100.0 * num / den
        si = sents.index_of(fig.start)
        if si < 0:
            figs.append(fig)
            continue
        ss, se, _ = sents[si]
        seps = _CLAUSE_CJK if cjk else _CLAUSE_LATIN
        cs = max([ss] + [text.rfind(ch, ss, fig.start) + 1 for ch in seps])  # no separator: the sentence start
        ce_list = [k for k in (text.find(ch, fig.end, se) for ch in seps) if k >= 0]
        ce = min(ce_list) if ce_list else se
        fig.measure = _measure(fig, text[cs:fig.start], vocab, lang, cjk)
        # "im ersten Halbjahr insgesamt": a period in the figure's own clause is the total's own
        if fig.kind != "percentage" and says_running_total(text[cs:fig.start], fig.text, cjk) \
                and not any(cs <= a and b <= ce for a, b, _p in cands):
            totals.add(len(figs))
        if fig.measure == UNKNOWN or (fig.kind == "percentage" and fig.measure not in _GROWTH):
            after = text[fig.end:min(ce, fig.end + 12)]
            hit = _match_triggers(to_simplified_per_char(after) if cjk else after,
                                  vocab.triggers(fig.kind, lang), not cjk)
            if hit:
                fig.measure = hit[0]
                fig.cues.append("measure:after")
        if fig.measure == UNKNOWN and cs > ss:  # China's global trade, however, grew … to $609 billion
            before = text[ss:cs]
            hit = _match_triggers(to_simplified_per_char(before) if cjk else before, vocab.triggers(fig.kind, lang),
                                  not cjk)
            if hit:
                fig.measure = hit[0]
                fig.cues.append("measure:sentence")
        if fig.measure == UNKNOWN and not cjk and continues_previous(text, sents, si):  # Sie legten … zu
            prev = text[sents[si - 1][0]:sents[si - 1][1]]
            hit = _match_triggers(prev, vocab.triggers(fig.kind, lang), True)
            if hit:
                fig.measure = hit[0]
                fig.cues.append("measure:sentence-before")
        if fig.kind == "percentage" and not cjk and _LATIN_PERCENT_OF.match(text[fig.end:fig.end + 12]):
            fig.measure = "share"  # 17,7 Prozent seines Außenhandels / 20 percent of its exports
            fig.cues.append("measure:share-of")
        if fig.kind == "percentage" and lang == "ja":  # 29.3%増 / 14.8%を占めた: the word right after says it
            right_after = _JA_PERCENT_AFTER.match(text[fig.end:fig.end + 6])
            if right_after:
                fig.measure = "share" if right_after.group(1) in ("を占め", "のシェア") else "growth_rate"
                fig.cues.append("measure:right-after")
        fig.subject = _subject(fig, text, (ss, se), mentions, cjk, abbrevs, lang)
        # a duration (连续7年, 22カ月ぶり) is a span of its own, not a figure of a period
        fig.period = None if fig.measure == "duration" else _period(fig, text, sents, si, cands, cjk)
        if fig.period is None and fig.kind != "count" and fig.measure != UNKNOWN:
            fig.period = _report_period(fig, figs, sents, si, cands)
        fig.scope = _scope(fig, cjk)
        figs.append(fig)
    follow_context(figs, text, sents, cjk, mentions, abbrevs, lang)
    tie_qualifiers(figs, text, sents)
    mark_running_totals(figs, totals)
    return figs
