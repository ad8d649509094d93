"""The page each heading starts on, estimated from the layout tree without setting it.

The DOCX writer prints these numbers in its table of contents.  Setting the book
with reportlab only to learn them cost more than writing the whole DOCX (its
paragraph parser, its line breaker, and reportlab's import), so this module
follows the PDF writer's pagination with a model of it instead: the same page and
frame, the same styles (sizes, leading, space before and after, indents; a test
compares them with pdf.py's), the same line-break rules (break_rules.py) with
the shipped fonts' advance widths read from their hmtx tables, the same page
breaks (cover, contents, every chapter on a new page; a level-1 or level-2
heading starts a page when less than 60 mm are left), headings kept with what
follows, table rows that never split with the header repeated, charts kept with
their captions, and at least two lines of a paragraph at the foot of a page.

It is an estimate: a line that the PDF's hyphenation saves, or a table row that
the model sets one line taller, can move a later heading within its chapter by a
page.  Each chapter starts on a new page, so an error never carries into the
next chapter's number beyond the chapter's own length.  Word's "Update Table"
makes the numbers exact.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefbook.export import layout as L
from briefbook.export.break_rules import (
    _WIDE,
    HYPHENATION_LANGS,
    WORD_JOINER,
    _char_class,
    _may_break,
    _pairs,
    hyphen_points,
    is_cjk_char,
)
from briefbook.export.fonts import (
    FONT_FILES,
    LATIN,
    LATIN_BOLD,
    SHARED_CJK_PUNCTUATION,
    font_codepoints,
    fonts_dir,
)
from briefbook.export.layout_split import split_long_cells
from briefbook.export.locale import is_cjk_locale
from briefbook.export.template import Template

MM = 72 / 25.4
PAGE_SIZES = {"a4": (595.2755905511812, 841.8897637795277), "letter": (612.0, 792.0)}
COND_BREAK_HEADING = 60 * MM  # pdf.py: CondPageBreak(60 * mm) before level-1 and level-2 headings
COND_BREAK_LONG_TABLE = 45 * MM  # pdf.py: before a heading held with a long table
LONG_TABLE_ROWS = 8  # pdf.LONG_TABLE_ROWS
CHART_HEIGHT = 150.0  # charts.pdf_drawing
SUPER_SCALE = 0.7  # a citation [n] is set as a superscript, smaller


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    before: float = 0.0
    after: float = 0.0
    indent: float = 0.0  # left indent: the lines are this much narrower
    bold: bool = False
    keep_next: bool = False


def text_styles(tpl: Template) -> dict[str, TextStyle]:
    """The paragraph styles of pdf.py's ``_Styles``, in the figures that decide heights."""
    body = float(tpl.get("fonts.body_size", 10.5))
    lead = float(tpl.get("fonts.leading", 1.45))
    small = float(tpl.get("fonts.small_size", 8.5))
    tsize = float(tpl.get("fonts.table_size", 9))
    after = float(tpl.get("spacing.paragraph_after_pt", 6))
    hb = float(tpl.get("spacing.heading_before_pt", 14))
    ha = float(tpl.get("spacing.heading_after_pt", 6))
    s = {
        "body": TextStyle(body, body * lead, after=after),
        "small": TextStyle(small, small * 1.35, after=2),
        "muted": TextStyle(small, small * 1.35, after=after / 2),
        "quote": TextStyle(body * 0.92, body * 0.92 * lead, after=after, indent=14),
        "item_title": TextStyle(body, body * lead, before=after, after=1, keep_next=True),
        "source": TextStyle(body * 0.9, body * 0.9 * 1.4, after=after / 2, indent=22),
        "caption": TextStyle(small, small * 1.3, after=after * 1.5),
        "cell": TextStyle(tsize, tsize * 1.3),
        "cell_head": TextStyle(tsize, tsize * 1.3, bold=True),
        "bullet": TextStyle(body, body * lead, after=after / 2, indent=16),
        "toc1": TextStyle(body, body * 1.5, before=6, bold=True),
        "toc2": TextStyle(body * 0.95, body * 1.4, indent=18),
        "toc3": TextStyle(body * 0.9, body * 1.35, indent=36),
    }
    for level in (1, 2, 3):
        size = tpl.heading_size(level)
        s[f"h{level}"] = TextStyle(size, size * 1.3, before=hb * (1.2 if level == 1 else 1.0 if level == 2 else 0.7),
                                   after=ha, bold=True, keep_next=True)
    s["toc_title"] = TextStyle(s["h1"].size, s["h1"].leading, before=s["h1"].before, after=ha, bold=True)
    return s


# -- widths -------------------------------------------------------------------------------

def advance_widths(data: bytes) -> dict[int, float]:
    """Codepoint -> advance width in em of a TrueType font (cmap formats 4 and 12, the last
    Unicode subtable, as fonts.cmap_codepoints chooses it)."""
    tables = {data[12 + 16 * i: 16 + 16 * i]: struct.unpack_from(">I", data, 20 + 16 * i)[0]
              for i in range(struct.unpack_from(">H", data, 4)[0])}
    (units,) = struct.unpack_from(">H", data, tables[b"head"] + 18)
    (n_metrics,) = struct.unpack_from(">H", data, tables[b"hhea"] + 34)
    advances = struct.unpack_from(f">{2 * n_metrics}H", data, tables[b"hmtx"])[0::2]
    cmap = tables[b"cmap"]
    sub = None
    for i in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            sub = cmap + offset
    if sub is None:
        raise ValueError("no Unicode cmap")
    glyphs: dict[int, int] = {}
    (fmt,) = struct.unpack_from(">H", data, sub)
    if fmt == 4:
        seg = struct.unpack_from(">H", data, sub + 6)[0] // 2
        ends = struct.unpack_from(f">{seg}H", data, sub + 14)
        starts = struct.unpack_from(f">{seg}H", data, sub + 16 + 2 * seg)
        deltas = struct.unpack_from(f">{seg}h", data, sub + 16 + 4 * seg)
        range_at = sub + 16 + 6 * seg
        offsets = struct.unpack_from(f">{seg}H", data, range_at)
        for k in range(seg):
            for cp in range(starts[k], ends[k] + 1):
                if offsets[k] == 0:
                    glyphs[cp] = (cp + deltas[k]) & 0xFFFF
                else:
                    (g,) = struct.unpack_from(">H", data, range_at + 2 * k + offsets[k] + 2 * (cp - starts[k]))
                    glyphs[cp] = (g + deltas[k]) & 0xFFFF if g else 0
    elif fmt == 12:
        for i in range(struct.unpack_from(">I", data, sub + 12)[0]):
            start, end, first = struct.unpack_from(">III", data, sub + 16 + 12 * i)
            glyphs.update((cp, first + cp - start) for cp in range(start, end + 1))
    else:
        raise ValueError(f"cmap format {fmt}")
    last = advances[-1]
    return {cp: (advances[g] if g < n_metrics else last) / units for cp, g in glyphs.items() if cp != 0xFFFF}


@lru_cache(maxsize=4)
def _latin_widths(file: str) -> dict[int, float]:
    return advance_widths((Path(fonts_dir()) / file).read_bytes())


class _Measure:
    """Character widths in em: the Latin font's own (regular or bold), 1 em for wide
    characters set in the CJK font, and the shared punctuation full width in CJK books."""

    def __init__(self, cjk_book: bool):
        self.latin_points = font_codepoints()[0]
        self.cjk_book = cjk_book
        self.tables = {False: _latin_widths(FONT_FILES[LATIN]), True: _latin_widths(FONT_FILES[LATIN_BOLD])}
        # bold -> character -> width: count_lines looks a character up here before it calls em()
        self.cache: dict[bool, dict[str, float]] = {False: {}, True: {}}

    def em(self, ch: str, bold: bool) -> float:
        w = self.cache[bold].get(ch)
        if w is None:
            cp = ord(ch)
            if self.cjk_book and ch in SHARED_CJK_PUNCTUATION:
                w = 1.0
            elif cp in self.latin_points:
                w = self.tables[bold].get(cp, 0.55)
            else:
                w = 1.0 if is_cjk_char(ch) else 0.55
            self.cache[bold][ch] = w
        return w


def _runs(spans: list[L.Span], bold: bool = False) -> list[tuple[str, bool, float]]:
    """(text, bold, size factor) of each span; a citation is its superscript [n]."""
    return [(f"[{sp.cite}]", False, SUPER_SCALE) if sp.cite is not None else (sp.text, bold or sp.bold, 1.0)
            for sp in spans]


def count_lines(runs: list[tuple[str, bool, float]], width: float, size: float, measure: _Measure,
                hyphenation: str = "") -> int:
    """Lines of the runs set greedily in ``width`` points: a line breaks where the break
    rules allow, a word that does not fit is hyphenated where its language allows, and
    only a run with no break at all is cut by force."""
    lines, x = 1, 0.0
    brk: float | None = None  # width of the line up to its last break opportunity
    word: list[str] = []  # the Latin word being set (for hyphenation)
    word_x = 0.0
    prev = ""
    em = measure.em
    for text, bold, scale in runs:
        factor = size * scale
        widths = measure.cache[bold]
        for ch in text:
            if ch == "\n":
                lines, x, brk, prev, word = lines + 1, 0.0, None, "", []
                continue
            if ch == WORD_JOINER:
                continue
            w = widths.get(ch)
            w = (em(ch, bold) if w is None else w) * factor
            if prev:
                pair = (prev, ch)
                ok = _pairs.get(pair)
                if ok is None:
                    if len(_pairs) > 100_000:
                        _pairs.clear()
                    ok = _pairs[pair] = _may_break(prev, ch)
                if ok:
                    brk = x
            if ch.isalpha() and not _char_class(ch) & _WIDE:
                if not word:
                    word_x = x
                word.append(ch)
            elif word:
                word = []
            x += w
            prev = ch
            if x <= width or ch.isspace():
                continue
            lines += 1
            if hyphenation and len(word) >= 5:
                points = [p for p in hyphen_points("".join(word), hyphenation) if p < len(word)]
                if points:  # the part of the word after the last point that fits moves on
                    per = (x - word_x) / len(word)
                    fit = [p for p in points if word_x + per * (p + 0.5) <= width]
                    if fit:
                        x, brk = per * (len(word) - fit[-1]), None
                        word = word[fit[-1]:]
                        word_x = 0.0
                        continue
            if brk is not None and brk > 0:
                x -= brk
                word_x -= brk
            else:
                x = w
                word_x = 0.0
            brk = None
    return lines


# -- flowables ----------------------------------------------------------------------------

@dataclass
class _Flow:
    pieces: list[float] = field(default_factory=list)  # heights of what cannot split: lines, rows
    before: float = 0.0
    after: float = 0.0
    keep_next: bool = False
    cond: float = 0.0  # a new page first when less room than this is left (CondPageBreak)
    page_break: bool = False
    anchor: str | None = None
    repeat: float = 0.0  # a table's header row, set again at the top of each page it continues on
    whole: bool = False  # never split (a chart with its caption)
    orphans: int = 1  # pieces that must stand together at the foot of a page

    @property
    def height(self) -> float:
        return sum(self.pieces) + self.repeat


class _Flows:
    def __init__(self, document: L.Document, tpl: Template):
        self.styles = text_styles(tpl)
        size = PAGE_SIZES["letter" if str(tpl.get("page.size", "A4")).lower() == "letter" else "a4"]
        self.text_w = size[0] - (float(tpl.get("page.margin_left_mm", 25)) + float(tpl.get("page.margin_right_mm", 22))) * MM
        self.frame_h = size[1] - (float(tpl.get("page.margin_top_mm", 25)) + float(tpl.get("page.margin_bottom_mm", 22))) * MM
        self.measure = _Measure(is_cjk_locale(document.locale))
        self.hyphenation = HYPHENATION_LANGS.get(document.locale, "")
        self.headings = [b for b in document.blocks if isinstance(b, L.Heading)]

    def para(self, runs, style: str, width: float | None = None, **kw) -> _Flow:
        st = self.styles[style]
        lines = count_lines(runs, (width if width is not None else self.text_w) - st.indent, st.size, self.measure,
                            self.hyphenation)
        return _Flow([st.leading] * lines, st.before, st.after, st.keep_next, orphans=2 if lines > 1 else 1, **kw)

    def block(self, b) -> list[_Flow]:
        if isinstance(b, L.Para):
            style = "bullet" if b.bullet else b.style if b.style in self.styles else "body"
            return [self.para(_runs(b.spans), style)]
        if isinstance(b, L.Heading):
            text = f"{b.number}  {b.text}" if b.number else b.text
            out = [self.para([(text, True, 1.0)], f"h{b.level}", anchor=b.anchor,
                              cond=COND_BREAK_HEADING if b.level < 3 else 0.0)]
            if b.level == 1:  # the rule under a chapter heading
                out.append(_Flow([0.8], after=8, keep_next=True))
            return out
        if isinstance(b, L.PageBreak):
            return [_Flow(page_break=True)]
        if isinstance(b, L.Toc):
            rows = []
            for h in self.headings:
                st = self.styles[f"toc{min(h.level, 3)}"]
                text = f"{h.number}  {h.text}" if h.number else h.text
                lines = count_lines([(text, h.level == 1, 1.0)], self.text_w - st.indent - 3 * st.size, st.size,
                                    self.measure)
                rows.append(lines * st.leading + st.before + 2)  # cell padding 1 + 1
            title = self.para([(b.title, True, 1.0)], "toc_title")
            return [title, _Flow([0.8], after=8), _Flow(rows)]
        if isinstance(b, L.Table):
            return [self.table(b)]
        if isinstance(b, L.Chart):
            cap = self.para([(b.title, False, 1.0)], "caption")
            return [_Flow([CHART_HEIGHT + cap.height], after=cap.after, whole=True)]
        return []

    def table(self, b: L.Table) -> _Flow:
        b = split_long_cells(b)
        widths = [w * self.text_w - 10 for w in b.widths]  # cell padding 5 + 5

        def row(cells, style: str) -> float:
            st = self.styles[style]
            lines = max((count_lines(_runs(c, st.bold), w, st.size, self.measure, self.hyphenation)
                         for c, w in zip(cells, widths, strict=False)), default=1)
            return lines * st.leading + 7.5  # cell padding 3.5 + 4

        head = row(b.header, "cell_head") if b.header else 0.0
        return _Flow([row(r, "cell") for r in b.rows], after=8, repeat=head)

    def story(self, document: L.Document) -> list[_Flow]:
        flows: list[_Flow] = []
        held: list[_Flow] = []
        for b in document.blocks:
            out = self.block(b)
            if held and isinstance(b, L.Table) and len(b.rows) > LONG_TABLE_ROWS:
                for f in held:  # pdf.py: a heading before a long table is kept with a few rows only
                    f.keep_next = False
                held[0].cond = max(held[0].cond, COND_BREAK_LONG_TABLE)
            held = out if isinstance(b, L.Heading) else []
            flows += out
        return flows


class _Pages:
    def __init__(self, frame_h: float):
        self.frame_h = frame_h
        self.page = 2  # the cover is page 1, the body starts on a new page
        self.room = frame_h
        self.at_top = True
        self.prev_after = 0.0
        self.pages: dict[str, int] = {}

    def new_page(self) -> None:
        self.page += 1
        self.room = self.frame_h
        self.at_top = True
        self.prev_after = 0.0

    def space(self, f: _Flow) -> float:
        return 0.0 if self.at_top else max(f.before - self.prev_after, 0.0)

    def cond_break(self, f: _Flow) -> None:
        """reportlab's CondPageBreak before ``f``: a new page when less room is left; and
        being a flowable of its own, it ends the space collapsing with the one before."""
        if f.cond:
            if self.room < f.cond and not self.at_top:
                self.new_page()
            self.prev_after = 0.0

    def place(self, f: _Flow) -> None:
        self.cond_break(f)
        s = self.space(f)
        pieces = list(f.pieces)
        if f.whole and s + f.height > self.room and not self.at_top:
            self.new_page()
            s = 0.0
        first = sum(pieces[:f.orphans]) + f.repeat
        if pieces and s + first > self.room and not self.at_top:
            self.new_page()
            s = 0.0
        if f.anchor:
            self.pages[f.anchor] = self.page
        self.room -= s + f.repeat
        for i, h in enumerate(pieces):
            if h > self.room + 1e-6 and not self.at_top and i:
                self.new_page()
                self.room -= f.repeat
            self.room -= h
            self.at_top = False
        self.room -= f.after
        self.prev_after = f.after
        if not pieces and f.height == 0 and f.after == 0:
            return
        self.at_top = False

    def run(self, flows: list[_Flow]) -> dict[str, int]:
        i = 0
        while i < len(flows):
            f = flows[i]
            if f.page_break:
                if not self.at_top:
                    self.new_page()
                i += 1
                continue
            group = [f]
            while group[-1].keep_next and i + len(group) < len(flows) and not flows[i + len(group)].page_break:
                group.append(flows[i + len(group)])
            if len(group) > 1:  # reportlab keeps them together: a new page when they do not fit
                self.cond_break(group[0])
                group[0].cond = 0.0  # done
                total = sum(g.height + g.after for g in group[:-1]) + group[-1].height + self.space(group[0])
                if total > self.room and total <= self.frame_h and not self.at_top:
                    self.new_page()
            for g in group:
                self.place(g)
            i += len(group)
        return self.pages


def heading_pages(document: L.Document, tpl: Template) -> dict[str, int]:
    """Heading anchor -> the page it starts on in the PDF writer's pagination (estimated)."""
    flows = _Flows(document, tpl)
    return _Pages(flows.frame_h).run(flows.story(document))
