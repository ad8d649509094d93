"""The fixed character sets the shipped fonts are cut to, and the cut itself, stated once.

- ``latin``: Latin, Greek, Cyrillic and general punctuation, for Liberation Sans in a DOCX;
- ``chinese``: that plus GB 2312, Big5, CJK symbols and kana, and the full-width forms,
  for WenQuanYi Micro Hei in a DOCX;
- ``japanese``: JIS X 0208 (level 1 and 2 kanji, kana, symbols), the Windows code page
  932 additions (NEC and IBM extensions: 髙, 﨑, ①…), the 2010 Jōyō kanji outside JIS
  X 0208, half-width katakana, full-width forms, Latin-1 and general punctuation: the
  BIZ UDGothic that Briefbook ships (packaging/make_ja_font.py), embedded as it is.

A DOCX embeds the same bytes for a face in every book (export/docx_fonts.py says why).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

_LATIN_RANGES = ((0x20, 0x530), (0x1E00, 0x1F00), (0x2000, 0x2300), (0x25A0, 0x2600), (0xFB00, 0xFB07))
# 2010 revision of the Jōyō kanji: characters outside JIS X 0208 (in JIS X 0213)
JOYO_2010_EXTRA = "𠮟塡剝頰"
SET_NAMES = ("latin", "chinese", "japanese")


def double_byte(codec: str, leads: range, trails: range) -> set[int]:
    """The characters of every (lead, trail) byte pair that ``codec`` (GB 2312, Big5,
    EUC-JP, cp932) decodes to one character.  The pairs are decoded in one go, a
    newline after each: no lead byte of these codecs takes a newline as its trail, so
    an invalid pair turns into U+FFFD (or several characters) without swallowing the
    next one."""
    pairs = b"\n".join(bytes((lead, trail)) for lead in leads for trail in trails)
    return {ord(ch) for ch in pairs.decode(codec, "replace").split("\n") if len(ch) == 1 and ch != "\ufffd"}


@lru_cache(maxsize=4)
def character_set(name: str) -> frozenset[int]:
    """The fixed characters of a subset: ``latin``, ``chinese`` or ``japanese``."""
    if name not in SET_NAMES:
        raise ValueError(f"unknown character set {name!r}")
    if name == "japanese":
        points = double_byte("euc_jp", range(0xA1, 0xFF), range(0xA1, 0xFF))  # JIS X 0208 (EUC-JP's two bytes)
        points |= double_byte("cp932", range(0x81, 0xFD), range(0x40, 0xFD))  # Shift JIS + NEC/IBM extensions
        points |= {ord(c) for c in JOYO_2010_EXTRA}
        points |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))  # ASCII, Latin-1
        points |= set(range(0x2010, 0x2060))  # general punctuation (dashes, quotes, …, ‥)
        points |= set(range(0x3000, 0x3100))  # CJK symbols and punctuation, hiragana, katakana
        points |= set(range(0x31F0, 0x3200))  # katakana phonetic extensions (small ㇰ…)
        points |= set(range(0xFF01, 0xFFF0))  # full-width and half-width forms
        return frozenset(points)
    points = {cp for start, end in _LATIN_RANGES for cp in range(start, end)}
    if name == "chinese":
        points |= double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
        points |= double_byte("big5", range(0xA1, 0xFA), range(0x40, 0xFF))
        points |= set(range(0x3000, 0x3100)) | set(range(0xFF00, 0xFFF0))
    return frozenset(points)


# fontTools subsetting options (their names and values): the DOCX cache names its
# subsets by them (export/docx_fonts.py)
SUBSET_OPTIONS: dict[str, object] = {
    "name_IDs": ["*"],  # keep copyright, licence and URL records
    "name_languages": ["*"],
    "notdef_outline": True,
    # no OpenType layout tables: Word and LibreOffice set horizontal text without them,
    # and their glyph closure is the slowest part of subsetting
    "layout_features": [],
    "ignore_missing_unicodes": True,
}
EXTRA_DROPPED = ("DSIG", "FFTM", "meta")  # signature, tool stamps


def subset_font(src: Path, points: frozenset[int] | set[int], **overrides: object) -> bytes:
    """The TrueType font ``src`` (sub-font 0 of a collection) cut down to the glyphs of
    ``points``, with its name, OS/2 and licence records intact; ``overrides`` change
    ``SUBSET_OPTIONS`` (the Japanese font keeps its layout features, drops hinting)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    for option, value in {**SUBSET_OPTIONS, **overrides}.items():
        setattr(options, option, value)
    options.drop_tables = [*options.drop_tables, *EXTRA_DROPPED]
    # glyphs keep their stored bounds: recomputing them decodes and re-encodes every
    # outline, nine tenths of the time for a CJK font
    font = TTFont(str(src), fontNumber=0, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
