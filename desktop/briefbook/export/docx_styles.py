"""The parts of a DOCX that make it behave like a document made in Word.

Heading numbers and lists come from numbering.xml (Word renumbers them when a
heading is added or moved, and "Define New Multilevel List" works on them);
every table uses the named table style "BB Table" (restyling it in Word restyles
every table); header and footer styles get tab stops for this page's text width
instead of python-docx's template stops for US Letter.  python-docx has no API
for any of these, so they are written as XML here.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# ids far above those in python-docx's default template
HEADING_ABSTRACT, BULLET_ABSTRACT, DECIMAL_ABSTRACT = 901, 902, 903
HEADING_NUM, BULLET_NUM = 901, 902
TABLE_STYLE, COVER_TABLE_STYLE = "BBTable", "BBCoverTable"

_W = nsdecls("w")


def _level(ilvl: int, fmt: str, text: str, left: int, hanging: int, pstyle: str | None = None) -> str:
    style = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>')


def add_numbering(doc, heading_indent: int = 0) -> None:
    """Heading 1-3 numbered 1 / 1.1 / 1.1.1, a bullet list and a decimal list."""
    numbering = doc.part.numbering_part.element
    heading_levels = "".join(
        _level(i, "decimal", ".".join(f"%{k + 1}" for k in range(i + 1)), heading_indent, heading_indent,
               f"Heading{i + 1}").replace("<w:lvlJc", '<w:suff w:val="space"/><w:lvlJc')
        for i in range(3))
    bullets = "".join(_level(i, "bullet", "•", 340 * (i + 1), 227) for i in range(3))
    decimals = "".join(_level(i, "decimal", f"%{i + 1}.", 340 * (i + 1), 340) for i in range(3))
    abstracts = [
        f'<w:abstractNum {_W} w:abstractNumId="{HEADING_ABSTRACT}"><w:multiLevelType w:val="multilevel"/>'
        f'{heading_levels}</w:abstractNum>',
        f'<w:abstractNum {_W} w:abstractNumId="{BULLET_ABSTRACT}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'{bullets}</w:abstractNum>',
        f'<w:abstractNum {_W} w:abstractNumId="{DECIMAL_ABSTRACT}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'{decimals}</w:abstractNum>',
    ]
    first_num = numbering.find(qn("w:num"))
    for xml in abstracts:
        el = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for num_id, abstract in ((HEADING_NUM, HEADING_ABSTRACT), (BULLET_NUM, BULLET_ABSTRACT)):
        numbering.append(parse_xml(f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>'))
    for level in (1, 2, 3):
        ppr = doc.styles[f"Heading {level}"].element.get_or_add_pPr()
        ppr._insert_numPr(num_pr(HEADING_NUM, level - 1))  # in schema order


def new_decimal_list(doc, counter: list[int]) -> int:
    """A numbering instance for one numbered list, restarting at 1."""
    counter[0] += 1
    num_id = 910 + counter[0]
    doc.part.numbering_part.element.append(parse_xml(
        f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{DECIMAL_ABSTRACT}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return num_id


def num_pr(num_id: int, ilvl: int = 0):
    return parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def add_table_styles(doc, rule: str, header_bg: str, header_color: str, stripe: str) -> None:
    """"BB Table": rules above and below, thin lines between rows, a shaded bold
    header row and banded rows; "BB Cover Table": no lines, for the cover."""
    styles = doc.styles.element
    margins = ('<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
               '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>')
    styles.append(parse_xml(
        f'<w:style {_W} w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE}"><w:name w:val="BB Table"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
        f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{rule}"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{rule}"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="D0D6E0"/></w:tblBorders>'
        f'{margins}</w:tblPr>'
        f'<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="{header_color}"/></w:rPr>'
        f'<w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:tcBorders>'
        f'<w:bottom w:val="single" w:sz="6" w:space="0" w:color="{rule}"/></w:tcBorders>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{header_bg}"/></w:tcPr></w:tblStylePr>'
        f'<w:tblStylePr w:type="band2Horz"><w:tblPr/><w:tcPr><w:shd w:val="clear" w:color="auto" '
        f'w:fill="{stripe}"/></w:tcPr></w:tblStylePr>'
        '</w:style>'))
    styles.append(parse_xml(
        f'<w:style {_W} w:type="table" w:customStyle="1" w:styleId="{COVER_TABLE_STYLE}">'
        '<w:name w:val="BB Cover Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        f'<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>{margins}</w:tblPr>'
        '</w:style>'))


def set_header_footer_tabs(doc, text_width_twips: int) -> None:
    """Header and Footer: a centre stop mid-text and a right stop at the right margin
    (the template's stops are for US Letter, so a right-aligned item landed mid-page)."""
    for name in ("Header", "Footer"):
        try:
            st = doc.styles[name]
        except KeyError:
            continue
        ppr = st.element.get_or_add_pPr()
        for tabs in ppr.findall(qn("w:tabs")):
            ppr.remove(tabs)
        ppr._insert_tabs(parse_xml(
            f'<w:tabs {_W}><w:tab w:val="center" w:pos="{text_width_twips // 2}"/>'
            f'<w:tab w:val="right" w:pos="{text_width_twips}"/></w:tabs>'))
