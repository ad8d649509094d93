"""Shaping text for the page: names that never break, full-width punctuation in CJK books,
and paragraphs and table cells cut so that no single block outgrows a page."""

from __future__ import annotations

import re
from functools import lru_cache

from briefbook.core.text import has_cjk
from briefbook.export.layout_tree import Block, Heading, Para, SourceEntry, Span, Table
from briefbook.export.locale import fullwidth_punctuation

CELL_CHARS_PER_WIDTH = 2000  # characters per full text width a cell takes before continuing in a new row


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




# A column sized for its longest word in the narrowest text width a template gives
# (A4 with 25 + 22 mm margins) at the largest table font size, plus the cell's
# left and right padding, holds that word in every template.
NARROWEST_TEXT_PT = 462.0
TABLE_FONT_PT = 9.0
CELL_PADDING_PT = 14.0  # 5 pt a side in the PDF, Word's 0.08 in, and some slack
_UNBREAKABLE = re.compile(r"[^\s\-/\u00ad]+[\-/]?")  # a line may break at spaces, after - and /


def word_width_pt(word: str, size: float = TABLE_FONT_PT) -> float:
    """``word``'s width: Helvetica's metrics for Latin-1 (Liberation Sans, the Latin
    font of the PDF and the DOCX, has the same widths), one em for anything else."""
    table = _helvetica_latin1()
    return sum(size if ord(ch) >= 256 else table[ord(ch)] * size if table[ord(ch)] else _reportlab_width(ch, size)
               for ch in word)


@lru_cache(maxsize=1)
def _helvetica_latin1() -> list[float]:
    """Helvetica's width in em of each Latin-1 character, as reportlab's stringWidth gives
    it, read from reportlab's metrics modules alone (its pdfmetrics pulls in its
    configuration and Pillow, a tenth of a second).  WinAnsi has Latin-1 at its own
    codes; the C0 and C1 controls and DEL, which it has no glyph for, are left to
    reportlab (0.0 here)."""
    from reportlab.pdfbase._fontdata_enc_winansi import WinAnsiEncoding
    from reportlab.pdfbase._fontdata_widths_helvetica import widths

    return [widths.get(name, 0) / 1000 if name and (32 <= c < 127 or c >= 160) else 0.0
            for c, name in enumerate(WinAnsiEncoding[:256])]


def _reportlab_width(ch: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(ch, "Helvetica", size)


def fit_longest_word(widths: list[float], column: int, texts: list[str], cap: float = 0.3) -> list[float]:
    """``widths`` with ``column`` widened (up to ``cap`` of the text width) so that the
    longest word of ``texts`` fits on a line ("Delegationsleiter" is no longer cut
    into "Delegationsleite / r"); the room comes from the wider columns, in
    proportion to their width.  Longer words than ``cap`` holds are hyphenated."""
    longest = max((word_width_pt(w) for t in texts for w in _UNBREAKABLE.findall(t)), default=0.0)
    need = min(cap, (longest + CELL_PADDING_PT) / NARROWEST_TEXT_PT)
    if need <= widths[column]:
        return widths
    donors = [i for i, w in enumerate(widths) if i != column and w >= 0.15]
    pool = sum(widths[i] for i in donors)
    extra = need - widths[column]
    out = list(widths)
    out[column] = need
    for i in donors:
        out[i] -= extra * widths[i] / pool
    return out
