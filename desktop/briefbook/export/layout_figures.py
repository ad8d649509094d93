"""The key-figures part of the layout builder: figures grouped by measure, one table per
measure with its periods newest first, conflicts side by side (a mixin of layout._Builder)."""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from typing import TYPE_CHECKING, Any

from briefbook.core.book import (
    NUMERIC_KINDS,
    FactItem,
    Section,
    SourceRef,
)
from briefbook.core.text import has_cjk
from briefbook.export.layout_tree import Chart, ChartPoint, Para, Span, Table

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




class FiguresBuilder:
    """Methods of the layout builder that lay out figures; they use the builder's state."""

    if TYPE_CHECKING:  # the writer/builder it is mixed into holds the state these methods use
        def __getattr__(self, name: str) -> Any: ...

    QUOTED_RIVALS = 4  # at most this many conflicting values are printed with their sentences

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
        # a row per period and claim: figures that end on one day but are not rivals (a month
        # range and a running total, two kinds of counted thing) are rows of their own
        periods: OrderedDict[tuple[str, str], list[FactItem]] = OrderedDict()
        for f in sorted(fs, key=lambda f: self.fact_date(f) or "", reverse=True):
            periods.setdefault((self.fact_date(f) or "", str(f.value.get("claim") or "")), []).append(f)
        header = [[Span(self.L.label(k))] for k in ("date", "value", "source", "note")]
        rows: list[list[list[Span]]] = []
        highlight: set[int] = set()
        for (period, _claim), pfs in periods.items():
            shown: OrderedDict[str, list[FactItem]] = OrderedDict()
            for f in pfs:
                shown.setdefault(self.L.fact_value(f.kind, self.localised_value(f)) or f.text, []).append(f)
            value_cell: list[Span] = []
            src_cell: list[Span] = []
            conflict = len(shown) > 1
            # a few rival values each on its line with the sentence that gives it, so the reader
            # sees why they differ; a long list of them stays on one line (a cell must fit a page)
            quoted = conflict and len(shown) <= self.QUOTED_RIVALS
            cited: set[tuple] = set()  # an article that gives both values is named once
            for i, (disp, vfs) in enumerate(shown.items()):
                if i:
                    value_cell.append(Span("\n≠\n" if quoted else "  ≠  " if conflict else "; "))
                value_cell.append(Span(disp, bold=True))
                for f in vfs:
                    value_cell.extend([Span(" ")] + self.cite_spans(f.source))
                    named = (f.source.title, f.source.publisher, f.source.date) if f.source else ()
                    if named in cited:
                        continue
                    cited.add(named)
                    for sp in self.source_short(f.source):
                        if src_cell:
                            src_cell.append(Span("\n"))
                        src_cell.append(sp)
                if quoted:
                    value_cell.extend(self.excerpt_spans(vfs))
            notes = [f.note for f in pfs if f.note]
            if conflict:
                highlight.add(len(rows))
                notes.insert(0, self.L.label("conflict"))
            rows.append([[Span(self.period_text(pfs[0], period))], value_cell, src_cell,
                         [Span("; ".join(dict.fromkeys(notes)), italic=bool(notes) and not self.L.cjk)]])
        self.blocks.append(Table(header, rows, [0.16, 0.34, 0.32, 0.18], highlight=highlight))
        # a chart when the measure has two or more dated periods with one number each
        points = []
        # two rows ending on one day (a month range and a running total) are no time series
        shared = {p for p, n in Counter(p for p, _c in periods).items() if n > 1}
        for (period, _claim), pfs in periods.items():
            val = pfs[0].value.get("value")
            if period and period not in shared and isinstance(val, int | float):
                # the period as the table says it ("2019", "1. Halbjahr 2020"), not a month
                lbl = pfs[0].value.get("period_label") or self.period_label(period)
                points.append(ChartPoint(lbl, float(val),
                                         self.L.fact_value(pfs[0].kind, self.localised_value(pfs[0]))))
        kinds = {f.kind for f in fs}
        if len(points) >= 2 and len(kinds) == 1:
            points.reverse()  # oldest left
            self.blocks.append(Chart(self.L.label("chart_caption", measure=measure), points))

    def excerpt_spans(self, facts: list[FactItem]) -> list[Span]:
        """The sentences (one per source, each once) that give a value, quoted in small type."""
        q_open, q_close = self.QUOTES.get(self.loc, ("“", "”"))  # the quotes of the book's language
        said = dict.fromkeys(x for f in facts if (x := self.localised_value(f).get("excerpt")))
        return [Span(f"\n{q_open}{x}{q_close}", italic=not self.L.cjk) for x in said]

    def period_label(self, period: str) -> str:
        """A short axis label for a figure with no period in words: 2019, Jun 2020 /
        Juni 2020 / 2020年6月."""
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
        name: str | None = src.publisher or src.title
        lang = (src.lang or "")[:2]
        if not src.publisher and has_cjk(name or "") and (
                not self.L.cjk or (lang and lang != self.loc[:2] and {lang, self.loc[:2]} <= {"zh", "ja"})):
            name = None  # a title in another language: the date and [n] point to the Sources list
        if name and not src.publisher and len(name) > 36:
            name = name[:34].rstrip(" ,，、") + "…"
        parts = [x for x in (name, self.L.date(src.date)) if x]
        return [Span(", ".join(parts))]

