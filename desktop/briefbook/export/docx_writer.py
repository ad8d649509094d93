"""Layout tree -> DOCX with python-docx, plus the XML python-docx has no API for.

- East Asian font slot (w:eastAsia) in docDefaults and every style; the default
  template's theme font attributes are removed so they cannot override it.
- Citations are real footnotes, one per source per chapter: the first citation
  of a source in a chapter makes its footnote (the full entry the first time in
  the book, the short form after that), later ones in the chapter repeat its
  number through a NOTEREF field.  Word numbers them; the text has no "[n]".
- Heading numbers and lists from numbering.xml, every table in the table style
  "BB Table", rows that never split, header rows that repeat (docx_styles.py).
- A TOC field whose entries are written out with their page numbers, so it
  reads right before any update and Word has no reason to ask to update fields
  on opening (no w:updateFields).  The page numbers are the PDF writer's
  pagination of the same layout tree, estimated without setting it
  (paginate.py: the same styles, fonts and break rules, in a fraction of the
  time); both start the cover, the contents and every chapter on a new page,
  so the numbers agree as long as each chapter takes as many pages in Word as
  in the PDF.  Checked with LibreOffice 7.4 on the de, en, zh-Hans and ja demo
  books: every entry's page is the page its heading is on (a test converts the
  zh-Hans book and checks each entry).  A chapter that runs a page longer in
  Word (other fonts, footnotes at the foot) moves the later entries by one;
  Word's "Update Table" makes them exact.
- Header (title, classification on the right stop), footer (classification,
  "page X of Y" from PAGE/NUMPAGES fields), optional DRAFT watermark (the VML
  shape Word itself writes).
- The shipped fonts the document names are embedded in it, subset to its text
  (docx_fonts.py), so Word and LibreOffice show the right glyphs without them.
- Deterministic: fixed core-property dates and zip timestamps.
"""

from __future__ import annotations

import copy
import io
import os
import re
import time
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.oxml.shape import CT_Inline
from docx.shared import Mm

from briefbook.export import docx_styles
from briefbook.export import layout as L
from briefbook.export.charts import png_bytes
from briefbook.export.docx_fonts import embed_fonts
from briefbook.export.docx_page import _LANG, DocumentSetup, PageFurniture, _hex, clean
from briefbook.export.errors import ExportCancelled
from briefbook.export.fonts import (
    DOCX_CJK_FALLBACK,
    DOCX_LATIN_FALLBACK,
    SHARED_CJK_PUNCTUATION,
    cjk_book_text,
    font_codepoints,
    ja_font_codepoints,
    japanese_text,
)
from briefbook.export.layout_split import WORD_JOINER
from briefbook.export.locale import is_cjk_locale
from briefbook.export.ooxml_zip import read_parts, write_package
from briefbook.export.template import Template

# the characters a name's WORD JOINERs glue together, joiners included
_GLUED_NAME = re.compile(f"([^\\s{WORD_JOINER}]+(?:{WORD_JOINER}[^\\s{WORD_JOINER}]+)+)")


class _Writer(DocumentSetup, PageFurniture):
    def __init__(self, document: L.Document, tpl: Template, progress, cancel,
                 pages: dict[str, int] | None = None):
        self.d = document
        self.pages = pages or {}  # heading anchor -> page, from the PDF writer's pagination
        # footnotes: a source's first citation in a section makes its footnote, later
        # citations in that section point to the same footnote; in later sections the
        # footnote gives the short form, since the full one stood before
        self.section_notes: dict[int, tuple[int, str]] = {}  # source number -> (footnote id, bookmark)
        self.noted_sources: set[int] = set()
        self.list_counter = [0]
        self.list_num: int | None = None
        self.tpl = tpl
        self.progress = progress
        self.cancel = cancel
        self.doc = Document()
        self.body = self.doc.element.body
        self.footnotes: list[str] = []  # footnote texts; id = index + 1
        self.bookmark_id = 0
        self._next_pic_id: int | None = None  # shape id of the next chart picture
        self.pending_break = False
        self.accent = _hex(tpl.color("accent", "#1F3864"))
        self.muted = _hex(tpl.color("muted", "#5A5A5A"))
        self.latin = tpl.get("fonts.docx_latin", DOCX_LATIN_FALLBACK)
        self.east_asia = tpl.docx_east_asia(document.locale)
        self.japanese = document.locale == "ja"
        self.cjk_book = is_cjk_locale(document.locale)
        self.cjk_fallback = DOCX_CJK_FALLBACK
        self.body_size = float(tpl.get("fonts.body_size", 10.5))
        self.table_size = float(tpl.get("fonts.table_size", 9))
        self.small_size = float(tpl.get("fonts.small_size", 8.5))
        self.headings: list[L.Heading] = [b for b in document.blocks if isinstance(b, L.Heading)]
        self.heading_bm: dict[str, str] = {}
        self._style_ids: dict[str, str] = {}
        self.citations = tpl.get("docx.citations", "footnotes")
        sec = self.doc.sections[0]
        width, left, right = sec.page_width, sec.left_margin, sec.right_margin
        assert width is not None and left is not None and right is not None, "the template sets the page"
        self.text_width = width - left - right

    def _outside_japanese_font(self, text: str) -> bool:
        latin, cjk = font_codepoints()
        ja = ja_font_codepoints()
        return any((cp := ord(ch)) not in ja and cp not in latin and cp in cjk for ch in text)

    # -- styles ------------------------------------------------------------------
    def new_p(self, style: str | None = None, parent=None):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        if style:
            ps = OxmlElement("w:pStyle")
            sid = self._style_ids.get(style)
            if sid is None:
                sid = self._style_ids[style] = self.doc.styles[style].style_id
            ps.set(qn("w:val"), sid)
            ppr.append(ps)
        if self.pending_break and parent is None:
            ppr.append(OxmlElement("w:pageBreakBefore"))
            self.pending_break = False
        p.append(ppr)
        (parent if parent is not None else self.body).append(p)
        return p

    def run(self, p, text: str, bold=False, italic=False, color=None, size=None, style=None):
        """Append runs for ``text`` to ``p``; returns the last.  A CJK name the layout
        glued with WORD JOINERs gets a run of its own that names no East Asian language:
        LibreOffice breaks text of a CJK language between any two ideographs and
        ignores the joiners there, but keeps them in language-neutral text."""
        r = None
        for piece in _GLUED_NAME.split(text) if WORD_JOINER in text else (text,):
            if piece:
                r = self._run(p, piece, bold, italic, color, size, style, glued=WORD_JOINER in piece)
        return r if r is not None else self._run(p, text, bold, italic, color, size, style)

    def _run(self, p, text: str, bold, italic, color, size, style, glued: bool = False):
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        if style:
            rs = OxmlElement("w:rStyle")
            rs.set(qn("w:val"), style)
            rpr.append(rs)
        rf = OxmlElement("w:rFonts")
        if self.japanese and self._outside_japanese_font(text):
            # a Japanese book's font lacks this run's characters (a Simplified Chinese
            # quote): the run names the Chinese font, which the file embeds too
            rf.set(qn("w:eastAsia"), DOCX_CJK_FALLBACK)
        if self.cjk_book and not SHARED_CJK_PUNCTUATION.isdisjoint(text):
            # punctuation both fonts have (… “ ”) in the East Asian font, as the PDF sets it
            rf.set(qn("w:hint"), "eastAsia")
        if len(rf.attrib):
            rpr.append(rf)
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        if color:
            c = OxmlElement("w:color")
            c.set(qn("w:val"), color)
            rpr.append(c)
        if size:
            sz = OxmlElement("w:sz")
            sz.set(qn("w:val"), str(int(round(size * 2))))
            rpr.append(sz)
        if glued:
            lang = OxmlElement("w:lang")
            lang.set(qn("w:eastAsia"), "x-none")
            rpr.append(lang)
        if len(rpr):
            r.append(rpr)
        parts = clean(text).split("\n")
        for i, part in enumerate(parts):
            if i:
                r.append(OxmlElement("w:br"))
            if part:
                t = OxmlElement("w:t")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = part
                r.append(t)
        p.append(r)
        return r

    def spans(self, p, spans: list[L.Span], size=None) -> None:
        for sp in spans:
            if sp.cite is not None:
                self.footnote_ref(p, sp.cite)
            elif sp.link:
                self.hyperlink(p, sp.text, sp.link)
            else:
                self.run(p, sp.text, sp.bold, sp.italic, size=size)

    def footnote_ref(self, p, n: int) -> None:
        """A citation: a real, auto-numbered footnote whose text starts with the
        Sources number [n] (template docx.citations = "footnotes"), or a superscript
        [n] linked to the Sources entry ("brackets").  Custom footnote marks
        (customMarkFollows) would show [n] in the text, but LibreOffice 7.4 prints
        such marks twice."""
        if self.citations == "brackets":
            h = OxmlElement("w:hyperlink")
            h.set(qn("w:anchor"), f"src{n}")
            r = self.run(h, f"[{n}]", color=self.accent)
            r.find(qn("w:rPr")).append(parse_xml(f'<w:vertAlign {nsdecls("w")} w:val="superscript"/>'))
            p.append(h)
            return
        seen = self.section_notes.get(n)
        if seen is not None:
            # the same source again in this section: its footnote's number once more
            fid, bm = seen
            self.field(p, f"NOTEREF {bm} \\f \\h", str(fid), style="FootnoteReference")
            return
        entry = self.d.sources[n - 1] if 0 < n <= len(self.d.sources) else None
        text = (entry.short if n not in self.noted_sources else entry.brief) if entry else ""
        self.noted_sources.add(n)
        self.footnotes.append(text)
        fid = len(self.footnotes)
        bm = f"_BBNote{fid}"
        self.section_notes[n] = (fid, bm)
        r = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                      f'<w:footnoteReference w:id="{fid}"/></w:r>')
        self.bookmark_id += 1
        p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{self.bookmark_id}" w:name="{bm}"/>'))
        p.append(r)
        p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{self.bookmark_id}"/>'))

    def hyperlink(self, p, text: str, url: str) -> None:
        rid = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        h = OxmlElement("w:hyperlink")
        h.set(qn("r:id"), rid)
        self.run(h, text, color=self.accent)
        p.append(h)

    def bookmark(self, p, name: str, inner=None):
        self.bookmark_id += 1
        bs = OxmlElement("w:bookmarkStart")
        bs.set(qn("w:id"), str(self.bookmark_id))
        bs.set(qn("w:name"), name)
        be = OxmlElement("w:bookmarkEnd")
        be.set(qn("w:id"), str(self.bookmark_id))
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(bs)
        else:
            p.insert(0, bs)
        p.append(be)

    def field(self, p, instr: str, cached: str, size=None, color=None, style=None) -> None:
        def fc(kind):
            r = OxmlElement("w:r")
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), kind)
            r.append(f)
            return r

        p.append(fc("begin"))
        r = OxmlElement("w:r")
        it = OxmlElement("w:instrText")
        it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        it.text = f" {instr} "
        r.append(it)
        p.append(r)
        p.append(fc("separate"))
        self.run(p, cached, size=size, color=color, style=style)
        p.append(fc("end"))

    # -- blocks ------------------------------------------------------------------------
    def cover(self) -> None:
        c = self.d.cover
        if c.classification:
            p = self.new_p()
            p.find(qn("w:pPr")).append(parse_xml(f'<w:jc {nsdecls("w")} w:val="right"/>'))
            self.run(p, c.classification, bold=True, color="9C1C1C", size=self.body_size * 1.05)
        sp = self.new_p()
        # less air when the document-control block follows, so the cover stays one page
        # (the TOC's page numbers, taken from the PDF, count on it)
        before = (2400, 1200) if c.control else (3600, 2400)
        sp.find(qn("w:pPr")).append(parse_xml(f'<w:spacing {nsdecls("w")} w:before="{before[0]}"/>'))
        self.run(self.new_p("Title"), c.title)
        if c.subtitle:
            self.run(self.new_p("Subtitle"), c.subtitle)
        rule = self.new_p()
        rule.find(qn("w:pPr")).append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="1" w:color="{self.accent}"/></w:pBdr>'))
        if c.lines:
            rows = [[[L.Span(k)], [L.Span(v)]] for k, v in c.lines]
            self.table(L.Table([], rows, [0.25, 0.75], kind="cover"))
        if c.prepared:
            sp = self.new_p()
            sp.find(qn("w:pPr")).append(parse_xml(f'<w:spacing {nsdecls("w")} w:before="{before[1]}"/>'))
            self.run(sp, self.d.labels["prepared_by"], color=self.muted, size=self.small_size)
            self.run(self.new_p(), c.prepared)
        if c.control:  # document control: number, version, date, distribution
            self.new_p()
            self.table(L.Table([], [[[L.Span(k)], [L.Span(v)]] for k, v in c.control], [0.25, 0.75], kind="cover"))
        self.pending_break = True

    def toc(self, block: L.Toc) -> None:
        p = self.new_p("Heading 1")
        # not a numbered heading and not in the TOC itself: outline level 9 (body text)
        p.find(qn("w:pPr")).append(docx_styles.num_pr(0))  # numId 0: no heading number
        p.find(qn("w:pPr")).append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="9"/>'))
        self.run(p, block.title)
        first = self.new_p()
        for kind, instr in (("begin", None), (None, 'TOC \\o "1-3" \\h \\z \\u'), ("separate", None)):
            r = OxmlElement("w:r")
            if kind:
                f = OxmlElement("w:fldChar")
                f.set(qn("w:fldCharType"), kind)
                r.append(f)
            else:
                it = OxmlElement("w:instrText")
                it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                it.text = f" {instr} "
                r.append(it)
            first.append(r)
        target = first
        for i, h in enumerate(self.headings):
            p = target if i == 0 else self.new_p(f"toc {h.level}")
            if i == 0:
                ps = OxmlElement("w:pStyle")
                ps.set(qn("w:val"), f"TOC{h.level}")
                p.find(qn("w:pPr")).insert(0, ps)
            bm = self.heading_bm[h.anchor]
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), bm)
            link.set(qn("w:history"), "1")
            self.run(link, f"{h.number}  {h.text}" if h.number else h.text)
            r = OxmlElement("w:r")
            r.append(OxmlElement("w:tab"))
            link.append(r)
            page = self.pages.get(h.anchor)
            self.field(link, f"PAGEREF {bm} \\h", str(page) if page else "")
            p.append(link)
        end_p = self.new_p() if self.headings else first
        r = OxmlElement("w:r")
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), "end")
        r.append(f)
        end_p.append(r)
        self.pending_break = True

    def heading(self, h: L.Heading) -> None:
        if h.level == 1:
            self.section_notes = {}
        p = self.new_p(f"Heading {h.level}")
        if not h.number:
            p.find(qn("w:pPr")).append(docx_styles.num_pr(0))
        self.run(p, h.text)  # the number comes from numbering.xml
        self.bookmark(p, self.heading_bm[h.anchor])

    def para(self, b: L.Para) -> None:
        style = {"small": "BB Small", "muted": "BB Small", "quote": "BB Quote", "source": "BB Source",
                 "caption": "BB Caption", "item_title": "BB Item Title"}.get(b.style)
        if b.bullet:
            style = "BB Bullet"
        p = self.new_p(style)
        if b.bullet:
            if b.bullet == "•":
                num_id = docx_styles.BULLET_NUM
                self.list_num = None
            else:  # "1.", "2." ...: a numbered list, restarting at its "1."
                if b.bullet == "1." or self.list_num is None:
                    self.list_num = docx_styles.new_decimal_list(self.doc, self.list_counter)
                num_id = self.list_num
            p.find(qn("w:pPr")).append(docx_styles.num_pr(num_id))
        else:
            self.list_num = None
        if b.style == "source" and b.spans and b.spans[0].text.startswith("["):
            # the number of a Sources entry, then the entry; no footnote here
            self.run(p, b.spans[0].text, bold=True)
            self.spans(p, b.spans[1:])
        else:
            self.spans(p, b.spans)
        if b.anchor:
            self.bookmark(p, b.anchor)

    def table(self, t: L.Table) -> None:
        tw = int(self.text_width / 635)  # EMU -> twips
        widths = [max(1, int(w * tw)) for w in t.widths]
        rule = _hex(self.tpl.color("rule", "#8EA0BF"))
        cover = t.kind == "cover"
        del rule
        # borders, header shading and bands come from the named table style, so that
        # restyling "BB Table" in Word restyles every table; only conflicts are marked here
        style = docx_styles.COVER_TABLE_STYLE if cover else docx_styles.TABLE_STYLE
        first_row = "1" if t.header else "0"
        tbl = parse_xml(
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="{first_row}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="{1 if cover else 0}" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid></w:tbl>")
        if t.header:
            tbl.append(self._row(t.header, widths, header=True))
        for i, row in enumerate(t.rows):
            shade = "FCEBD9" if i in t.highlight else None
            tbl.append(self._row(row, widths, shade=shade, cover=cover))
        if self.pending_break:
            self.new_p()
        self.body.append(tbl)
        self.new_p("BB Cell")  # a little air after the table (and Word needs a paragraph between tables)

    def _row(self, cells, widths, header=False, shade=None, cover=False):
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        trpr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))  # a row never breaks across pages
        if header:
            trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        tr.append(trpr)
        for spans, w in zip(cells, widths, strict=False):
            tc = OxmlElement("w:tc")
            tcpr = parse_xml(f'<w:tcPr {nsdecls("w")}><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>')
            if shade:
                tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{shade}"/>'))
            tc.append(tcpr)
            p = self.new_p("BB Cell", parent=tc)
            if header:  # bold and colour from the table style's first row
                for sp in spans:
                    self.run(p, sp.text)
            elif cover:
                first = spans is cells[0]
                for sp in spans:
                    self.run(p, sp.text, color=self.muted if first else None,
                             size=self.body_size * (0.9 if first else 1.05))
            else:
                self.spans(p, spans)
            tr.append(tc)
        return tr

    def chart(self, c: L.Chart) -> None:
        png = png_bytes(c, "#" + self.accent, "#" + self.muted)
        p = self.new_p("BB Caption")
        p.find(qn("w:pPr")).append(parse_xml(f'<w:keepNext {nsdecls("w")}/>'))
        # python-docx's add_picture finds a free shape id by scanning every id of the
        # document for each picture (quadratic in a book of many charts): the ids are
        # counted here instead, from one scan at the first chart
        part = self.doc.part
        if self._next_pic_id is None:
            self._next_pic_id = part.next_id
        rid, image = part.get_or_add_image(io.BytesIO(png))
        cx, cy = image.scaled_dimensions(Mm(130), None)
        inline = CT_Inline.new_pic_inline(self._next_pic_id, rid, image.filename, cx, cy)
        self._next_pic_id += 1
        r = OxmlElement("w:r")
        drawing = OxmlElement("w:drawing")
        drawing.append(inline)
        r.append(drawing)
        p.append(r)
        self.run(self.new_p("BB Caption"), c.title)

    # -- header, footer, footnotes ---------------------------------------------------
    def write(self) -> DocxDocument:
        self.setup()
        for i, h in enumerate(self.headings, 1):
            self.heading_bm[h.anchor] = f"_Toc{i:06d}"
        # python-docx's template body has a sectPr; new paragraphs must go before it
        sect = self.body.find(qn("w:sectPr"))
        self.body.remove(sect)
        self.cover()
        total = max(1, len(self.d.blocks))
        for k, b in enumerate(self.d.blocks):
            if k % 50 == 0:
                if self.cancel():
                    raise ExportCancelled("Export cancelled.")
                if self.progress:
                    self.progress(0.1 + 0.8 * k / total, "Writing the Word document")
            if isinstance(b, L.Heading):
                self.heading(b)
            elif isinstance(b, L.Para):
                self.para(b)
            elif isinstance(b, L.Table):
                self.table(b)
            elif isinstance(b, L.Chart):
                self.chart(b)
            elif isinstance(b, L.PageBreak):
                self.pending_break = True
            elif isinstance(b, L.Toc):
                self.toc(b)
        self.body.append(sect)
        self.header_footer()
        self.footnotes_part()
        cp = self.doc.core_properties
        when = _fixed_time()
        cp.created = cp.modified = when
        cp.last_printed = when
        cp.title = clean(self.d.title)
        cp.author = "Briefbook"
        cp.last_modified_by = "Briefbook"
        cp.revision = 1
        cp.language = _LANG.get(self.d.locale, "en-GB")
        return self.doc


def _fixed_time() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    t = int(epoch) if epoch.isdigit() else int(time.time())
    return datetime.fromtimestamp(t, UTC).replace(tzinfo=None)


def write_docx(document: L.Document, tpl: Template, fileobj, progress=None, cancel=lambda: False) -> None:
    from briefbook.export.paginate import heading_pages

    if progress:
        progress(0.1, "Paginating the table of contents")
    # the TOC's page numbers: the pagination of the same layout tree as PDF (the DOCX
    # has the same page breaks before every chapter, so the numbers hold there)
    pages = heading_pages(document, tpl)
    if cancel():
        raise ExportCancelled("Export cancelled.")
    w = _Writer(copy.copy(document), tpl, progress, cancel, pages)
    with japanese_text(w.japanese), cjk_book_text(w.cjk_book):  # the charts' labels as the PDF sets them
        doc = w.write()
    if cancel():
        raise ExportCancelled("Export cancelled.")
    buf = io.BytesIO()
    doc.save(buf)
    if progress:
        progress(0.95, "Embedding the fonts")
    # the shipped fonts go into the file, subset to its text, so that it shows the
    # same glyphs on a machine without them; CJK text only takes the CJK font along
    parts = read_parts(buf.getvalue())
    fonts = embed_fonts(parts, [w.latin, w.east_asia, DOCX_CJK_FALLBACK])
    # fixed timestamps and permissions: the same content gives the same bytes
    fileobj.write(write_package({**parts, **fonts}, _fixed_time()))

