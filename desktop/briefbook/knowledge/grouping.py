"""Which review rows a desk officer decides once (pure: no store, no services).

Linking leaves some entities apart that are one thing in the reader's eyes, and the
figure and statement keys keep apart readings that say the same.  These rules group
them for review (one row, one decision for every member) without merging anything:

    entities    the names of one entry of the shipped glossary (山东省贸促会, CCPIT Shandong
                Sub-Council, its German name); the same name form once normalised (人民政府 = 政府, 中国(山东)自贸试验区 =
                山东自贸试验区 = 山东自贸区, a province before a city dropped:
                山东省青岛市政府 = 青岛市政府); a short form of the same article that
                starts with 市/省/县/区 or with one of the article's places and is the tail
                of exactly one longer name (市委 → 烟台市委, 青岛片区 → 山东自贸区青岛片区), or
                right after a coordinated name of a place (烟台市委、市政府; ``resolved``);
                the byline of one article (作者 | 杨光  策划 | 沈默) as one row
    figures     the same measure, subject, value, unit and currency in the same article,
                one of them without a period (the period the other gives is its own);
                a conflict (same measure, subject and period, other values) is one row
    statements  a count read inside an event's or agreement's span (四方 of 四方合作签约);
                an event named "<descriptor>——<name>" and <name> in the same article;
                an agreement "<subject>签约" and <subject>; a signing ceremony
                "<subject>签约仪式" with the agreement <subject>

    name_key(name) -> normalised name
    entity_groups(entities, glossary=None) -> [[index, ...]]   (entities: dicts kind or entity_kind, names, resolved, articles, byline, apart)
    figure_groups(figures) -> [[index, ...]]    (figures: list_figures objects)
    conflict_groups(figures) -> [[index, ...]]
    statement_groups(statements) -> [[index, ...]]  (kind, args, articles)
    figures_in_statements(figures, statements) -> {figure index: statement index}
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Hashable, Iterable

from ..core.text import to_simplified
from .conflicts import rivals
from .glossary import Glossary

_UNQUALIFIED = ("市", "省", "县", "区", "州")
_QUOTES = re.compile(r"[“”\"'「」『』\s·・]")


def name_key(name: str) -> str:
    s = _QUOTES.sub("", to_simplified(name or "")).lower()
    s = s.replace("（", "(").replace("）", ")")
    s = re.sub(r"^中国\(([^()]{2,4})\)", r"\1", s)
    s = s.replace("自由贸易试验区", "自贸区").replace("自贸试验区", "自贸区")
    s = re.sub(r"人民政府$", "政府", s)
    s = re.sub(r"^[\u4e00-\u9fff]{2,3}省(?=[\u4e00-\u9fff]{2,4}市)", "", s)
    return s


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return sorted(out.values())


def _by_key(u: _Union, keys: Iterable[tuple[int, Hashable]]) -> None:
    first: dict[Hashable, int] = {}
    for i, key in keys:
        if key in first:
            u.join(first[key], i)
        else:
            first[key] = i


_GLOSSARY_CATEGORY = {"organization": "organisations", "place": "places"}


_COORDINATED = re.compile(r"([\u4e00-\u9fff]{2,8})([市省县縣区區])[\u4e00-\u9fff]{1,10}[、和与與及]$")


def coordinated_name(short: str, before: str, places: Iterable[str]) -> str | None:
    """烟台市委、市政府: a 市/省 short form right after a coordinated name of a known place
    shares its place (市政府 is 烟台市政府; 山东省委、省政府 gives 山东省政府)."""
    m = _COORDINATED.search(before)
    if not m or not short or short[0] != m.group(2):
        return None
    known = {to_simplified(p).rstrip("市省县区") for p in places}
    run = to_simplified(m.group(1))
    place = next((run[i:] for i in range(len(run) - 1) if run[i:] in known), None)
    return f"{place}{short}" if place else None


def entity_groups(entities: list[dict], glossary: Glossary | None = None) -> list[list[int]]:
    u = _Union(len(entities))
    kinds = [e.get("entity_kind") or e["kind"] for e in entities]
    # names group organisations and places; people with one name stay apart (two 王伟 are two)
    # and so does an entity the user split off or kept apart ("apart")
    keys = [{name_key(n) for n in (*e["names"], *(e.get("resolved") or ())) if n}
            if kinds[i] in _GLOSSARY_CATEGORY and not e.get("apart") else set() for i, e in enumerate(entities)]
    arts = [set(e.get("articles") or ()) for e in entities]
    _by_key(u, ((i, (kinds[i], k)) for i in range(len(entities)) for k in keys[i]
                if len(k) >= 2 and not k.startswith(_UNQUALIFIED)))
    if glossary is not None:  # forms of one glossary entry (中文名, English and German names) are one
        def short_form(i: int, name: str) -> bool:
            """市政府, or 发改委 next to 山东省发改委: which one it is depends on the article."""
            k = name_key(name)
            return k.startswith(_UNQUALIFIED) or any(
                kinds[j] == kinds[i] and arts[j] & arts[i] and any(kl != k and kl.endswith(k) for kl in keys[j])
                for j in range(len(entities)) if j != i)
        _by_key(u, ((i, ("glossary", term.key)) for i in range(len(entities)) for n in entities[i]["names"]
                    if (cat := _GLOSSARY_CATEGORY.get(kinds[i])) and (term := glossary.find(n, cat)) is not None
                    and not entities[i].get("apart") and not short_form(i, n)))
    places: dict[int, set[str]] = {}
    for i in range(len(entities)):
        if kinds[i] == "place":
            for a in arts[i]:
                places.setdefault(a, set()).update(k for k in keys[i] if len(k) >= 2)
    for i in range(len(entities)):
        for k in keys[i]:
            here = set().union(*(places.get(a, set()) for a in arts[i])) if arts[i] else set()
            short = k.startswith(_UNQUALIFIED) or any(k.startswith(p) and k != p for p in here)
            if len(k) < 2 or not short:
                continue
            longer = {u.find(j) for j in range(len(entities))
                      if j != i and kinds[j] == kinds[i] and arts[j] & arts[i]
                      and any(kl != k and kl.endswith(k) for kl in keys[j])}
            if len(longer) == 1:
                u.join(i, longer.pop())
    # the byline of an article (reporters, editors) is one decision
    _by_key(u, ((i, ("byline", *sorted(arts[i]))) for i, e in enumerate(entities)
                if e.get("byline") and len(arts[i]) == 1 and not e.get("apart")))
    return u.groups()


def _period(f: dict) -> tuple:
    p = f.get("period") or {}
    return (p.get("start"), p.get("end"))


def _articles(f: dict) -> set:
    return {s["article_id"] for s in f.get("sources") or ()}


def conflict_groups(figures: list[dict]) -> list[list[int]]:
    """Figures that give different values for one claim (the rule is knowledge.conflicts);
    figures are ``list_figures`` objects, a period as ``{"start", "end"}``."""
    flat = [{**f, "period_start": _period(f)[0], "period_end": _period(f)[1], "qualified": f.get("qualified")}
            if f.get("sources") else {} for f in figures]
    u = _Union(len(figures))
    for i, others in rivals(flat).items():
        for j in others:
            u.join(i, j)
    return [g for g in u.groups() if len(g) > 1]


def figure_groups(figures: list[dict]) -> list[list[int]]:
    """The same figure read twice in one article, once with its period and once without."""
    u = _Union(len(figures))
    dated: dict[tuple, list[int]] = {}
    for i, f in enumerate(figures):
        if f["measure"] == "unknown" or not f.get("subject"):
            continue
        what = (f["measure"], f["subject"], f["value"], f.get("unit"), f.get("currency"))
        dated.setdefault(what, []).append(i)
    for members in dated.values():
        undated = [i for i in members if not any(_period(figures[i]))]
        for i in undated:
            same = {_period(figures[j]) for j in members if j != i and _articles(figures[j]) & _articles(figures[i])
                    and any(_period(figures[j]))}
            if len(same) == 1:  # one period for it in that article: that is its period
                j = next(j for j in members if _period(figures[j]) in same and _articles(figures[j]) & _articles(figures[i]))
                u.join(j, i)
    return u.groups()


def _event_name(name: str) -> str:
    """招商活动——日本企业“烟台行”活动 is 日本企业“烟台行”活动: a short descriptor before ——
    (outside quotes) is not part of the event's name."""
    head, sep, tail = (name or "").partition("——")
    if sep and len(head) <= 6 and head.count("“") == head.count("”") and len(tail) >= 4:
        name = tail
    return _QUOTES.sub("", to_simplified(name))


def _agreement_subject(subject: str) -> str:
    return re.sub(r"(的)?(签约|簽約|签署)(仪式|儀式)?$", "", _QUOTES.sub("", to_simplified(subject or "")))


def statement_groups(statements: list[dict]) -> list[list[int]]:
    u = _Union(len(statements))
    keys: list[tuple[int, tuple]] = []
    for i, s in enumerate(statements):
        args = s.get("args") or {}
        for a in s.get("articles") or ():
            if s["kind"] == "event":
                name = args.get("name") or ""
                keys.append((i, ("event", a, _event_name(name))))
                if re.search(r"(签约|簽約)(仪式|儀式)$", to_simplified(name)):
                    keys.append((i, ("agreement", a, _agreement_subject(name))))
            elif s["kind"] == "agreement":
                keys.append((i, ("agreement", a, _agreement_subject(args.get("subject") or ""))))
    _by_key(u, ((i, k) for i, k in keys if len(k[2]) >= 4))
    return u.groups()


def figures_in_statements(figures: list[dict], statements: list[dict]) -> dict[int, int]:
    """{figure index: statement index} for a figure read inside the span of an event or
    agreement of the same article (四方 in 四方合作签约, "zwei … Seminare"): it is a detail
    of that statement and decided with it."""
    # per article, the statements' spans by start, and the longest: the spans that can overlap
    # a figure start after its start less the longest (an article has thousands of statements)
    by_article: dict[object, list[tuple[int, int, int]]] = {}
    for j, st in enumerate(statements):
        for x in st.get("sources") or ():
            by_article.setdefault(x["article_id"], []).append((x["start"], x["end"], j))
    index = {}
    for a, spans in by_article.items():
        spans.sort()
        index[a] = (spans, [s for s, _e, _j in spans], max(e - s for s, e, _j in spans))

    def overlapping(src: dict) -> set[int]:
        spans, starts, longest = index.get(src["article_id"], ([], [], 0))
        lo, hi = bisect_left(starts, src["start"] - longest), bisect_left(starts, src["end"])
        return {j for s, e, j in spans[lo:hi] if s < src["end"] and src["start"] < e}

    out: dict[int, int] = {}
    for i, f in enumerate(figures):
        found: set[int] = set()
        for src in f.get("sources") or ():
            hit = overlapping(src)
            if not hit:
                found = set()
                break
            found |= hit
        if len(found) == 1:
            out[i] = found.pop()
    return out
