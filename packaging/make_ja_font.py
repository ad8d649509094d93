"""Build resources/fonts/BIZUDGothic-{Regular,Bold}.ttf: subsets of BIZ UDGothic for Japanese books.

Japanese text needs Japanese glyph forms (直, 骨, 角, 令 differ from the Chinese ones),
and reportlab embeds TrueType outlines only, which rules out Noto Sans CJK (CFF).
BIZ UDGothic (SIL OFL 1.1, no Reserved Font Name) is TrueType; the full font holds
~14,000 glyphs (4.6 MB a weight).  The subset keeps what Japanese newspaper and
ministry text uses: JIS X 0208 (level 1 and 2 kanji, kana, symbols), the Windows
code page 932 additions (NEC and IBM extensions: 髙, 﨑, ①…), the 2010 Jōyō kanji
outside JIS X 0208, half-width katakana, full-width forms and Latin-1.  Characters
outside the subset fall back to WenQuanYi Micro Hei in the PDF export.

The source is Debian's package ``fonts-morisawa-bizud-gothic`` (1.05), unpacked
without installing it:

    apt-get download fonts-morisawa-bizud-gothic
    dpkg-deb -x fonts-morisawa-bizud-gothic_*_all.deb /tmp/bizud
    pip install -e .        # fonttools is one of Briefbook's dependencies
    python packaging/make_ja_font.py /tmp/bizud/usr/share/fonts/truetype/bizud-gothic

Hinting instructions are dropped (PDF viewers and LibreOffice render unhinted
outlines well at print sizes); that and the subset bring each weight to ~3 MB.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

WEIGHTS = ("Regular", "Bold")
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"

# 2010 revision of the Jōyō kanji: characters outside JIS X 0208 (in JIS X 0213)
JOYO_2010_EXTRA = "𠮟塡剝頰"


def _double_byte(codec: str, leads: range, trails: range) -> set[int]:
    points = set()
    for lead in leads:
        for trail in trails:
            try:
                ch = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                points.add(ord(ch))
    return points


def japanese_codepoints() -> set[int]:
    points = _double_byte("euc_jp", range(0xA1, 0xFF), range(0xA1, 0xFF))  # JIS X 0208 (two bytes of EUC-JP)
    points |= _double_byte("cp932", range(0x81, 0xFD), range(0x40, 0xFD))  # Shift JIS + NEC/IBM extensions
    points |= {ord(c) for c in JOYO_2010_EXTRA}
    points |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))  # ASCII, Latin-1
    points |= set(range(0x2010, 0x2060))  # general punctuation (dashes, quotes, …, ‥)
    points |= set(range(0x3000, 0x3100))  # CJK symbols and punctuation, hiragana, katakana
    points |= set(range(0x31F0, 0x3200))  # katakana phonetic extensions (small ㇰ…)
    points |= set(range(0xFF01, 0xFFF0))  # full-width and half-width forms
    return points


def subset(src: Path, dst: Path, points: set[int]) -> None:
    from fontTools import subset as ftsubset
    from fontTools.ttLib import TTFont

    options = ftsubset.Options()
    options.hinting = False
    options.layout_features = ["locl", "ccmp", "liga", "kern", "vert", "vrt2", "fwid", "hwid", "pwid"]
    options.name_IDs = ["*"]  # keep copyright, licence and URL records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables = [*options.drop_tables, "DSIG"]
    font = TTFont(str(src))
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    font.save(str(dst))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source_dir", type=Path, help="folder with BIZUDGothic-Regular.ttf and BIZUDGothic-Bold.ttf")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    points = japanese_codepoints()
    for weight in WEIGHTS:
        src = args.source_dir / f"BIZUDGothic-{weight}.ttf"
        if not src.is_file():
            print(f"missing {src}", file=sys.stderr)
            return 1
        dst = args.out / f"BIZUDGothic-{weight}.ttf"
        subset(src, dst, points)
        print(f"{dst}: {dst.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
