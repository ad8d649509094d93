"""The shipped fonts' codepoints read from the cmap tables alone (used by the DOCX
export and the chart images) are exactly the ones reportlab's full parse finds."""

from briefbook.export.fonts import CJK, LATIN, REPLACEMENT, font_codepoints, register_pdf_fonts, split_by_font


def test_cmap_codepoints_equal_reportlab_parse():
    latin, cjk = font_codepoints()
    rl_latin, rl_cjk = register_pdf_fonts()
    assert latin == rl_latin
    assert cjk == rl_cjk
    assert ord("ä") in latin and ord("青") not in latin and ord("青") in cjk


def test_split_by_font_runs():
    assert split_by_font("Qingdao 青岛 GmbH 😀") == [(LATIN, "Qingdao "), (CJK, "青岛 "), (LATIN, "GmbH "),
                                                   (CJK, REPLACEMENT)]
