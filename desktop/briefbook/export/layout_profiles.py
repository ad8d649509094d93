"""The profiles part of the layout builder (a mixin of layout._Builder).

A person: the name (romanised, the original after it, a guessed reading marked †),
the current title and organisation as of the newest report with its sources, the
positions held before, this trip's meetings, earlier trips, what the press wrote, the
user's notes.  An organisation: its description (the user's text, else an article's
best sentence printed whole), its people, agreements and events, figures, trips it
was a counterpart of, press snippets.  A snippet already printed in the book is not
printed again.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from briefbook.core.book import NUMERIC_KINDS, ArticleItem, FactItem, Interaction, Section, TextItem
from briefbook.core.text import has_cjk
from briefbook.export.layout_tree import Para, Span, Table


class ProfilesBuilder:
    """Methods of the layout builder that lay out profiles; they use the builder's state."""

    if TYPE_CHECKING:  # the builder it is mixed into holds the state these methods use
        def __getattr__(self, name: str) -> Any: ...

    QUOTES = {"de": ("„", "“"), "ja": ("「", "」"), "zh-Hant": ("「", "」")}
    EXCERPT_CHARS = 220

    def sec_profile(self, s: Section, level: int) -> None:
        if s.about == "person":
            self.person_profile(s, level)
        else:
            self.organisation_profile(s, level)

    # -- a person -------------------------------------------------------------------
    def person_profile(self, s: Section, level: int) -> None:
        sub = min(level + 1, 3)
        lines = [i for i in s.items if isinstance(i, FactItem) and i.kind == "person"]
        others = [i for i in s.items if isinstance(i, FactItem) and i.kind != "person"]
        texts = [i for i in s.items if isinstance(i, TextItem)]
        if lines:
            newest = max(lines, key=lambda f: self.fact_date(f) or "")
            v = self.localised_value(newest)
            name = self.name(v.get("name") or newest.text, self.fact_lang(newest), v)
            if name.replace("\u2060", "").replace("\u00a0", " ") != s.title:  # a CJK heading is the name
                spans = [Span(name, bold=True)]
                if "\u2020" in name:
                    spans.append(Span("\n" + self.L.label("reading_unverified"), italic=not self.L.cjk))
                self.blocks.append(Para(spans))
            groups = self._title_groups(lines)
            (title, org), fs = next(iter(groups.items()))
            current = [Span(self.L.label("current_position") + self.colon, bold=True),
                       Span(self.list_join([x for x in (title, org) if x]))]
            date = self.L.date(max(self.fact_date(f) or "" for f in fs))
            if date:
                current.append(Span(f" ({self.L.label('as_of', date=date)})" if not self.L.cjk
                                    else f"（{self.L.label('as_of', date=date)}）"))
            for f in fs:
                current.extend([Span(" ")] + self.cite_spans(f.source))
            self.blocks.append(Para(current))
            if len(groups) >= 2:
                self.heading(sub, self.L.label("title_history"))
                header = [[Span(self.L.label(k))] for k in ("date", "title", "organisation", "source")]
                rows = []
                for (title, org), fs in groups.items():
                    dates = sorted(self.fact_date(f) or "" for f in fs)
                    when = self.L.date(dates[-1]) if dates[0] == dates[-1] else self.L.date_range(dates[0], dates[-1])
                    cites = [sp for f in fs for sp in self.cite_spans(f.source)]
                    rows.append([[Span(when)], [Span(title)], [Span(org)], cites])
                self.blocks.append(Table(header, rows, [0.22, 0.3, 0.34, 0.14]))
        self.interactions([i for i in s.items if isinstance(i, Interaction)], sub)
        self.quotes([i for i in s.items if isinstance(i, ArticleItem)], sub)
        if others:
            self.facts_list(others)
        for t in texts:
            self.text_item(t)

    def _title_groups(self, lines: list[FactItem]) -> OrderedDict[tuple[str, str], list[FactItem]]:
        """(title, organisation) as printed -> its reports; the newest position first."""
        groups: OrderedDict[tuple[str, str], list[FactItem]] = OrderedDict()
        for f in sorted(lines, key=lambda f: self.fact_date(f) or "", reverse=True):
            v = self.localised_value(f)
            groups.setdefault((v.get("title") or "", v.get("org") or ""), []).append(f)
        return groups

    def interactions(self, found: list[Interaction], sub: int, roles: bool = True) -> None:
        """This trip's meetings, then the earlier trips of the library that involve the profile
        (``roles``: say as what; an organisation is always the counterpart)."""
        current = [i for i in found if i.current and i.role != "member"]
        earlier = [i for i in found if not i.current]
        if current:
            self.heading(sub, self.L.label("this_trip"))
            header = [[Span(self.L.label(k))] for k in ("day", "time", "venue", "purpose")]
            rows = [[[Span(self.L.date(i.day))], [Span(i.time)], [Span(i.venue)],
                     [Span(self.list_join([x for x in (self.L.label(f"role_{i.role}") if roles else "", i.purpose)
                                           if x]))]]
                    for i in sorted(current, key=lambda i: (i.day or "", i.time))]
            self.blocks.append(Table(header, rows, [0.2, 0.14, 0.32, 0.34]))
        if earlier:
            self.heading(sub, self.L.label("interactions"))
            keys = ("date", "trip", "role", "purpose") if roles else ("date", "trip", "purpose")
            header = [[Span(self.L.label(k))] for k in keys]
            rows = []
            for i in sorted(earlier, key=lambda i: (i.day or i.start or ""), reverse=True):
                when = self.L.date(i.day) if i.day else self.L.date_range(i.start, i.end)
                what = self.list_join([x for x in (i.venue, i.purpose) if x])
                row = [[Span(when)], [Span(i.trip, bold=True)], [Span(self.L.label(f"role_{i.role}"))], [Span(what)]]
                rows.append(row if roles else row[:2] + row[3:])
            self.blocks.append(Table(header, rows, [0.2, 0.3, 0.2, 0.3] if roles else [0.2, 0.4, 0.4]))

    # -- an organisation ------------------------------------------------------------
    def organisation_profile(self, s: Section, level: int) -> None:
        sub = min(level + 1, 3)
        for a in s.items:
            if isinstance(a, ArticleItem) and a.role == "description":
                # the article's sentence as the description: whole, never cut, with its source
                text = (a.summary or a.excerpt).strip()
                if text and text[-1] not in "。！？.!?":  # the sentence as read stops before its full stop
                    text += "。" if has_cjk(text[-1]) else "."
                self.blocks.append(Para([Span(text), Span(" ")] + self.cite_spans(a.source)))
        for t in s.items:
            if isinstance(t, TextItem):
                self.text_item(t)
        facts = [i for i in s.items if isinstance(i, FactItem)]
        people = [f for f in facts if f.kind == "person"]
        events = [f for f in facts if f.kind in ("event", "agreement")]
        numbers = [f for f in facts if f.kind in NUMERIC_KINDS]
        other = [f for f in facts if f not in people and f not in events and f not in numbers]
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
            if any("\u2020" in sp.text for row in rows for sp in row[0]):  # a guessed reading says so
                self.blocks.append(Para([Span(self.L.label("reading_unverified"))], style="muted"))
        if events:
            self.heading(sub, self.L.label("reported"))
            kinds = {f.kind for f in events}  # the column says what its rows are
            what = "event" if kinds == {"event"} else "agreement" if kinds == {"agreement"} else "agreement_or_event"
            header = [[Span(self.L.label(k))] for k in ("date", what, "source")]
            rows = []
            for f in sorted(events, key=lambda f: self.fact_date(f) or "", reverse=True):
                v = self.localised_value(f)
                if f.kind == "agreement":
                    parties = v.get("parties") or []
                    desc = self.named(self.L.label("agreement"), v.get("subject") or f.text)
                    sides = self.list_join(parties) if parties else self.L.label("parties_unknown")
                    desc.append(Span("\n" + self.L.label("parties") + self.colon + sides, italic=not self.L.cjk))
                    if v.get("value"):
                        desc.append(Span("\n" + self.L.label("value") + self.colon + str(v["value"])))
                else:
                    name = v.get("name") or f.text
                    desc = self.named(self.L.label("event"), name) if self.unreadable(name) else [Span(name)]
                    if v.get("place"):
                        desc.append(Span(" (" + v["place"] + ")"))
                    if v.get("organiser"):
                        desc.append(Span("\n" + self.L.label("organiser") + self.colon + v["organiser"],
                                         italic=not self.L.cjk))
                cites = [sp for src in [f.source, *f.more_sources] for sp in self.cite_spans(src)]
                rows.append([[Span(self.claim_date(f))], desc, cites])
            self.blocks.append(Table(header, rows, [0.2, 0.7, 0.1]))
        if numbers:
            self.heading(sub, self.L.label("figures"))
            self.figures(numbers, sub, with_headings=False)
        self.interactions([i for i in s.items if isinstance(i, Interaction)], sub, roles=False)
        self.quotes([i for i in s.items if isinstance(i, ArticleItem) and i.role != "description"], sub)
        if other:
            self.facts_list(other)

    def unreadable(self, text: str) -> bool:
        return not self.L.cjk and has_cjk(text)

    def named(self, label: str, words: str) -> list[Span]:
        """"Agreement: <subject>"; in a book whose reader does not read the article's script,
        "Agreement (<subject>)": what it is in the book's language, the words as written a gloss."""
        if self.unreadable(words):
            return [Span(label, bold=True), Span(f" ({words})")]
        return [Span(label + self.colon, bold=True), Span(words)]

    def claim_date(self, f: FactItem) -> str:
        """An agreement's or event's date: the day an article reported it said as such, and
        "date unknown" for a claim with none (a mention's falls back to its article's day)."""
        if f.value.get("date_label"):
            return f.value["date_label"]
        if "date" in f.value and not f.value["date"] and not f.as_of:
            return self.L.label("date_unknown")
        return self.L.date(self.fact_date(f))

    # -- press snippets -------------------------------------------------------------
    def quotes(self, articles: list[ArticleItem], sub: int) -> None:
        """What the articles say, each snippet once in the whole book (as it prints)."""
        printed: set[str] = self.__dict__.setdefault("printed_quotes", set())
        paras = []
        for a in articles:
            shown = self.quote_text(" ".join((a.excerpt or a.summary or a.title or "").split()))
            if not shown or shown in printed:
                continue
            printed.add(shown)
            paras.append((a, shown))
        if paras:
            self.heading(sub, self.L.label("in_articles"))
            for a, shown in paras:
                self.blocks.append(Para(self.quote_spans(a, shown), style="quote"))

    def quote_text(self, text: str) -> str:
        """A snippet as it prints: cut at a word near the limit (CJK: half as many characters)."""
        limit = self.EXCERPT_CHARS // 2 if has_cjk(text[:40]) else self.EXCERPT_CHARS  # CJK: twice as wide
        if len(text) > limit:
            cut = text[:limit]
            space = cut.rfind(" ")
            if space > limit * 0.7:
                cut = cut[:space]
            text = cut.rstrip(" ,;:，、；：") + "…"
        return text.strip("“”\"「」『』„")

    def quote_spans(self, a: ArticleItem, text: str) -> list[Span]:
        """ “What the article says …” — Publisher, 30 July 2020 [n] (``text`` as quote_text gives it)"""
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
