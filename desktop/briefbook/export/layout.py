"""Book -> one format-neutral layout tree, which both writers render.

All decisions about content live here (what goes in which table, how a value is
formatted, numbering, which source gets which [n]); the DOCX and PDF writers
only decide how a node looks.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from briefbook.core.book import (
    NUMERIC_KINDS,
    ArticleItem,
    Book,
    BulletList,
    FactItem,
    Paragraph,
    Section,
    SourceRef,
    TextItem,
)
from briefbook.core.text import has_cjk
from briefbook.export.locale import Localiser, classification_marking, fullwidth_punctuation, normalise_locale

# --- nodes -------------------------------------------------------------------


@dataclass
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    cite: int | None = None  # a citation: rendered as [n], pointing to Sources entry n
    link: str | None = None  # external URL


@dataclass
class Para:
    spans: list[Span]
    style: str = "body"  # body, small, muted, quote, caption, source, item_title
    bullet: str | None = None  # None, "•" or "1." ...
    anchor: str | None = None


@dataclass
class Heading:
    level: int  # 1..3
    number: str  # "2.1" or ""
    text: str
    anchor: str


@dataclass
class Table:
    header: list[list[Span]]
    rows: list[list[list[Span]]]
    widths: list[float]  # fractions of the text width
    kind: str = "grid"  # grid or keyvalue (no header row)
    highlight: set[int] = field(default_factory=set)  # row indexes drawn as conflicting


@dataclass
class ChartPoint:
    label: str  # x label, e.g. "2019"
    value: float
    display: str  # formatted value for the data label


@dataclass
class Chart:
    title: str
    points: list[ChartPoint]
    unit: str = ""


@dataclass
class PageBreak:
    pass


@dataclass
class Toc:
    title: str


@dataclass
class Cover:
    title: str
    subtitle: str
    lines: list[tuple[str, str]]  # (label, value)
    classification: str
    prepared: str
    control: list[tuple[str, str]] = field(default_factory=list)  # document control: number, version, date, distribution


@dataclass
class SourceEntry:
    number: int
    spans: list[Span]
    short: str  # one-line form for DOCX footnotes
    brief: str = ""  # the short citation once the full one has been given: publisher or title, date


Block = Para | Heading | Table | Chart | PageBreak | Toc


@dataclass
class Document:
    title: str
    locale: str
    template: str
    draft: bool
    classification: str
    cover: Cover
    blocks: list[Block]
    sources: list[SourceEntry]
    labels: dict[str, str]  # page_x_of_y (with {page}/{pages}), contents, draft
    heading_count: int = 0
    omitted: list[str] = field(default_factory=list)  # titles of sections left out because they were empty


# --- builder -------------------------------------------------------------------

CELL_CHARS_PER_WIDTH = 2000  # characters per full text width a cell takes before continuing in a new row


class _Builder:
    def __init__(self, book: Book, new_page_for_level1: bool = True):
        self.book = book
        self.loc = normalise_locale(book.locale)
        self.L = Localiser(self.loc)
        self.blocks: list[Block | _SourcesSlot] = []  # the slot becomes the source list at the end
        self.sources: OrderedDict[SourceRef, int] = OrderedDict()
        self.counters = [0, 0, 0]
        self.anchor_no = 0
        self.new_page_for_level1 = new_page_for_level1
        self.omitted: list[str] = []
        # the language and romanisation of people the book has facts about, so a name
        # in the itinerary or delegation list is romanised the same way (Japanese vs Chinese)
        self.known_names: dict[str, tuple[str | None, str | None]] = {}
        for s in _walk(book.sections):
            for it in s.items:
                if isinstance(it, FactItem) and it.kind == "person" and it.value.get("name"):
                    lang = it.lang or (it.source.lang if it.source else None)
                    self.known_names.setdefault(it.value["name"], (lang, it.value.get("romanised")))

    # numbering and citations -------------------------------------------------
    def cite(self, src: SourceRef | None) -> int | None:
        if src is None:
            return None
        n = self.sources.get(src)
        if n is None:
            n = len(self.sources) + 1
            self.sources[src] = n
        return n

    def heading(self, level: int, text: str) -> None:
        self.counters[level - 1] += 1
        for i in range(level, 3):
            self.counters[i] = 0
        number = ".".join(str(c) for c in self.counters[:level])
        self.anchor_no += 1
        if level == 1 and self.new_page_for_level1 and self.blocks and not isinstance(self.blocks[-1], PageBreak):
            self.blocks.append(PageBreak())
        self.blocks.append(Heading(level, number, text, f"h{self.anchor_no}"))

    # helpers -------------------------------------------------------------------
    def cite_spans(self, src: SourceRef | None) -> list[Span]:
        n = self.cite(src)
        return [Span(f"[{n}]", cite=n)] if n else []

    def name(self, name: str, lang: str | None = None, value: dict | None = None) -> str:
        rom = (value or {}).get("romanised")
        known = self.known_names.get(name)
        if known:
            lang = lang or known[0]
            rom = rom or known[1]
        return unbreakable_name(self.L.name(name, lang, rom))

    def localised_value(self, f: FactItem) -> dict:
        v = dict(f.value)
        tr = f.translations.get(self.loc) or f.translations.get(self.loc.split("-")[0])
        if tr:
            v.update(tr)
        return v

    def fact_lang(self, f: FactItem) -> str | None:
        return f.lang or (f.source.lang if f.source else None)

    # sections ------------------------------------------------------------------
    def build(self) -> Document:
        book = self.book
        trip = book.trip
        sections = [s for s in book.sections if s.included]
        # The TOC opens the book after the cover.
        self.blocks.append(Toc(self.L.label("contents")))
        self.blocks.append(PageBreak())
        body_start = len(self.blocks)
        sources_section: Section | None = None
        for s in sections:
            if s.kind == "cover":
                continue
            if s.kind == "sources":
                sources_section = s
                self._sources_placeholder = len(self.blocks)
                self.heading(1, s.title or self.L.label("sources"))
                self.blocks.append(_SourcesSlot())
                continue
            self.section(s)
        if len(self.blocks) == body_start:
            self.blocks.append(Para([Span(self.L.label("no_content"))], style="muted"))
        if self.sources and sources_section is None:
            self.heading(1, self.L.label("sources"))
            self.blocks.append(_SourcesSlot())
        elif not self.sources and sources_section is not None:
            # nothing was cited: a Sources page would hold only its heading
            at = self._sources_placeholder
            slot = next(i for i, b in enumerate(self.blocks) if isinstance(b, _SourcesSlot))
            self.omitted.extend(b.text for b in self.blocks[at:slot] if isinstance(b, Heading))
            del self.blocks[at:slot + 1]
        entries = [self.source_entry(src, n) for src, n in self.sources.items()]
        blocks: list[Block] = []
        for b in self.blocks:
            if isinstance(b, _SourcesSlot):
                for e in entries:
                    blocks.append(Para([Span(f"[{e.number}] ", bold=True)] + e.spans, style="source",
                                       anchor=f"src{e.number}"))
            else:
                blocks.append(b)
        if self.L.cjk:
            _fullwidth_blocks(blocks, entries)
        classification = classification_marking((trip.classification if trip else "") or "", self.loc)
        cover_lines: list[tuple[str, str]] = []
        if trip:
            if trip.destinations:
                cover_lines.append((self.L.label("destinations"), self.list_join(trip.destinations)))
            dr = self.L.date_range(trip.start, trip.end)
            if dr:
                cover_lines.append((self.L.label("dates"), dr))
            if trip.purpose:
                cover_lines.append((self.L.label("purpose"), trip.purpose))
        prepared = ("　" if self.L.cjk else ", ").join(x for x in (book.prepared_by, self.L.date(book.prepared_on)) if x)
        control = [(self.L.label(k), v) for k, v in (
            ("document_number", book.document_number), ("version", book.version),
            ("prepared_on", self.L.date(book.prepared_on) if book.document_number or book.version else ""),
            ("distribution", "\n".join(book.distribution))) if v]
        cover = Cover(title=book.title, subtitle=book.subtitle or (trip.title if trip and trip.title != book.title else ""),
                      lines=cover_lines, classification=classification, prepared=prepared, control=control)
        labels = {"page_x_of_y": self.L.label("page_x_of_y", page="{page}", pages="{pages}"),
                  "contents": self.L.label("contents"), "draft": self.L.label("draft"),
                  "prepared_by": self.L.label("prepared_by")}
        return Document(title=book.title, locale=self.loc, template=book.template, draft=book.draft,
                        classification=classification, cover=cover, blocks=blocks, sources=entries,
                        labels=labels, heading_count=self.anchor_no, omitted=self.omitted)

    @property
    def colon(self) -> str:
        return "：" if self.L.cjk else ": "

    def list_join(self, items: list[str]) -> str:
        sep = "、" if self.L.cjk else ", "
        return sep.join(items)

    def source_entry(self, src: SourceRef, n: int) -> SourceEntry:
        spans = [Span(src.title, italic=not self.L.cjk)]
        meta = [x for x in (src.publisher, self.L.date(src.date)) if x]
        if meta:
            spans.append(Span((". " if not self.L.cjk else "。") + ", ".join(meta)))
        # Only a URL says where to find a source; the path of the imported file is
        # the desk officer's disk, meaningless (and revealing) in a book handed over.
        if src.url:
            spans.append(Span(". " if not self.L.cjk else "。"))
            spans.append(Span(src.url, link=src.url))
        short = "".join(s.text for s in spans)
        brief = "".join(s.text for s in self.source_short(src)) or short
        return SourceEntry(n, spans, short, brief)

    def section(self, s: Section, level: int = 1) -> None:
        """A section with its children; one that renders to nothing but its own heading
        (and empty sub-headings) is taken back out and its title noted in ``omitted``,
        so the book has no page holding only a heading."""
        title = s.title or self.L.label(s.kind if s.kind != "text" else "text")
        mark = (len(self.blocks), list(self.counters), self.anchor_no, len(self.sources))
        self.heading(level, title)
        handler = getattr(self, f"sec_{s.kind}", self.sec_text)
        handler(s, level)
        for child in s.children:
            if child.included:
                self.section(child, min(level + 1, 3))
        if all(isinstance(b, Heading | PageBreak) for b in self.blocks[mark[0]:]):
            del self.blocks[mark[0]:]
            self.counters, self.anchor_no = mark[1], mark[2]
            self.omitted.append(title)

    def sec_overview(self, s: Section, level: int) -> None:
        trip = self.book.trip
        if trip:
            rows = []
            for key, val in (("trip", trip.title), ("destinations", self.list_join(trip.destinations)),
                             ("dates", self.L.date_range(trip.start, trip.end)), ("purpose", trip.purpose),
                             ("classification", classification_marking(trip.classification, self.loc))):
                if val:
                    rows.append([[Span(self.L.label(key), bold=True)], [Span(val)]])
            if rows:
                self.blocks.append(Table([], rows, [0.28, 0.72], kind="keyvalue"))
        self.generic_items(s.items)

    def sec_itinerary(self, s: Section, level: int) -> None:
        trip = self.book.trip
        items = list(trip.itinerary) if trip else []
        if items:
            self.blocks.append(self.programme_table(items))
        self.generic_items(s.items)

    def programme_table(self, items) -> Table:
        """Date | start–end | venue (address) | counterparts | our participants | purpose:
        the participants column only when an item names them; a day's date once."""
        with_participants = any(it.participants for it in items)
        keys = ["day", "time", "venue", "counterpart"] + (["participants"] if with_participants else []) + ["purpose"]
        header = [[Span(self.L.label(k))] for k in keys]
        rows = []
        last_day = None
        for it in sorted(items, key=lambda i: (i.day or "", i.time or "")):
            day = self.L.date(it.day) if it.day != last_day else ""
            last_day = it.day
            when = it.time.replace("-", "–")
            if it.end:
                when = f"{it.time}–{it.end}"
            where = [Span(it.venue or it.place, bold=bool(it.venue))]
            if it.venue and it.place and it.place not in it.venue:
                where.append(Span("\n" + it.place))
            if it.address:
                where.append(Span("\n" + it.address, italic=not self.L.cjk))
            who = [Span(it.counterpart_org, bold=True)] if it.counterpart_org else []
            if it.counterpart_people:
                people = self.list_join([self.name(p) for p in it.counterpart_people])
                who.append(Span(("\n" if who else "") + people))
            what = [Span(it.purpose)]
            if it.notes:
                what.append(Span("\n" + it.notes, italic=True))
            row = [[Span(day)], [Span(when)], where, who]
            if with_participants:
                row.append([Span(self.list_join([self.name(p) for p in it.participants]))])
            rows.append(row + [what])
        widths = ([0.14, 0.12, 0.18, 0.2, 0.16, 0.2] if with_participants else [0.16, 0.13, 0.2, 0.24, 0.27])
        return Table(header, rows, widths)

    def sec_delegation(self, s: Section, level: int) -> None:
        trip = self.book.trip
        members = list(trip.members) if trip else []
        if members:
            header = [[Span(self.L.label(k))] for k in ("name", "title", "organisation", "role")]
            header.insert(0, [Span("#")])
            rows = [[[Span(str(i))], [Span(self.name(m.name), bold=True)], [Span(m.title)], [Span(m.org)],
                     [Span(m.role)]] for i, m in enumerate(members, 1)]
            self.blocks.append(Table(header, rows, [0.06, 0.24, 0.26, 0.28, 0.16]))
        self.generic_items(s.items)

    def sec_profile(self, s: Section, level: int) -> None:
        texts = [i for i in s.items if isinstance(i, TextItem)]
        facts = [i for i in s.items if isinstance(i, FactItem)]
        for t in texts:
            self.text_item(t)
        people = [f for f in facts if f.kind == "person"]
        events = [f for f in facts if f.kind in ("event", "agreement")]
        numbers = [f for f in facts if f.kind in NUMERIC_KINDS]
        other = [f for f in facts if f not in people and f not in events and f not in numbers]
        articles = [i for i in s.items if isinstance(i, ArticleItem)]
        sub = min(level + 1, 3)
        if people:
            self.heading(sub, self.L.label("people"))
            header = [[Span(self.L.label(k))] for k in ("name", "title", "organisation", "source")]
            rows = []
            for f in people:
                v = self.localised_value(f)
                nm = self.name(v.get("name") or f.text, self.fact_lang(f), v)
                rows.append([[Span(nm, bold=True)], [Span(v.get("title") or "")], [Span(v.get("org") or "")],
                             self.cite_spans(f.source)])
            self.blocks.append(Table(header, rows, [0.3, 0.3, 0.3, 0.1]))
        if events:
            self.heading(sub, self.L.label("interactions"))
            header = [[Span(self.L.label(k))] for k in ("date", "event", "source")]
            rows = []
            for f in sorted(events, key=lambda f: self.fact_date(f) or "", reverse=True):
                v = self.localised_value(f)
                if f.kind == "agreement":
                    parties = v.get("parties") or []
                    desc = [Span(self.L.label("agreement") + self.colon, bold=True), Span(f.text)]
                    if parties:
                        desc.append(Span("\n" + self.L.label("parties") + self.colon + self.list_join(parties),
                                         italic=not self.L.cjk))
                else:
                    desc = [Span(v.get("name") or f.text)]
                    if v.get("place"):
                        desc.append(Span(" (" + v["place"] + ")"))
                rows.append([[Span(self.L.date(self.fact_date(f)))], desc, self.cite_spans(f.source)])
            self.blocks.append(Table(header, rows, [0.2, 0.7, 0.1]))
        if numbers:
            self.heading(sub, self.L.label("figures"))
            self.figures(numbers, sub, with_headings=False)
        if articles:
            self.heading(sub, self.L.label("in_articles"))
            seen: set[str] = set()
            for a in articles:
                text = " ".join((a.excerpt or a.summary or a.title or "").split())
                if not text or text in seen:
                    continue
                seen.add(text)
                self.blocks.append(Para(self.quote_spans(a, text), style="quote"))
        if other:
            self.facts_list(other)

    QUOTES = {"de": ("„", "“"), "ja": ("「", "」"), "zh-Hant": ("「", "」")}
    EXCERPT_CHARS = 220

    def quote_spans(self, a: ArticleItem, text: str) -> list[Span]:
        """ “What the article says …” — Publisher, 30 July 2020 [n] """
        limit = self.EXCERPT_CHARS // 2 if has_cjk(text[:40]) else self.EXCERPT_CHARS  # CJK: twice as wide
        if len(text) > limit:
            cut = text[:limit]
            space = cut.rfind(" ")
            if space > limit * 0.7:
                cut = cut[:space]
            text = cut.rstrip(" ,;:，、；：") + "…"
        text = text.strip("“”\"「」『』„")
        q_open, q_close = self.QUOTES.get(self.loc, ("“", "”"))
        meta = [x for x in ((a.source.publisher if a.source else None),
                            self.L.date(a.date or (a.source.date if a.source else None))) if x]
        spans = [Span(q_open + text + q_close)]
        if meta:
            spans.append(Span(("　" if self.L.cjk else " — ") + ", ".join(meta), italic=not self.L.cjk))
        cs = self.cite_spans(a.source)
        if cs:
            spans.append(Span(" "))
            spans.extend(cs)
        return spans

    def fact_date(self, f: FactItem) -> str | None:
        return f.as_of or f.value.get("date") or f.value.get("iso") or (f.source.date if f.source else None)

    def period_text(self, f: FactItem, iso: str | None = None) -> str:
        """A figure's period in words when it has one ("H1 2020"), else its date."""
        return f.value.get("period_label") or self.L.date(iso if iso is not None else self.fact_date(f))

    def sec_figures(self, s: Section, level: int) -> None:
        facts = [i for i in s.items if isinstance(i, FactItem) and i.kind in NUMERIC_KINDS]
        rest = [i for i in s.items if not (isinstance(i, FactItem) and i.kind in NUMERIC_KINDS)]
        self.figures(facts, min(level + 1, 3), with_headings=True)
        self.generic_items(rest)

    def figures(self, facts: list[FactItem], level: int, with_headings: bool) -> None:
        """Key figures grouped by what they measure.

        A measure with two or more values (periods, or conflicting sources) keeps
        its own heading and table, newest first, plus a chart when it has two or
        more dated values.  Every measure with a single value goes into ONE table
        (Measure | Value | Date | Source), newest first, with counts of trivial
        units (years, times, events ...) after amounts, percentages and the rest.
        """
        # a percentage and an amount under the same words ("增长") are different figures
        groups: OrderedDict[tuple[str, str], list[FactItem]] = OrderedDict()
        for f in facts:
            groups.setdefault((f.measure or f.text, f.kind), []).append(f)
        multi: list[tuple[str, list[FactItem]]] = []
        single: list[tuple[str, list[FactItem]]] = []
        for (measure, _kind), fs in groups.items():
            values = {(self.fact_date(f) or "", self.L.fact_value(f.kind, self.localised_value(f)) or f.text)
                      for f in fs}
            (multi if len(values) >= 2 else single).append((measure, fs))
        multi.sort(key=lambda mf: max(self.fact_date(f) or "" for f in mf[1]), reverse=True)
        for measure, fs in multi:
            if with_headings:
                self.heading(level, measure)
            else:
                self.blocks.append(Para([Span(measure, bold=True)], style="item_title"))
            self.measure_table(measure, fs)
        if single:
            if multi:
                if with_headings:
                    self.heading(level, self.L.label("more_figures"))
                else:
                    self.blocks.append(Para([Span(self.L.label("more_figures"), bold=True)], style="item_title"))
            self.single_figures_table(single)

    def single_figures_table(self, single: list[tuple[str, list[FactItem]]]) -> None:
        """One row per measure that has a single value."""
        def key(mf):
            f = mf[1][0]
            d = self.fact_date(f) or ""
            return (1 if _trivial_count(f) else 0, _neg(d))

        header = [[Span(self.L.label(k))] for k in ("measure", "value", "date", "source")]
        rows = []
        for measure, fs in sorted(single, key=key):
            f = fs[0]
            measure_cell = [Span(measure)]
            notes = list(dict.fromkeys(x.note for x in fs if x.note))
            if notes:
                measure_cell.append(Span("\n" + "; ".join(notes), italic=not self.L.cjk))
            value_cell = [Span(self.L.fact_value(f.kind, self.localised_value(f)) or f.text, bold=True)]
            src_cell: list[Span] = []
            for x in fs:
                cs = self.cite_spans(x.source)
                if cs:
                    value_cell.extend([Span(" ")] + cs)
                for sp in self.source_short(x.source):
                    if src_cell:
                        src_cell.append(Span("\n"))
                    src_cell.append(sp)
            rows.append([measure_cell, value_cell, [Span(self.period_text(f))], src_cell])
        self.blocks.append(Table(header, rows, [0.33, 0.22, 0.17, 0.28]))

    def measure_table(self, measure: str, fs: list[FactItem]) -> None:
        """One measure's values, one row per period, newest first; several values
        for a period are a conflict, shown side by side."""
        periods: OrderedDict[str, list[FactItem]] = OrderedDict()
        for f in sorted(fs, key=lambda f: self.fact_date(f) or "", reverse=True):
            periods.setdefault(self.fact_date(f) or "", []).append(f)
        header = [[Span(self.L.label(k))] for k in ("date", "value", "source", "note")]
        rows: list[list[list[Span]]] = []
        highlight: set[int] = set()
        for period, pfs in periods.items():
            shown: OrderedDict[str, list[FactItem]] = OrderedDict()
            for f in pfs:
                shown.setdefault(self.L.fact_value(f.kind, self.localised_value(f)) or f.text, []).append(f)
            value_cell: list[Span] = []
            src_cell: list[Span] = []
            for i, (disp, vfs) in enumerate(shown.items()):
                if i:
                    value_cell.append(Span("  ≠  " if len(shown) > 1 else "; "))
                value_cell.append(Span(disp, bold=True))
                for f in vfs:
                    value_cell.extend([Span(" ")] + self.cite_spans(f.source))
                    for sp in self.source_short(f.source):
                        if src_cell:
                            src_cell.append(Span("\n"))
                        src_cell.append(sp)
            notes = [f.note for f in pfs if f.note]
            if len(shown) > 1:
                highlight.add(len(rows))
                notes.insert(0, self.L.label("conflict"))
            rows.append([[Span(self.period_text(pfs[0], period))], value_cell, src_cell,
                         [Span("; ".join(dict.fromkeys(notes)), italic=bool(notes) and not self.L.cjk)]])
        self.blocks.append(Table(header, rows, [0.16, 0.34, 0.32, 0.18], highlight=highlight))
        # a chart when the measure has two or more dated periods with one number each
        points = []
        for period, pfs in periods.items():
            val = pfs[0].value.get("value")
            if period and isinstance(val, int | float):
                lbl = self.period_label(period)
                points.append(ChartPoint(lbl, float(val),
                                         self.L.fact_value(pfs[0].kind, self.localised_value(pfs[0]))))
        kinds = {f.kind for f in fs}
        if len(points) >= 2 and len(kinds) == 1:
            points.reverse()  # oldest left
            self.blocks.append(Chart(self.L.label("chart_caption", measure=measure), points))

    def period_label(self, period: str) -> str:
        """A short axis label: 2019, Jun 2020 / Juni 2020 / 2020年6月."""
        if re.fullmatch(r"\d{4}", period):
            return period
        m = re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", period)
        if m:
            from datetime import date

            from babel.dates import format_skeleton

            from briefbook.export.locale import babel_locale

            try:
                return format_skeleton("yMMM", date(int(m.group(1)), int(m.group(2)), 1),
                                       locale=babel_locale(self.loc))
            except ValueError:
                return period
        return period

    def source_short(self, src: SourceRef | None) -> list[Span]:
        if src is None:
            return []
        name = src.publisher or src.title
        if name and not src.publisher and len(name) > 36:
            name = name[:34].rstrip(" ,，、") + "…"
        parts = [x for x in (name, self.L.date(src.date)) if x]
        return [Span(", ".join(parts))]

    def sec_background(self, s: Section, level: int) -> None:
        for it in s.items:
            if isinstance(it, ArticleItem):
                self.blocks.append(Para([Span(it.title, bold=True), Span(" ")] + self.cite_spans(it.source),
                                        style="item_title"))
                meta = [x for x in ((it.source.publisher if it.source else None),
                                    self.L.date(it.date or (it.source.date if it.source else None))) if x]
                if meta:
                    self.blocks.append(Para([Span(" · ".join(meta))], style="muted"))
                if it.summary:
                    self.blocks.append(Para([Span(it.summary)]))
                if it.excerpt:
                    for chunk in _paragraphs(it.excerpt):
                        self.blocks.append(Para([Span(chunk)], style="quote"))
            else:
                self.generic_items([it])

    def sec_talking_points(self, s: Section, level: int) -> None:
        self.generic_items(s.items, bullets=True)

    def sec_text(self, s: Section, level: int) -> None:
        self.generic_items(s.items)

    sec_notes = sec_text
    sec_sources = sec_text

    # items ---------------------------------------------------------------------
    def generic_items(self, items, bullets: bool = False) -> None:
        facts: list[FactItem] = []
        for it in items:
            if isinstance(it, FactItem):
                facts.append(it)
                continue
            if facts:
                self.facts_list(facts)
                facts = []
            if isinstance(it, TextItem):
                self.text_item(it, bullets)
            elif isinstance(it, ArticleItem):
                self.blocks.append(Para([Span(it.title, bold=True), Span(" ")] + self.cite_spans(it.source)))
                if it.excerpt:
                    self.blocks.append(Para([Span(it.excerpt)], style="quote"))
        if facts:
            self.facts_list(facts)

    def facts_list(self, facts: list[FactItem]) -> None:
        numeric = [f for f in facts if f.kind in NUMERIC_KINDS and f.measure]
        if len(numeric) >= 2:
            self.figures(numeric, 3, with_headings=False)
            facts = [f for f in facts if f not in numeric]
        for f in facts:
            self.blocks.append(Para(self.fact_spans(f), bullet="•"))

    def fact_spans(self, f: FactItem) -> list[Span]:
        v = self.localised_value(f)
        spans: list[Span]
        if f.kind == "person":
            nm = self.name(v.get("name") or f.text, self.fact_lang(f), v)
            spans = [Span(nm, bold=True)]
            rest = ", ".join(x for x in (v.get("title"), v.get("org")) if x)
            if rest:
                spans.append(Span(", " + rest))
        elif f.kind in NUMERIC_KINDS:
            disp = self.L.fact_value(f.kind, v) or f.text
            lead = f"{f.measure}{self.colon}" if f.measure else ""
            spans = [Span(lead), Span(disp, bold=True)]
            d = self.fact_date(f)
            if d:
                spans.append(Span(f" ({self.L.date(d)})"))
        elif f.kind == "event":
            spans = [Span(v.get("name") or f.text, bold=True)]
            extra = [x for x in (self.L.date(v.get("date")), v.get("place")) if x]
            if extra:
                spans.append(Span(", " + ", ".join(extra)))
        else:
            spans = [Span(f.text)]
        if f.note:
            spans.append(Span(" — " + f.note, italic=True))
        cs = self.cite_spans(f.source)
        if cs:
            spans.append(Span(" "))
            spans.extend(cs)
        return spans

    def text_item(self, t: TextItem, bullets: bool = False) -> None:
        for block in t.blocks:
            if isinstance(block, Paragraph):
                spans = [Span(r.text, r.bold, r.italic) for r in block.runs]
                self.blocks.append(Para(spans, bullet="•" if bullets else None))
            elif isinstance(block, BulletList):
                for i, item in enumerate(block.items, 1):
                    self.blocks.append(Para([Span(r.text, r.bold, r.italic) for r in item],
                                            bullet=f"{i}." if block.numbered else "•"))


WORD_JOINER = "\u2060"


def unbreakable_name(text: str) -> str:
    """A person's name that no line break splits: no-break spaces between its words
    and WORD JOINERs between its CJK characters; only the space before the original
    in parentheses ("Zhang Shuangdi (張雙弟)") may still break."""
    parts = text.split(" (")
    out = []
    for part in parts:
        part = part.replace(" ", "\u00a0")
        glued = [part[0]] if part else []
        for prev, ch in zip(part, part[1:], strict=False):
            if has_cjk(prev) and has_cjk(ch):
                glued.append(WORD_JOINER)
            glued.append(ch)
        out.append("".join(glued))
    return " (".join(out)


def _fullwidth_blocks(blocks: list[Block], entries: list[SourceEntry]) -> None:
    """A Chinese or Japanese book sets CJK text with full-width punctuation, also
    where an article or the user typed ASCII commas and brackets (URLs stay)."""
    def spans(sps: list[Span]) -> None:
        for sp in sps:
            if not sp.link:
                sp.text = fullwidth_punctuation(sp.text)

    for b in blocks:
        if isinstance(b, Para):
            spans(b.spans)
        elif isinstance(b, Heading):
            b.text = fullwidth_punctuation(b.text)
        elif isinstance(b, Table):
            for cell in b.header:
                spans(cell)
            for row in b.rows:
                for cell in row:
                    spans(cell)
    for e in entries:
        e.short, e.brief = fullwidth_punctuation(e.short), fullwidth_punctuation(e.brief)


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


# Counts whose unit says little on its own ("5 years", "4 events", "43-fold"): listed
# after amounts, percentages and counts of companies, projects, people ...
TRIVIAL_COUNT_UNITS = frozenset({
    "years", "months", "weeks", "days", "hours", "minutes", "times", "events", "parties", "fold",
    "units", "items", "rounds", "sessions", "organisations", "departments", "industries", "",
})


def _trivial_count(f: FactItem) -> bool:
    return f.kind == "count" and (f.value.get("unit") or "") in TRIVIAL_COUNT_UNITS


def _neg(iso: str) -> tuple:
    """Sort key for newest first with undated last: compares dates descending."""
    if not iso:
        return (1, ())
    return (0, tuple(-ord(c) for c in iso))


class _SourcesSlot:
    """Where the Sources entries go once all citations are numbered."""


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def split_long_cells(table: Table, per_width: int = CELL_CHARS_PER_WIDTH) -> Table:
    """Rows with a cell too long to fit on one page continue in extra rows (the
    PDF writer uses this: reportlab cannot split a paragraph inside a table row).
    A cell's budget is proportional to its column width."""
    limits = [max(60, int(per_width * w)) for w in table.widths]
    new_rows: list[list[list[Span]]] = []
    highlight: set[int] = set()
    for ri, row in enumerate(table.rows):
        if all(sum(len(s.text) for s in c) <= lim for c, lim in zip(row, limits, strict=False)):
            if ri in table.highlight:
                highlight.add(len(new_rows))
            new_rows.append(row)
            continue
        chunks_per_cell = [_chunk_spans(c, lim) for c, lim in zip(row, limits, strict=False)]
        n = max(len(c) for c in chunks_per_cell)
        for k in range(n):
            if ri in table.highlight:
                highlight.add(len(new_rows))
            new_rows.append([c[k] if k < len(c) else [] for c in chunks_per_cell])
    return Table(table.header, new_rows, table.widths, table.kind, highlight)


def _chunk_spans(cell: list[Span], limit: int) -> list[list[Span]]:
    out: list[list[Span]] = [[]]
    size = 0
    for sp in cell:
        text = sp.text
        while text:
            room = limit - size
            if room <= 0:
                out.append([])
                size, room = 0, limit
            piece = text[:room]
            full = False
            if len(text) > room:  # prefer to cut after a space or CJK punctuation
                full = True  # the rest continues in the next chunk, not in this one's leftover room
                cut = max(piece.rfind(" "), piece.rfind("。"), piece.rfind("，"))
                if cut > room // 2:
                    piece = text[:cut + 1]
            out[-1].append(Span(piece, sp.bold, sp.italic, sp.cite, sp.link))
            size = limit if full else size + len(piece)
            text = text[len(piece):]
    return out


PARA_CHARS = 1500  # a paragraph longer than this continues in another: no single block outgrows a page
HEADING_CHARS = 300  # a heading is a name or a title; longer is cut with an ellipsis (the text stays in the body)


def split_long_blocks(blocks: list[Block], limit: int = PARA_CHARS) -> list[Block]:
    """Paragraphs longer than ``limit`` become several (a 100,000-character fact
    runs over pages instead of failing as "too large on page N"); headings are cut."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Para) and sum(len(sp.text) for sp in block.spans) > limit:
            for k, chunk in enumerate(_chunk_spans(block.spans, limit)):
                out.append(Para(chunk, block.style, block.bullet if k == 0 else None, block.anchor if k == 0 else None))
        elif isinstance(block, Heading) and len(block.text) > HEADING_CHARS:
            out.append(Heading(block.level, block.number, block.text[: HEADING_CHARS - 1].rstrip() + "…", block.anchor))
        else:
            out.append(block)
    return out


def build_document(book: Book, new_page_for_level1: bool = True) -> Document:
    document = _Builder(book, new_page_for_level1).build()
    document.blocks = split_long_blocks(document.blocks)
    return document
