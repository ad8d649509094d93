"""Build resources/fonts/BIZUDGothic-{Regular,Bold}.ttf: subsets of BIZ UDGothic for Japanese books.

Japanese text needs Japanese glyph forms (直, 骨, 角, 令 differ from the Chinese ones),
and reportlab embeds TrueType outlines only, which rules out Noto Sans CJK (CFF).
BIZ UDGothic (SIL OFL 1.1, no Reserved Font Name) is TrueType; the full font holds
~14,000 glyphs (4.6 MB a weight).  The subset keeps what Japanese newspaper and
ministry text uses: JIS X 0208 (level 1 and 2 kanji, kana, symbols), the Windows
code page 932 additions (NEC and IBM extensions: 髙, 﨑, ①…), the 2010 Jōyō kanji
outside JIS X 0208, half-width katakana, full-width forms and Latin-1: the
``japanese`` set of ``briefbook.export.font_subsets``, which states the DOCX
subsets too.  Characters outside the subset fall back to WenQuanYi Micro Hei in the
PDF export.

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

# the kerning, ligatures and vertical and width forms that Japanese text uses
LAYOUT_FEATURES = ("locl", "ccmp", "liga", "kern", "vert", "vrt2", "fwid", "hwid", "pwid")


def subset(src: Path, dst: Path) -> None:
    from briefbook.export.font_subsets import character_set, subset_font

    dst.write_bytes(subset_font(src, character_set("japanese"), layout_features=list(LAYOUT_FEATURES),
                                 hinting=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source_dir", type=Path, help="folder with BIZUDGothic-Regular.ttf and BIZUDGothic-Bold.ttf")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for weight in WEIGHTS:
        src = args.source_dir / f"BIZUDGothic-{weight}.ttf"
        if not src.is_file():
            print(f"missing {src}", file=sys.stderr)
            return 1
        dst = args.out / f"BIZUDGothic-{weight}.ttf"
        subset(src, dst)
        print(f"{dst}: {dst.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
