"""The fonts shipped under resources/fonts/ and their registration with reportlab.

Latin text uses Liberation Sans (regular/bold/italic/bold italic), everything
else WenQuanYi Micro Hei (TrueType outlines, so reportlab can embed a subset).
Text is split into runs by which font has the glyph.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from briefbook.export.errors import ExportError
from briefbook.paths import resource

LATIN = "BB-Sans"
LATIN_BOLD = "BB-Sans-Bold"
LATIN_ITALIC = "BB-Sans-Italic"
LATIN_BOLDITALIC = "BB-Sans-BoldItalic"
CJK = "BB-CJK"

FONT_FILES = {
    LATIN: "LiberationSans-Regular.ttf",
    LATIN_BOLD: "LiberationSans-Bold.ttf",
    LATIN_ITALIC: "LiberationSans-Italic.ttf",
    LATIN_BOLDITALIC: "LiberationSans-BoldItalic.ttf",
    CJK: "wqy-microhei.ttc",
}
# Names written into DOCX files for LibreOffice/Word (fonts are not embedded there).
DOCX_LATIN_FALLBACK = "Liberation Sans"
DOCX_CJK_FALLBACK = "WenQuanYi Micro Hei"

REPLACEMENT = "\u25a1"  # □ for characters no shipped font has (emoji, rare CJK extensions)


def fonts_dir() -> Path:
    return resource("fonts")


@lru_cache(maxsize=1)
def register_pdf_fonts() -> tuple[frozenset[int], frozenset[int]]:
    """Register the shipped fonts once; returns (latin codepoints, cjk codepoints)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = {}
    for name, file in FONT_FILES.items():
        path = fonts_dir() / file
        if not path.is_file():
            raise ExportError(f"Font file missing: {path} — reinstall Briefbook or restore resources/fonts.")
        try:
            kw = {"subfontIndex": 0} if file.endswith(".ttc") else {}
            font = TTFont(name, str(path), **kw)
        except Exception as exc:  # a damaged file
            raise ExportError(f"Font file cannot be used: {path.name} ({exc}).") from exc
        pdfmetrics.registerFont(font)
        fonts[name] = font
    addMapping(LATIN, 0, 0, LATIN)
    addMapping(LATIN, 1, 0, LATIN_BOLD)
    addMapping(LATIN, 0, 1, LATIN_ITALIC)
    addMapping(LATIN, 1, 1, LATIN_BOLDITALIC)
    for b in (0, 1):
        for i in (0, 1):
            addMapping(CJK, b, i, CJK)  # WenQuanYi has no bold or italic face
    # reportlab graphics start every drawing in Helvetica, which would be listed as an
    # unembedded font even when no text uses it.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = LATIN
    latin = frozenset(fonts[LATIN].face.charToGlyph)
    cjk = frozenset(fonts[CJK].face.charToGlyph)
    return latin, cjk


_WS = re.compile(r"\s")


def split_by_font(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font, text) runs: Latin font where it has the glyph,
    the CJK font otherwise; characters neither has become □."""
    latin, cjk = register_pdf_fonts()
    runs: list[tuple[str, str]] = []
    cur_font, buf = None, []
    for ch in text:
        cp = ord(ch)
        if cp in latin or ch in "\n\t":
            font = LATIN
        elif cp in cjk:
            font = CJK
        else:
            font, ch = (CJK, REPLACEMENT)
        # spaces stay with the run they are in, so a Latin phrase is not cut into pieces
        if ch == " " and cur_font is not None:
            font = cur_font
        if font != cur_font and buf:
            runs.append((cur_font, "".join(buf)))
            buf = []
        cur_font = font
        buf.append(ch)
    if buf:
        runs.append((cur_font, "".join(buf)))
    return runs
