"""Layout tree -> PDF with reportlab platypus.

Embedded fonts only (Liberation Sans + WenQuanYi Micro Hei, subset by
reportlab), real page numbers in a clickable table of contents, a PDF outline,
"page X of Y" footers (the page count comes from the previous layout pass).
"""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from briefbook.export import layout as L
from briefbook.export.charts import pdf_drawing
from briefbook.export.errors import ExportCancelled
from briefbook.export.fonts import (
    LATIN,
    LATIN_BOLD,
    bold_canvas_class,
    cjk_book_text,
    japanese_text,
    pdf_font,
    register_ja_pdf_fonts,
    register_pdf_fonts,
    split_by_font,
)
from briefbook.export.linebreak import HYPHENATION_LANGS, CJKParagraph
from briefbook.export.locale import is_cjk_locale
from briefbook.export.template import Template

LONG_TABLE_ROWS = 8


def _markup_text(text: str, bold: bool = False) -> str:
    """Markup for ``text`` with CJK runs in the CJK font.  ``bold``: the text is bold
    (a bold style or a <b> span); <font name> resets reportlab's bold flag, so a bold
    CJK run names its bold font (real or emulated) itself."""
    out = []
    for font, chunk in split_by_font(text):
        esc = escape(chunk).replace("\n", "<br/>")
        out.append(esc if font == LATIN else f'<font name="{pdf_font(font, bold)}">{esc}</font>')
    return "".join(out)


def _has_cjk(text: str) -> bool:
    return any(font != LATIN for font, _ in split_by_font(text))


class _Styles:
    def __init__(self, tpl: Template, locale: str = "en"):
        self.tpl = tpl
        body = float(tpl.get("fonts.body_size", 10.5))
        lead = float(tpl.get("fonts.leading", 1.45))
        small = float(tpl.get("fonts.small_size", 8.5))
        tsize = float(tpl.get("fonts.table_size", 9))
        self.accent = tpl.color("accent", "#1F3864")
        self.muted = tpl.color("muted", "#5A5A5A")
        after = float(tpl.get("spacing.paragraph_after_pt", 6))
        hb = float(tpl.get("spacing.heading_before_pt", 14))
        ha = float(tpl.get("spacing.heading_after_pt", 6))
        # German and English text is hyphenated (reportlab's own breaker and ours both use pyphen)
        base = dict(fontName=LATIN, textColor=colors.HexColor("#1A1A1A"), alignment=TA_LEFT,
                    hyphenationLang=HYPHENATION_LANGS.get(locale, ""))
        self.s = {
            "body": ParagraphStyle("body", fontSize=body, leading=body * lead, spaceAfter=after, **base),
            "small": ParagraphStyle("small", fontSize=small, leading=small * 1.35, spaceAfter=2, **base),
            "muted": ParagraphStyle("muted", **{**base, "textColor": colors.HexColor(self.muted)},
                                    fontSize=small, leading=small * 1.35, spaceAfter=after / 2),
            "quote": ParagraphStyle("quote", **{**base, "textColor": colors.HexColor("#333333")},
                                    fontSize=body * 0.92, leading=body * 0.92 * lead, leftIndent=14,
                                    spaceAfter=after, borderPadding=(0, 0, 0, 6)),
            "item_title": ParagraphStyle("item_title", fontSize=body, leading=body * lead, spaceBefore=after,
                                         spaceAfter=1, keepWithNext=1, **base),
            "source": ParagraphStyle("source", fontSize=body * 0.9, leading=body * 0.9 * 1.4, leftIndent=22,
                                     firstLineIndent=-22, spaceAfter=after / 2, **base),
            "caption": ParagraphStyle("caption", **{**base, "textColor": colors.HexColor(self.muted),
                                                     "alignment": TA_CENTER},
                                      fontSize=small, leading=small * 1.3, spaceAfter=after * 1.5),
            "cell": ParagraphStyle("cell", fontSize=tsize, leading=tsize * 1.3, **base),
            "cell_head": ParagraphStyle("cell_head", **{**base, "fontName": LATIN_BOLD,
                                                        "textColor": colors.HexColor(self.accent)},
                                        fontSize=tsize, leading=tsize * 1.3),
            "bullet": ParagraphStyle("bullet", fontSize=body, leading=body * lead, spaceAfter=after / 2,
                                     leftIndent=16, bulletIndent=4, bulletFontName=LATIN, **base),
        }
        for level in (1, 2, 3):
            size = tpl.heading_size(level)
            self.s[f"h{level}"] = ParagraphStyle(
                f"h{level}", fontName=LATIN_BOLD, fontSize=size, leading=size * 1.3,
                textColor=colors.HexColor(self.accent if level < 3 else "#1A1A1A"),
                spaceBefore=hb * (1.2 if level == 1 else 1.0 if level == 2 else 0.7), spaceAfter=ha, keepWithNext=1)
        ct = float(tpl.get("fonts.cover_title_size", 26))
        self.s["cover_title"] = ParagraphStyle("cover_title", fontName=LATIN_BOLD, fontSize=ct, leading=ct * 1.25,
                                               textColor=colors.HexColor(self.accent), spaceAfter=8)
        self.s["cover_sub"] = ParagraphStyle("cover_sub", fontName=LATIN, fontSize=ct * 0.55, leading=ct * 0.75,
                                             textColor=colors.HexColor("#333333"), spaceAfter=14)
        self.s["cover_label"] = ParagraphStyle("cover_label", fontName=LATIN, fontSize=body * 0.9,
                                               leading=body * 1.3, textColor=colors.HexColor(self.muted))
        self.s["cover_value"] = ParagraphStyle("cover_value", fontName=LATIN, fontSize=body * 1.05,
                                               leading=body * 1.45, textColor=colors.HexColor("#1A1A1A"))
        self.s["toc_title"] = ParagraphStyle("toc_title", parent=self.s["h1"], keepWithNext=0)

    def para(self, markup: str, style: str | ParagraphStyle, plain: str = "", bullet: str | None = None,
             own_breaker: bool = False):
        st = self.s[style] if isinstance(style, str) else style
        if own_breaker or _has_cjk(plain or markup):
            st = ParagraphStyle(st.name + "_cjk", parent=st, wordWrap="CJK")
            return CJKParagraph(markup, st, bulletText=bullet)
        return Paragraph(markup, st, bulletText=bullet)


def _spans_markup(spans: list[L.Span], accent: str, bold: bool = False) -> str:
    out = []
    for sp in spans:
        if sp.cite is not None:
            out.append(f'<super><a href="#src{sp.cite}" color="{accent}">[{sp.cite}]</a></super>')
            continue
        m = _markup_text(sp.text, bold or sp.bold)
        if sp.link:
            m = f'<a href="{escape(sp.link, {chr(34): "&quot;"})}" color="{accent}">{m}</a>'
        if sp.italic:
            m = f"<i>{m}</i>"
        if sp.bold:
            m = f"<b>{m}</b>"
        out.append(m)
    return "".join(out)


def _plain(spans: list[L.Span]) -> str:
    return "".join(sp.text for sp in spans)


class _PageCounter(Flowable):
    """An indexing flowable that keeps multiBuild going until the page count is stable,
    so "page X of Y" is right on the final pass."""

    def __init__(self, doc: _Doc):
        super().__init__()
        self.doc = doc
        self._prev = None

    def isIndexing(self):  # noqa: N802
        return 1

    def beforeBuild(self):  # noqa: N802
        self._prev = self.doc.total_pages

    def afterBuild(self):  # noqa: N802
        self.doc.total_pages = self.doc.last_page

    def isSatisfied(self):  # noqa: N802
        return self._prev == self.doc.total_pages

    def notify(self, kind, stuff):
        pass

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


def _skip_draw(*args, **kw) -> None:
    return None


class _Frame(Frame):
    """A frame that only lays out on the first pass: multiBuild's first pass is
    never the one saved (``_PageCounter`` is not satisfied before a second pass),
    so drawing its text, tables and charts is wasted work (a third of the time)."""

    def _add(self, flowable, canv, trySplit=0):
        if not getattr(canv, "bb_dry", False):
            return super()._add(flowable, canv, trySplit)
        # an instance attribute hides the method for this call (set through __dict__:
        # reportlab's Drawing validates attribute names)
        flowable.__dict__["drawOn"] = _skip_draw
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            flowable.__dict__.pop("drawOn", None)

    add = _add  # Frame binds ``add`` to its own ``_add``


def _canvas_maker(all_dry: bool = False):
    """The canvas class for each multiBuild pass: pass 1 is a dry run (every pass when
    only the layout is wanted: ``heading_pages``)."""
    bold_canvas = bold_canvas_class()
    made = 0

    def make(*args, **kw):
        nonlocal made
        made += 1
        canv = bold_canvas(*args, **kw)
        canv.bb_dry = all_dry or made == 1
        return canv

    return make


class _Doc(BaseDocTemplate):
    def __init__(self, filename, document: L.Document, styles: _Styles, progress, cancel, **kw):
        super().__init__(filename, **kw)
        self.document = document
        self.styles = styles
        self.total_pages: int | None = None
        self.last_page = 0
        self.progress = progress
        self.cancel = cancel
        self.n_flowables = 1
        self.done = 0
        self.pass_no = 0
        self.outline_level = -1
        self.heading_pages: dict[str, int] = {}  # heading anchor -> page, from the last pass

    def beforeDocument(self):  # noqa: N802
        self.pass_no += 1
        self.done = 0
        self.outline_level = -1
        self.heading_pages = {}

    def afterPage(self):  # noqa: N802
        self.last_page = self.canv.getPageNumber()

    def afterFlowable(self, flowable):  # noqa: N802
        self.done += 1
        if self.done % 25 == 0:
            if self.cancel():
                raise ExportCancelled("Export cancelled.")
            if self.progress:
                frac = min(0.99, 0.1 + 0.85 * ((self.pass_no - 1) + self.done / self.n_flowables) / 3)
                self.progress(frac, f"Laying out pages (pass {self.pass_no})")
        info = getattr(flowable, "_bb_heading", None)
        if info:
            level, text, toc_markup, key = info
            c = self.canv
            c.bookmarkPage(key)
            olevel = min(level - 1, self.outline_level + 1)
            self.outline_level = olevel
            c.addOutlineEntry(text, key, level=olevel, closed=level > 1)
            self.notify("TOCEntry", (level - 1, toc_markup, self.page, key))
            self.heading_pages[key] = self.page


def _draw_text(canv, x: float, y: float, text: str, size: float, align: str = "left", bold: bool = False) -> None:
    runs = split_by_font(text)
    fonts = [(pdf_font(f, bold), t) for f, t in runs]
    total = sum(stringWidth(t, f, size) for f, t in fonts)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for f, t in fonts:
        canv.setFont(f, size)
        canv.drawString(x, y, t)
        x += stringWidth(t, f, size)


def _fit(text: str, size: float, width: float) -> str:
    while text and sum(stringWidth(t, pdf_font(f), size) for f, t in split_by_font(text)) > width:
        text = text[:-2] + "…"
    return text


def write_pdf(document: L.Document, tpl: Template, fileobj, progress=None, cancel=lambda: False,
              layout_only: bool = False) -> dict[str, int]:
    """Write the PDF; returns the page of each heading (anchor -> page number).  With
    ``layout_only`` the pages are laid out but their text, tables and charts not drawn.
    A Japanese book sets its CJK text in the Japanese font; a Chinese or Japanese book
    its CJK punctuation (… “ ”) in its CJK font."""
    register_pdf_fonts()
    japanese = document.locale == "ja"
    if japanese:
        register_ja_pdf_fonts()
    with japanese_text(japanese), cjk_book_text(is_cjk_locale(document.locale)):
        return _write_pdf(document, tpl, fileobj, progress, cancel, layout_only)


def _write_pdf(document: L.Document, tpl: Template, fileobj, progress, cancel, layout_only: bool) -> dict[str, int]:
    st = _Styles(tpl, document.locale)
    accent = st.accent
    page_size = letter if str(tpl.get("page.size", "A4")).lower() == "letter" else A4
    mt = float(tpl.get("page.margin_top_mm", 25)) * mm
    mb = float(tpl.get("page.margin_bottom_mm", 22)) * mm
    ml = float(tpl.get("page.margin_left_mm", 25)) * mm
    mr = float(tpl.get("page.margin_right_mm", 22)) * mm
    pw, ph = page_size
    text_w = pw - ml - mr
    invariant = 1 if os.environ.get("SOURCE_DATE_EPOCH") else 0

    doc = _Doc(fileobj, document, st, progress, cancel, pagesize=page_size, leftMargin=ml, rightMargin=mr,
               topMargin=mt, bottomMargin=mb, title=document.title, author="Briefbook",
               subject=document.cover.subtitle or document.title, creator="Briefbook", producer="Briefbook",
               invariant=invariant, initialFontName=LATIN, lang=document.locale)
    frame = _Frame(ml, mb, text_w, ph - mt - mb, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    wm_color = colors.HexColor(tpl.color("watermark", "#C8C8C8"))
    classification = document.classification
    footer_fmt = document.labels["page_x_of_y"]

    def watermark(canv):
        if not document.draft:
            return
        canv.saveState()
        canv.setFillColor(wm_color, alpha=0.35)
        canv.translate(pw / 2, ph / 2)
        canv.rotate(45)
        _draw_text(canv, 0, -30, document.labels["draft"], 96, align="center", bold=True)
        canv.restoreState()

    def on_cover(canv, d):
        canv.saveState()
        watermark(canv)
        if classification:
            canv.setFont(LATIN_BOLD, 11)
            w = sum(stringWidth(t, pdf_font(f, True), 11) for f, t in split_by_font(classification))
            canv.setStrokeColor(colors.HexColor("#9C1C1C"))
            canv.setFillColor(colors.HexColor("#9C1C1C"))
            canv.setLineWidth(1)
            canv.rect(pw - mr - w - 16, ph - mt + 2, w + 16, 22, stroke=1, fill=0)
            _draw_text(canv, pw - mr - 8, ph - mt + 9, classification, 11, align="right", bold=True)
            _draw_text(canv, pw / 2, mb - 26, classification, 9, align="center", bold=True)
        canv.setFillColor(colors.HexColor(accent))
        canv.rect(0, 0, 12 * mm, ph, stroke=0, fill=1)
        canv.restoreState()

    def on_body(canv, d):
        canv.saveState()
        watermark(canv)
        canv.setFillColor(colors.HexColor(st.muted))
        y = ph - mt + 10
        half = text_w * 0.62
        _draw_text(canv, ml, y, _fit(document.title, 8, half), 8)
        if classification:
            canv.setFillColor(colors.HexColor("#9C1C1C"))
            _draw_text(canv, pw - mr, y, _fit(classification, 8, text_w - half - 10), 8, align="right", bold=True)
        canv.setStrokeColor(colors.HexColor(tpl.color("rule", "#8EA0BF")))
        canv.setLineWidth(0.5)
        canv.line(ml, y - 4, pw - mr, y - 4)
        canv.line(ml, mb - 14, pw - mr, mb - 14)
        canv.setFillColor(colors.HexColor(st.muted))
        total = d.total_pages if d.total_pages else d.last_page or canv.getPageNumber()
        footer = footer_fmt.format(page=canv.getPageNumber(), pages=total)
        if classification:
            # the marking stands at the foot of every page too, centred; the page number moves right
            _draw_text(canv, pw - mr, mb - 26, footer, 8, align="right")
            canv.setFillColor(colors.HexColor("#9C1C1C"))
            _draw_text(canv, pw / 2, mb - 26, _fit(classification, 8, text_w * 0.55), 8, align="center", bold=True)
        else:
            _draw_text(canv, pw / 2, mb - 26, footer, 8, align="center")
        canv.restoreState()

    doc.addPageTemplates([PageTemplate("cover", [frame], onPage=on_cover),
                          PageTemplate("body", [frame], onPage=on_body)])

    story: list = [_PageCounter(doc)]
    story += _cover(document, st, text_w)
    story.append(NextPageTemplate("body"))
    story.append(PageBreak())
    headings = [b for b in document.blocks if isinstance(b, L.Heading)]
    held: list = []  # the flowables of the last heading, kept with what follows
    for block in document.blocks:
        flows = _block(block, st, text_w, accent, tpl, headings)
        if held and isinstance(block, L.Table) and len(block.rows) > LONG_TABLE_ROWS:
            # reportlab moves a heading kept with a table longer than the space left to
            # the next page as a whole, leaving a gap: keep it with a few rows instead
            for f in held:
                f.keepWithNext = 0
            pos = len(story) - len(held)
            story.insert(pos, CondPageBreak(45 * mm))
        held = [f for f in flows if getattr(f, "_bb_heading", None) or isinstance(f, HRFlowable)] \
            if isinstance(block, L.Heading) else []
        story.extend(flows)
    doc.n_flowables = max(1, len(story))
    if layout_only:
        # The TOC is seeded with its final entries (``_block``), so the first pass lays the
        # pages out as the last would: one pass, nothing drawn, nothing saved.
        for f in story:
            if isinstance(f, TableOfContents):
                f._lastEntries = f._entries[:]
        doc._doSave = 0
        doc.build(story, canvasmaker=_canvas_maker(all_dry=True))
        return dict(doc.heading_pages)
    doc.multiBuild(story, maxPasses=6, canvasmaker=_canvas_maker())
    return dict(doc.heading_pages)


def heading_pages(document: L.Document, tpl: Template, cancel=lambda: False) -> dict[str, int]:
    """The page each heading starts on when the layout tree is set as PDF: what the DOCX
    writer's table of contents estimates without setting the book (paginate.py; the
    tests compare the two)."""
    import io

    return write_pdf(document, tpl, io.BytesIO(), None, cancel, layout_only=True)


def _cover(document: L.Document, st: _Styles, text_w: float) -> list:
    c = document.cover
    out: list = [Spacer(1, 55 * mm)]
    out.append(st.para(_markup_text(c.title, bold=True), "cover_title", c.title))
    if c.subtitle:
        out.append(st.para(_markup_text(c.subtitle), "cover_sub", c.subtitle))
    out.append(HRFlowable(width="100%", thickness=1.5, color=colors.HexColor(st.accent), spaceBefore=4,
                          spaceAfter=16))
    rows = [[st.para(_markup_text(k), "cover_label", k), st.para(_markup_text(v), "cover_value", v)]
            for k, v in c.lines]
    if rows:
        t = Table(rows, colWidths=[text_w * 0.25, text_w * 0.75])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), LATIN), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        out.append(t)
    if c.prepared:
        out.append(Spacer(1, 40 * mm))
        label = document.labels["prepared_by"]
        out.append(st.para(_markup_text(label), "cover_label", label))
        out.append(st.para(_markup_text(c.prepared), "cover_value", c.prepared))
    if c.control:  # document control: number, version, date, distribution
        out.append(Spacer(1, 10 * mm))
        rows = [[st.para(_markup_text(k), "cover_label", k),
                 st.para(_markup_text(v), "small", v)] for k, v in c.control]
        t = Table(rows, colWidths=[text_w * 0.25, text_w * 0.75])
        # FONTNAME: else the table sets Helvetica, which would stand unembedded in the PDF
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), LATIN),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.HexColor(st.muted))]))
        out.append(t)
    return out


def _block(block, st: _Styles, text_w: float, accent: str, tpl: Template, headings=()) -> list:
    if isinstance(block, L.Para):
        markup = _spans_markup(block.spans, accent)
        if block.anchor:
            markup = f'<a name="{block.anchor}"/>' + markup
        plain = _plain(block.spans)
        if block.bullet:
            bullet = block.bullet
            return [st.para(markup, "bullet", plain, bullet=bullet)]
        return [st.para(markup, block.style if block.style in st.s else "body", plain)]
    if isinstance(block, L.Heading):
        text = f"{block.number}  {block.text}" if block.number else block.text
        markup = _markup_text(text, bold=True)
        p = st.para(markup, f"h{block.level}", text)
        p._bb_heading = (block.level, text, _toc_markup(block), block.anchor)
        out = [CondPageBreak(60 * mm)] if block.level < 3 else []
        out.append(p)
        if block.level == 1:
            hr = HRFlowable(width="100%", thickness=0.8, color=colors.HexColor(tpl.color("rule", "#8EA0BF")),
                            spaceBefore=0, spaceAfter=8)
            hr.keepWithNext = 1
            out.append(hr)
        return out
    if isinstance(block, L.PageBreak):
        return [PageBreak()]
    if isinstance(block, L.Toc):
        toc = TableOfContents(dotsMinLevel=0, tableStyle=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), LATIN), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            # rows as tight as Word's TOC styles: the DOCX's TOC takes its page numbers from
            # this pagination, so a PDF TOC that spills onto a second page where Word's
            # fits on one would number every entry a page too high there
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        base = st.s["body"]
        toc.levelStyles = [
            ParagraphStyle("toc1", parent=base, fontName=LATIN_BOLD, fontSize=base.fontSize, leftIndent=0,
                           firstLineIndent=0, spaceBefore=6, leading=base.fontSize * 1.5, wordWrap="CJK"),
            ParagraphStyle("toc2", parent=base, fontSize=base.fontSize * 0.95, leftIndent=18, firstLineIndent=0,
                           spaceBefore=0, leading=base.fontSize * 1.4, wordWrap="CJK"),
            ParagraphStyle("toc3", parent=base, fontSize=base.fontSize * 0.9, leftIndent=36, firstLineIndent=0,
                           leading=base.fontSize * 1.35, textColor=colors.HexColor(st.muted), wordWrap="CJK"),
        ]
        toc.dotsMinLevel = 0
        # Seed the TOC with its final entries and placeholder page numbers so the first
        # pass already lays out pages as the last will: two passes instead of three.
        toc._entries = [(h.level - 1, _toc_markup(h), 888, h.anchor) for h in headings]
        return [st.para(_markup_text(block.title, bold=True), "toc_title", block.title),
                HRFlowable(width="100%", thickness=0.8, color=colors.HexColor(tpl.color("rule", "#8EA0BF")),
                           spaceAfter=8), toc]
    if isinstance(block, L.Table):
        return [_table(block, st, text_w, accent, tpl)]
    if isinstance(block, L.Chart):
        d = pdf_drawing(block, min(text_w, 130 * mm), accent, st.muted)
        cap = st.para(_markup_text(block.title), "caption", block.title)
        return [KeepTogether([d, cap])]
    return []


def _toc_markup(h: L.Heading) -> str:
    """A TOC line: level 1 is set bold like its heading, levels 2 and 3 regular."""
    return _markup_text(f"{h.number}  {h.text}" if h.number else h.text, bold=h.level == 1)


def _table(block: L.Table, st: _Styles, text_w: float, accent: str, tpl: Template):
    block = L.split_long_cells(block)
    widths = [w * text_w for w in block.widths]
    data = []
    if block.header:
        data.append([st.para(_spans_markup(c, accent, bold=True), "cell_head", _plain(c), own_breaker=True)
                     for c in block.header])
    # narrow columns: our breaker also breaks after hyphens and slashes (10:00-|11:30)
    for row in block.rows:
        data.append([st.para(_spans_markup(c, accent), "cell", _plain(c), own_breaker=True) for c in row])
    if not data:
        return Spacer(1, 0)
    repeat = 1 if block.header else 0
    t = Table(data, colWidths=widths, repeatRows=repeat, hAlign="LEFT")
    rule = colors.HexColor(tpl.color("rule", "#8EA0BF"))
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), LATIN),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#D0D6E0")),
    ]
    if block.header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(tpl.color("table_header_bg", "#DCE3EE"))),
                 ("LINEABOVE", (0, 0), (-1, 0), 1, rule), ("LINEBELOW", (0, 0), (-1, 0), 0.8, rule)]
    else:
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 0.8, rule)]
    off = 1 if block.header else 0
    stripe = colors.HexColor(tpl.color("table_stripe", "#F4F6FA"))
    for i in range(len(block.rows)):
        if i % 2 == 1:
            cmds.append(("BACKGROUND", (0, i + off), (-1, i + off), stripe))
    for i in block.highlight:
        cmds.append(("BACKGROUND", (0, i + off), (-1, i + off), colors.HexColor("#FCEBD9")))
        cmds.append(("LINEBEFORE", (0, i + off), (0, i + off), 2.5, colors.HexColor(tpl.color("conflict", "#B45F06"))))
    t.setStyle(TableStyle(cmds))
    t.spaceAfter = 8
    return t
