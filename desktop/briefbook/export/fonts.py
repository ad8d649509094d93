"""The fonts shipped under resources/fonts/ and their registration with reportlab.

Latin text uses Liberation Sans (regular/bold/italic/bold italic), everything
else WenQuanYi Micro Hei (TrueType outlines, so reportlab can embed a subset).
Japanese books set their CJK text in BIZ UDGothic instead (regular and bold):
Chinese fonts draw 直, 骨, 角, 令 and many more in their Chinese forms.  Text is
split into runs by which font has the glyph; a Japanese book falls back to
WenQuanYi for characters outside BIZ UDGothic's subset (e.g. a Simplified
Chinese quote).  ``japanese_text()`` switches the current export to the
Japanese font.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from briefbook.export.errors import ExportError
from briefbook.paths import resource

LATIN = "BB-Sans"
LATIN_BOLD = "BB-Sans-Bold"
LATIN_ITALIC = "BB-Sans-Italic"
LATIN_BOLDITALIC = "BB-Sans-BoldItalic"
CJK = "BB-CJK"
# WenQuanYi has no bold face: bold CJK text is drawn with this alias of the same
# embedded font, filled and stroked with a thin outline (see ``BoldCanvas``)
CJK_BOLD = "BB-CJK-Bold"
BOLD_STROKE = 0.035  # outline width as a fraction of the font size
JA = "BB-JA"
JA_BOLD = "BB-JA-Bold"  # a real bold face
BOLD_OF = {LATIN: LATIN_BOLD, CJK: CJK_BOLD, JA: JA_BOLD}

FONT_FILES = {
    LATIN: "LiberationSans-Regular.ttf",
    LATIN_BOLD: "LiberationSans-Bold.ttf",
    LATIN_ITALIC: "LiberationSans-Italic.ttf",
    LATIN_BOLDITALIC: "LiberationSans-BoldItalic.ttf",
    CJK: "wqy-microhei.ttc",
}
JA_FONT_FILES = {JA: "BIZUDGothic-Regular.ttf", JA_BOLD: "BIZUDGothic-Bold.ttf"}
# Family names of the shipped fonts, as DOCX files name them
DOCX_LATIN_FALLBACK = "Liberation Sans"
DOCX_CJK_FALLBACK = "WenQuanYi Micro Hei"
DOCX_JA = "BIZ UDGothic"

REPLACEMENT = "\u25a1"  # □ for characters no shipped font has (emoji, rare CJK extensions)


_japanese = ContextVar("japanese_text", default=False)
_cjk_book = ContextVar("cjk_book_text", default=False)

# Punctuation both the Latin and the CJK fonts draw, which a Chinese or Japanese book
# sets full-width in its CJK font (… “ ” ‘ ’ · — ※); the en dash of 10:00–11:30 and
# of Qingdao–Japan stays Latin.
SHARED_CJK_PUNCTUATION = frozenset("\u2018\u2019\u201c\u201d\u2026\u2025\u00b7\u2014\u2015\u2027\u203b")


def fonts_dir() -> Path:
    return resource("fonts")


@contextmanager
def japanese_text(enabled: bool = True) -> Iterator[None]:
    """While active, :func:`split_by_font` gives CJK text to the Japanese font
    (``JA``) where it has the glyph; exports of Japanese books run inside it."""
    token = _japanese.set(enabled)
    try:
        yield
    finally:
        _japanese.reset(token)


@contextmanager
def cjk_book_text(enabled: bool = True) -> Iterator[None]:
    """While active, :func:`split_by_font` sets ``SHARED_CJK_PUNCTUATION`` in the CJK
    font (the Japanese one inside ``japanese_text()``): exports of Chinese and Japanese
    books run inside it."""
    token = _cjk_book.set(enabled)
    try:
        yield
    finally:
        _cjk_book.reset(token)


def is_cjk_book_text() -> bool:
    return _cjk_book.get()


def is_japanese_text() -> bool:
    return _japanese.get()


def pdf_font(tag: str, bold: bool = False) -> str:
    """The reportlab font name for a run of ``split_by_font`` (``bold``: its bold face)."""
    return BOLD_OF[tag] if bold else tag


@lru_cache(maxsize=1)
def register_ja_pdf_fonts() -> frozenset[int]:
    """Register BIZ UDGothic (regular, bold) once, on the first Japanese book; returns
    its codepoints."""
    from reportlab.pdfbase import pdfmetrics

    fonts = {name: _load_ttf(name, file) for name, file in JA_FONT_FILES.items()}
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    from reportlab.lib.fonts import addMapping

    for i in (0, 1):
        addMapping(JA, 0, i, JA)  # no italic face
        addMapping(JA, 1, i, JA_BOLD)
    return frozenset(fonts[JA].face.charToGlyph)


def _load_ttf(name: str, file: str):
    from briefbook.export.font_cache import load_ttfont

    path = fonts_dir() / file
    if not path.is_file():
        raise ExportError(f"Font file missing: {path} — reinstall Briefbook or restore resources/fonts.")
    try:
        kw = {"subfontIndex": 0} if file.endswith(".ttc") else {}
        return load_ttfont(name, path, **kw)  # parsed once, then from the user's cache
    except Exception as exc:  # a damaged file
        raise ExportError(f"Font file cannot be used: {path.name} ({exc}).") from exc


@lru_cache(maxsize=1)
def register_pdf_fonts() -> tuple[frozenset[int], frozenset[int]]:
    """Register the shipped fonts once; returns (latin codepoints, cjk codepoints)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    fonts = {}
    for name, file in FONT_FILES.items():
        font = _load_ttf(name, file)
        pdfmetrics.registerFont(font)
        fonts[name] = font
    pdfmetrics.registerFont(_alias_font(CJK_BOLD, fonts[CJK]))
    addMapping(LATIN, 0, 0, LATIN)
    addMapping(LATIN, 1, 0, LATIN_BOLD)
    addMapping(LATIN, 0, 1, LATIN_ITALIC)
    addMapping(LATIN, 1, 1, LATIN_BOLDITALIC)
    for i in (0, 1):
        addMapping(CJK, 0, i, CJK)  # WenQuanYi has no italic face
        addMapping(CJK, 1, i, CJK_BOLD)  # nor a bold one: emulated
    # reportlab graphics start every drawing in Helvetica, which would be listed as an
    # unembedded font even when no text uses it.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = LATIN
    latin = frozenset(fonts[LATIN].face.charToGlyph)
    cjk = frozenset(fonts[CJK].face.charToGlyph)
    return latin, cjk


def _alias_font(name: str, base):
    """A second name for ``base`` that shares its glyph subsets, so the PDF embeds
    the font once: the name only tells the canvas to draw the text bold."""
    from reportlab.pdfbase.ttfonts import TTFont

    class _Alias(TTFont):
        def __init__(self):  # no second parse of the file
            self.__dict__.update(base.__dict__)
            self.fontName = name
            self._base = base

        def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 (reportlab's name)
            return self._base.splitString(text, doc, encoding)

        def getSubsetInternalName(self, subset, doc):  # noqa: N802
            return self._base.getSubsetInternalName(subset, doc)

        def addObjects(self, doc):  # noqa: N802 (the base font writes the subsets)
            pass

    return _Alias()


def bold_canvas_class():
    """A reportlab Canvas whose text objects draw ``CJK_BOLD`` text in render mode
    2 (fill, then stroke the outline in the fill colour): emulated bold that
    pdftotext still reads once."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject, fp_str

    class BoldTextObject(PDFTextObject):
        def _formatText(self, text):  # noqa: N802 (reportlab's name)
            code = super()._formatText(text)
            if self._fontname != CJK_BOLD or not code:
                return code
            fill = getattr(self, "_fillColorObj", None) or getattr(self._canvas, "_fillColorObj", None)
            try:
                c = colors.toColor(fill) if fill is not None else colors.black
                stroke = f"{fp_str(c.red, c.green, c.blue)} RG"
            except (ValueError, AttributeError, TypeError):
                stroke = "0 0 0 RG"
            width = fp_str(self._fontsize * BOLD_STROKE)
            return f"2 Tr {width} w {stroke} {code} 0 Tr"

    class BoldCanvas(Canvas):
        def beginText(self, x=0, y=0, direction=None):  # noqa: N802
            return BoldTextObject(self, x, y, direction=direction)

    return BoldCanvas


_WS = re.compile(r"\s")


@lru_cache(maxsize=1)
def font_codepoints() -> tuple[frozenset[int], frozenset[int]]:
    """(latin, cjk) codepoints the shipped fonts have, read from their cmap tables
    alone: the DOCX export and the chart images need only these, and reportlab's
    full TrueType parse (metrics, glyph offsets of 30,000 CJK glyphs) costs seconds.
    The sets equal reportlab's ``charToGlyph`` keys (a test compares them)."""
    return _cmap_codepoints(fonts_dir() / FONT_FILES[LATIN]), _cmap_codepoints(fonts_dir() / FONT_FILES[CJK])


@lru_cache(maxsize=1)
def ja_font_codepoints() -> frozenset[int]:
    """Codepoints of BIZ UDGothic (regular and bold share one character set)."""
    return _cmap_codepoints(fonts_dir() / JA_FONT_FILES[JA])


def _cmap_codepoints(path: Path) -> frozenset[int]:
    """Codepoints of the cmap subtable reportlab chooses (the last Unicode one),
    formats 4 and 12; plus U+00A0 or U+0020 when only the other is mapped, as
    reportlab adds it.  Other formats fall back to reportlab's parse."""
    if not path.is_file():
        raise ExportError(f"Font file missing: {path} — reinstall Briefbook or restore resources/fonts.")
    from briefbook.export import disk_cache

    # kept in the export's disk cache under the font's content hash: parsing the cmap
    # of a CJK font costs a tenth of a short export
    name = f"cmap-{path.name}-{disk_cache.file_digest(path)}-{_CMAP_FORMAT}"
    try:
        return disk_cache.cached_codepoints(name, lambda: _parsed_codepoints(path))
    except (ValueError, KeyError, struct.error):
        if path.name == JA_FONT_FILES[JA]:
            return register_ja_pdf_fonts()
        latin, cjk = register_pdf_fonts()
        return latin if path.name == FONT_FILES[LATIN] else cjk


_CMAP_FORMAT = "cp1"  # bump when what _parsed_codepoints answers changes


def _parsed_codepoints(path: Path) -> frozenset[int]:
    points = set(cmap_codepoints(path.read_bytes()))
    if 0x20 in points or 0xA0 in points:
        points.update((0x20, 0xA0))
    return frozenset(points)


def cmap_codepoints(data: bytes) -> frozenset[int]:
    """The codepoints of the last Unicode cmap subtable of a TrueType file (sub-font 0
    of a collection), formats 4 and 12; ValueError, KeyError or struct.error for
    anything else."""
    base = struct.unpack_from(">I", data, 12)[0] if data[:4] == b"ttcf" else 0  # sub-font 0
    (num_tables,) = struct.unpack_from(">H", data, base + 4)
    tables = {data[base + 12 + 16 * i: base + 16 + 16 * i]: struct.unpack_from(">I", data, base + 20 + 16 * i)[0]
              for i in range(num_tables)}
    cmap = tables[b"cmap"]
    _version, count = struct.unpack_from(">HH", data, cmap)
    sub = None
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            sub = cmap + offset
    if sub is None:
        raise ValueError("no Unicode cmap")
    (fmt,) = struct.unpack_from(">H", data, sub)
    points: set[int] = set()
    if fmt == 4:
        seg = struct.unpack_from(">H", data, sub + 6)[0] // 2
        ends = struct.unpack_from(f">{seg}H", data, sub + 14)
        starts = struct.unpack_from(f">{seg}H", data, sub + 16 + 2 * seg)
        for start, end in zip(starts, ends, strict=True):
            points.update(range(start, end + 1))
    elif fmt == 12:
        (groups,) = struct.unpack_from(">I", data, sub + 12)
        for i in range(groups):
            start, end, _glyph = struct.unpack_from(">III", data, sub + 16 + 12 * i)
            points.update(range(start, end + 1))
    else:
        raise ValueError(f"cmap format {fmt}")
    return frozenset(points)


def split_by_font(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font, text) runs: Latin font where it has the glyph,
    then (inside ``japanese_text()``) the Japanese font, then the CJK font;
    characters none has become □.  Inside ``cjk_book_text()`` the punctuation of
    ``SHARED_CJK_PUNCTUATION`` goes to the CJK font first."""
    latin, cjk = font_codepoints()
    ja = ja_font_codepoints() if _japanese.get() else frozenset()
    cjk_punct = SHARED_CJK_PUNCTUATION if _cjk_book.get() else frozenset()
    runs: list[tuple[str, str]] = []
    cur_font: str | None = None
    buf: list[str] = []
    for ch in text:
        cp = ord(ch)
        if ch == "\u2060":  # WORD JOINER (inside a name): no glyph; the line breaker takes it out
            font = cur_font or CJK
        elif ch in cjk_punct and (cp in ja or cp in cjk):
            font = JA if cp in ja else CJK
        elif cp in latin or ch in "\n\t":
            font = LATIN
        elif cp in ja:
            font = JA
        elif cp in cjk:
            font = CJK
        else:
            font, ch = (CJK, REPLACEMENT)
        # spaces stay with the run they are in, so a Latin phrase is not cut into pieces
        if ch == " " and cur_font is not None:
            font = cur_font
        if cur_font is not None and font != cur_font and buf:
            runs.append((cur_font, "".join(buf)))
            buf = []
        cur_font = font
        buf.append(ch)
    if cur_font is not None and buf:
        runs.append((cur_font, "".join(buf)))
    return runs
