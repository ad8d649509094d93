"""The parts of the DOCX writer that set up the document and its page: styles, fonts and
language (DocumentSetup); header, footer, DRAFT watermark and the footnotes part
(PageFurniture).  Mixins of docx_writer._Writer; they use its state."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.shared import Mm, Pt, RGBColor

from briefbook.export import docx_styles

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_LANG = {"en": "en-GB", "de": "de-DE", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "ja": "ja-JP"}




def clean(text: str) -> str:
    # the WORD JOINERs between the characters of a CJK name stay: Word and LibreOffice
    # treat U+2060 as an invisible format character and break no line at it
    return _INVALID_XML.sub("", text)


def _xml_text(text: str) -> str:
    """``text`` as XML character data (xml.sax.saxutils.escape, whose module pulls in
    urllib and http: a tenth of a second of an export)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _hex(color: str) -> str:
    return color.lstrip("#").upper()


class DocumentSetup:
    """Styles, fonts, numbering and language of a new document."""

    if TYPE_CHECKING:  # the writer/builder it is mixed into holds the state these methods use
        def __getattr__(self, name: str) -> Any: ...


    def setup(self) -> None:
        doc, tpl = self.doc, self.tpl
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin = Mm(float(tpl.get("page.margin_top_mm", 25)))
        sec.bottom_margin = Mm(float(tpl.get("page.margin_bottom_mm", 22)))
        sec.left_margin = Mm(float(tpl.get("page.margin_left_mm", 25)))
        sec.right_margin = Mm(float(tpl.get("page.margin_right_mm", 22)))
        sec.header_distance = Mm(10)
        sec.footer_distance = Mm(10)
        self.text_width = sec.page_width - sec.left_margin - sec.right_margin
        styles_el = doc.styles.element
        # drop theme fonts everywhere, then name our fonts explicitly
        for rf in styles_el.iter(qn("w:rFonts")):
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rf.attrib.pop(qn(attr), None)
        defaults = styles_el.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        self._set_fonts(rpr)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), _LANG.get(self.d.locale, "en-GB"))
        lang.set(qn("w:eastAsia"), {"zh-Hant": "zh-TW", "ja": "ja-JP"}.get(self.d.locale, "zh-CN"))
        for st in styles_el.findall(qn("w:style")):
            if st.get(qn("w:type")) in ("paragraph", "character", "table"):
                srpr = st.find(qn("w:rPr"))
                if srpr is None:
                    srpr = OxmlElement("w:rPr")
                    st.append(srpr)
                self._set_fonts(srpr)
        normal = doc.styles["Normal"]
        normal.font.size = Pt(self.body_size)
        pf = normal.paragraph_format
        pf.space_after = Pt(float(tpl.get("spacing.paragraph_after_pt", 6)))
        pf.line_spacing = float(tpl.get("fonts.leading", 1.45)) * 0.85
        for level in (1, 2, 3):
            hs = doc.styles[f"Heading {level}"]
            hs.font.size = Pt(tpl.heading_size(level))
            hs.font.bold = True
            hs.font.italic = False
            hs.font.color.rgb = RGBColor.from_string(self.accent if level < 3 else "1A1A1A")
            hs.paragraph_format.space_before = Pt(float(tpl.get("spacing.heading_before_pt", 14)) * (1.2 if level == 1 else 1))
            hs.paragraph_format.space_after = Pt(float(tpl.get("spacing.heading_after_pt", 6)))
            hs.paragraph_format.keep_with_next = True
            if level == 1:
                ppr = hs.element.get_or_add_pPr()
                bdr = parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="4" '
                                f'w:color="{_hex(tpl.color("rule", "#8EA0BF"))}"/></w:pBdr>')
                ppr.append(bdr)
        title = doc.styles["Title"]
        title.font.size = Pt(float(tpl.get("fonts.cover_title_size", 26)))
        title.font.color.rgb = RGBColor.from_string(self.accent)
        title.font.bold = True
        ttl_ppr = title.element.get_or_add_pPr()
        for b in ttl_ppr.findall(qn("w:pBdr")):
            ttl_ppr.remove(b)
        sub = doc.styles["Subtitle"]
        sub.font.size = Pt(float(tpl.get("fonts.cover_title_size", 26)) * 0.55)
        sub.font.italic = False
        sub.font.color.rgb = RGBColor.from_string("333333")
        self._para_style("BB Small", self.small_size, color=self.muted, after=3)
        self._para_style("BB Quote", self.body_size * 0.92, color="333333", indent=Mm(6), after=6)
        self._para_style("BB Source", self.body_size * 0.9, indent=Mm(8), hanging=Mm(8), after=3)
        self._para_style("BB Cell", self.table_size, after=0, line=1.1)
        self._para_style("BB Caption", self.small_size, color=self.muted, after=10, center=True)
        self._para_style("BB Bullet", self.body_size, indent=Mm(6), hanging=Mm(4), after=3)
        self._para_style("BB Item Title", self.body_size, after=1, keep=True, before=6)
        for level in (1, 2, 3):
            st = self._para_style(f"toc {level}", self.body_size * (1, 0.95, 0.9)[level - 1], indent=Mm(6 * (level - 1)),
                                  after=2 if level > 1 else 3, bold=level == 1, before=6 if level == 1 else 0)
            st.element.set(qn("w:styleId"), f"TOC{level}")
            ppr = st.element.get_or_add_pPr()
            tabs = parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="right" w:leader="dot" '
                             f'w:pos="{int(self.text_width / 635)}"/></w:tabs>')
            ppr.insert(0, tabs)
        self._para_style("Footnote Text", self.small_size, after=0).element.set(qn("w:styleId"), "FootnoteText")
        fr = doc.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        fr.element.set(qn("w:styleId"), "FootnoteReference")
        fr.font.superscript = True
        fr.font.color.rgb = RGBColor.from_string(self.accent)
        self._set_fonts(fr.element.get_or_add_rPr())
        # heading numbers, lists, table styles, header tab stops: Word's own structures.
        # No w:updateFields: the TOC is written with its page numbers, so Word has
        # nothing to ask about on opening.
        docx_styles.add_numbering(self.doc)
        docx_styles.add_table_styles(self.doc, _hex(tpl.color("rule", "#8EA0BF")),
                                     _hex(tpl.color("table_header_bg", "#DCE3EE")), self.accent,
                                     _hex(tpl.color("table_stripe", "#F4F6FA")))
        docx_styles.set_header_footer_tabs(self.doc, int(self.text_width / 635))

    def _set_fonts(self, rpr) -> None:
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts")
            rpr.insert(0, rf)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rf.attrib.pop(qn(attr), None)
        rf.set(qn("w:ascii"), self.latin)
        rf.set(qn("w:hAnsi"), self.latin)
        rf.set(qn("w:cs"), self.latin)
        rf.set(qn("w:eastAsia"), self.east_asia)

    def _para_style(self, name, size, color=None, indent=None, hanging=None, after=6, line=None, center=False,
                    keep=False, bold=False, before=0):
        st = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = self.doc.styles["Normal"]
        st.font.size = Pt(size)
        st.font.bold = bold
        if color:
            st.font.color.rgb = RGBColor.from_string(color)
        pf = st.paragraph_format
        pf.space_after = Pt(after)
        pf.space_before = Pt(before)
        if indent is not None:
            pf.left_indent = indent
        if hanging is not None:
            pf.first_line_indent = -hanging
        if line:
            pf.line_spacing = line
        if center:
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if keep:
            pf.keep_with_next = True
        self._set_fonts(st.element.get_or_add_rPr())
        return st

    # -- inline content --------------------------------------------------------------

class PageFurniture:
    """What stands on every page, and the footnotes part."""

    if TYPE_CHECKING:  # the writer/builder it is mixed into holds the state these methods use
        def __getattr__(self, name: str) -> Any: ...


    def header_footer(self) -> None:
        sec = self.doc.sections[0]
        sec.different_first_page_header_footer = True
        hdr = sec.header
        p = hdr.paragraphs[0]._p
        self._fill_p_header(p)
        if self.d.classification:
            # the marking at the foot of every page as well, centred above the page number
            for footer in (sec.footer, sec.first_page_footer):
                mp = footer.paragraphs[0]._p
                mp.get_or_add_pPr().append(parse_xml(f'<w:jc {nsdecls("w")} w:val="center"/>'))
                self.run(mp, self.d.classification, size=8, bold=True, color="9C1C1C")
                footer.add_paragraph()
        ftr = sec.footer.paragraphs[-1]._p
        ftr.get_or_add_pPr().append(parse_xml(f'<w:jc {nsdecls("w")} w:val="center"/>'))
        fmt = self.d.labels["page_x_of_y"]
        for i, piece in enumerate(re.split(r"(\{page\}|\{pages\})", fmt)):
            if piece == "{page}":
                self.field(ftr, "PAGE", "1", size=8, color=self.muted)
            elif piece == "{pages}":
                self.field(ftr, "NUMPAGES", "1", size=8, color=self.muted)
            elif piece:
                self.run(ftr, piece, size=8, color=self.muted)
            del i
        if self.d.draft:
            self._watermark(hdr.paragraphs[0]._p)
            first = sec.first_page_header
            self._watermark(first.paragraphs[0]._p)

    def _fill_p_header(self, p) -> None:
        ppr = p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="4" '
                             f'w:color="{_hex(self.tpl.color("rule", "#8EA0BF"))}"/></w:pBdr>'))
        # the style's stops are centre and right; the marking goes to the right one
        self.run(p, self.d.title, size=8, color=self.muted)
        if self.d.classification:
            for _ in range(2):
                r = OxmlElement("w:r")
                r.append(OxmlElement("w:tab"))
                p.append(r)
            self.run(p, self.d.classification, size=8, bold=True, color="9C1C1C")

    def _watermark(self, p) -> None:
        text = clean(self.d.labels["draft"]).replace('"', "")
        xml = (
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w10="urn:schemas-microsoft-com:office:word"><w:rPr><w:noProof/></w:rPr><w:pict>'
            '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
            'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
            '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
            '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
            '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
            '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
            'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
            '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
            '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s1025" type="#_x0000_t136" '
            'style="position:absolute;margin-left:0;margin-top:0;width:430pt;height:140pt;rotation:315;'
            'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
            'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
            f'fillcolor="#{_hex(self.tpl.color("watermark", "#C8C8C8"))}" stroked="f">'
            '<v:fill opacity=".5"/>'
            f'<v:textpath style="font-family:&quot;{self.latin}&quot;;font-size:1pt" string="{text}"/>'
            '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>')
        p.append(parse_xml(xml))

    def footnotes_part(self) -> None:
        if not self.footnotes:
            return
        parts = [f'<w:footnotes {nsdecls("w", "r")}>',
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
                 'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
                 'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
        for i, rest in enumerate(self.footnotes, 1):
            # as in run(): a Japanese book names the Chinese font for text its own font lacks
            rpr = (f'<w:rPr><w:rFonts w:eastAsia="{self.cjk_fallback}"/></w:rPr>'
                   if self.japanese and self._outside_japanese_font(rest) else "")
            parts.append(
                f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{_xml_text(clean(rest))}</w:t></w:r></w:p></w:footnote>')
        parts.append("</w:footnotes>")
        blob = "".join(parts).encode("utf-8")
        blob = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + blob
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)

    # -- the whole document --------------------------------------------------------------
