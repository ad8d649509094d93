"""The shipped fonts' codepoints read from the cmap tables alone (used by the DOCX
export and the chart images) are exactly the ones reportlab's full parse finds."""

import pytest

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


def test_japanese_text_uses_the_japanese_font_and_falls_back_to_the_chinese_one():
    from briefbook.export.fonts import JA, ja_font_codepoints, japanese_text, register_ja_pdf_fonts

    assert ja_font_codepoints() == register_ja_pdf_fonts()
    with japanese_text():
        # 贸 (Simplified Chinese) is outside the Japanese subset: WenQuanYi draws it
        assert split_by_font("直骨 Tokyo 贸易") == [(JA, "直骨 "), (LATIN, "Tokyo "), (CJK, "贸"), (JA, "易")]
    assert split_by_font("直骨") == [(CJK, "直骨")]  # other books keep the Chinese font


def test_japanese_subset_covers_jis_x_0208_and_windows_additions():
    from briefbook.export.fonts import ja_font_codepoints

    ja = ja_font_codepoints()
    jis = set()
    for lead in range(0xA1, 0xFF):
        for trail in range(0xA1, 0xFF):
            try:
                jis.add(ord(bytes((lead, trail)).decode("euc_jp")))
            except (UnicodeDecodeError, TypeError):
                continue
    assert len(jis) > 6800 and jis <= ja
    assert {ord(c) for c in "髙﨑①々〆ヶｱ"} <= ja


def test_a_cjk_book_sets_its_punctuation_in_its_cjk_font():
    """… “ ” · both fonts draw: a Chinese or Japanese book takes them from its CJK font
    (the Japanese one in a Japanese book); the en dash between digits stays Latin, and
    a German or English book keeps them all Latin."""
    from briefbook.export.fonts import JA, cjk_book_text, japanese_text

    text = "访问…“JETRO”·10:00–11:30"
    assert split_by_font(text) == [(CJK, "访问"), (LATIN, "…“JETRO”·10:00–11:30")]
    with cjk_book_text():
        assert split_by_font(text) == [(CJK, "访问…“"), (LATIN, "JETRO"), (CJK, "”·"), (LATIN, "10:00–11:30")]
        with japanese_text():
            assert split_by_font("訪問…“JETRO”") == [(JA, "訪問…“"), (LATIN, "JETRO"), (JA, "”")]


def test_one_statement_of_the_subsets_covers_the_shipped_japanese_font():
    """The ``japanese`` set (font_subsets) that packaging/make_ja_font.py cuts BIZ UDGothic
    to holds every character of the shipped font; the DOCX ``chinese`` set extends the
    ``latin`` one by GB 2312 and Big5."""
    from briefbook.export.font_subsets import character_set
    from briefbook.export.fonts import ja_font_codepoints

    japanese, latin, chinese = (character_set(n) for n in ("japanese", "latin", "chinese"))
    assert ja_font_codepoints() - {0x20, 0xA0} <= japanese
    assert len(ja_font_codepoints() & japanese) > 7000
    assert latin < chinese and {ord(c) for c in "青島经貿…“"} <= chinese and ord("青") not in latin
    with pytest.raises(ValueError):
        character_set("korean")
