"""Small bar charts of one measure over time: reportlab vector drawing for the
PDF, a PNG drawn with Pillow for the DOCX (reportlab's renderPM needs a cairo
backend that is not installed; Pillow is).

A chart's PNG is kept in the export's disk cache (export/disk_cache.py), named by
the hash of everything its pixels follow from: the points, colours and size, the
label fonts' files, the book's script settings, Pillow's version and the source
of this module.  Exporting a book again (after an edit elsewhere in it) reads its
charts instead of loading Pillow and drawing them; the bytes are the same.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from briefbook.export import disk_cache
from briefbook.export.fonts import (
    CJK,
    FONT_FILES,
    JA,
    JA_FONT_FILES,
    LATIN,
    fonts_dir,
    is_cjk_book_text,
    is_japanese_text,
    split_by_font,
)
from briefbook.export.layout import Chart

# the cache keeps at most this many charts; writing a new one removes the oldest
MAX_CACHED_CHARTS = 400


def _needs_cjk(texts: list[str]) -> bool:
    return any(font != LATIN for t in texts for font, _ in split_by_font(t))


def _label_font(texts: list[str]) -> str:
    """One font for a chart's labels: a Japanese book's CJK labels use the Japanese font."""
    if not _needs_cjk(texts):
        return LATIN
    return JA if is_japanese_text() else CJK


def pdf_drawing(chart: Chart, width: float, accent: str, muted: str):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    height = 150.0
    d = Drawing(width, height)
    bc = VerticalBarChart()
    bc.x, bc.y = 10, 22
    bc.width, bc.height = width - 20, height - 42
    bc.data = [[p.value for p in chart.points]]
    bc.strokeColor = None
    bc.bars[0].fillColor = colors.HexColor(accent)
    bc.bars[0].strokeColor = None
    bc.barSpacing = 4
    bc.groupSpacing = max(6, bc.width / max(len(chart.points), 1) * 0.35)
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = max(p.value for p in chart.points) * 1.18 or 1
    bc.valueAxis.visible = False
    bc.categoryAxis.categoryNames = [p.label for p in chart.points]
    bc.categoryAxis.strokeColor = colors.HexColor(muted)
    bc.categoryAxis.labels.fontName = _label_font([p.label for p in chart.points])
    bc.categoryAxis.labels.fontSize = 8
    bc.categoryAxis.labels.fillColor = colors.HexColor(muted)
    bc.categoryAxis.labels.dy = -2
    bc.barLabelFormat = "values"
    bc.barLabelArray = [[p.display for p in chart.points]]
    bc.barLabels.fontName = _label_font([p.display for p in chart.points])
    bc.barLabels.fontSize = 7.5
    bc.barLabels.nudge = 7
    bc.barLabels.fillColor = colors.HexColor("#222222")
    d.add(bc)
    return d


def png_bytes(chart: Chart, accent: str, muted: str, width_px: int = 1000, height_px: int = 400) -> bytes:
    """The chart drawn as a PNG image (from the disk cache when it was drawn before)."""
    japanese = is_japanese_text()
    version = _drawing_version(japanese)
    if version is None:
        return draw_png(chart, accent, muted, width_px, height_px)
    key = repr(([(p.label, p.value, p.display) for p in chart.points], accent, muted, width_px, height_px,
                japanese, is_cjk_book_text(), version))
    name = f"{_CHART_PREFIX}{disk_cache.digest(key.encode())}.png"
    data = disk_cache.read_entry(name)
    if data is None:
        data = draw_png(chart, accent, muted, width_px, height_px)
        disk_cache.store_entry(name, data)
        disk_cache.keep_newest(_CHART_PREFIX, MAX_CACHED_CHARTS)
    return data


_CHART_PREFIX = "chart-"


@lru_cache(maxsize=2)
def _drawing_version(japanese: bool) -> str | None:
    """What the drawing follows from besides the chart: the label fonts' files (size
    and modification time: reading a CJK font to hash it would cost more than
    drawing), Pillow's version and the source of this module and of export/fonts.py, which
    picks a label's font (None without the sources beside the code, or a font that
    cannot be read: then nothing is cached)."""
    from PIL import __version__ as pillow

    from briefbook.export import fonts

    cjk = JA_FONT_FILES[JA] if japanese else FONT_FILES[CJK]
    try:
        stats = [(fonts_dir() / file).stat() for file in (cjk, FONT_FILES[LATIN])]
        return "-".join([*(f"{st.st_size}.{st.st_mtime_ns}" for st in stats), pillow,
                         disk_cache.digest(Path(__file__).read_bytes() + Path(fonts.__file__).read_bytes())])
    except (OSError, TypeError):
        return None


def draw_png(chart: Chart, accent: str, muted: str, width_px: int = 1000, height_px: int = 400) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width_px, height_px), "white")
    draw = ImageDraw.Draw(img)
    cjk_font, latin_font = _pil_fonts(22, is_japanese_text())

    def font_for(text: str):
        return cjk_font if _needs_cjk([text]) else latin_font

    n = len(chart.points)
    left, right, top, bottom = 25, 25, 42, 50
    plot_w = width_px - left - right
    plot_h = height_px - top - bottom
    vmax = max(p.value for p in chart.points) or 1
    slot = plot_w / n
    bar_w = min(slot * 0.6, 160)
    base_y = top + plot_h
    draw.line([(left, base_y), (width_px - right, base_y)], fill=muted, width=2)
    for i, p in enumerate(chart.points):
        cx = left + slot * (i + 0.5)
        h = plot_h * (p.value / vmax) * 0.85
        draw.rectangle([cx - bar_w / 2, base_y - h, cx + bar_w / 2, base_y], fill=accent)
        f = font_for(p.display)
        draw.text((cx, base_y - h - 8), p.display, fill="#222222", font=f, anchor="ms")
        f = font_for(p.label)
        draw.text((cx, base_y + 12), p.label, fill=muted, font=f, anchor="mt")
    buf = io.BytesIO()
    # zlib level 1: the same pixels (PNG is lossless) in a third less time than level 6,
    # files about 8 % larger; 60 charts of a book made level 6 the export's largest cost
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


@lru_cache(maxsize=4)
def _pil_fonts(size: int, japanese: bool = False):
    from PIL import ImageFont

    cjk = fonts_dir() / (JA_FONT_FILES[JA] if japanese else FONT_FILES[CJK])
    return (ImageFont.truetype(str(cjk), size, index=0),
            ImageFont.truetype(str(fonts_dir() / FONT_FILES[LATIN]), size))
