"""Book -> one format-neutral layout tree, which both writers render.

All decisions about content live here (what goes in which table, how a value is
formatted, numbering, which source gets which [n]); the DOCX and PDF writers
only decide how a node looks.
"""

from __future__ import annotations

from collections import OrderedDict

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
from briefbook.export.layout_figures import FiguresBuilder
from briefbook.export.layout_profiles import ProfilesBuilder
from briefbook.export.layout_split import (  # noqa: F401  (split_long_cells, unbreakable_name: used as layout.X)
    CELL_CHARS_PER_WIDTH,
    HEADING_CHARS,
    PARA_CHARS,
    _fullwidth_blocks,
    _paragraphs,
    fit_longest_word,
    split_long_blocks,
    split_long_cells,
    unbreakable_name,
)

# The nodes live in layout_tree; the writers and tests read them as layout.X.
from briefbook.export.layout_tree import (  # noqa: F401
    Block,
    Chart,
    ChartPoint,
    Cover,
    Document,
    Heading,
    PageBreak,
    Para,
    SourceEntry,
    Span,
    Table,
    Toc,
)
from briefbook.export.locale import Localiser, classification_marking, normalise_locale

# --- builder -------------------------------------------------------------------



class _Builder(FiguresBuilder, ProfilesBuilder):
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
        stop = ". " if not self.L.cjk else "。"
        if meta:
            # a title that ends a sentence itself (领衔鲁日合作，青岛进入佳境！) takes no second stop
            title = src.title.rstrip()
            ended = bool(title) and title[-1] in "。！？!?.…"
            gap = ("" if self.L.cjk else " ") if ended else stop
            spans.append(Span(gap + ", ".join(meta)))
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
            # the role column holds its longest word ("Delegationsleiter") on one line
            widths = fit_longest_word([0.06, 0.24, 0.26, 0.28, 0.16], 4,
                                      [m.role for m in members] + [self.L.label("role")])
            self.blocks.append(Table(header, rows, widths))
        self.generic_items(s.items)

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


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


# Counts whose unit says little on its own ("5 years", "4 events", "43-fold"): listed
# after amounts, percentages and counts of companies, projects, people ...
class _SourcesSlot:
    """Where the Sources entries go once all citations are numbered."""


def build_document(book: Book, new_page_for_level1: bool = True) -> Document:
    document = _Builder(book, new_page_for_level1).build()
    document.blocks = split_long_blocks(document.blocks)
    return document
