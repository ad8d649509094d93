"""Fonts from the parsed-table cache are the fonts reportlab parses: the same
tables and attributes, and byte for byte the same PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from briefbook.export import font_cache
from briefbook.export.fonts import CJK, FONT_FILES, LATIN, fonts_dir

ROOT = Path(__file__).resolve().parents[2]


def _same_font(cached: TTFont, parsed: TTFont) -> None:
    assert set(cached.__dict__) == set(parsed.__dict__)
    assert (cached.fontName, cached._asciiReadable, cached.shapable) == \
        (parsed.fontName, parsed._asciiReadable, parsed.shapable)
    a, b = cached.face.__dict__, parsed.face.__dict__
    assert set(a) == set(b)
    for key in a:
        if key == "_pdfScale":
            assert [a[key](v) for v in (0, 1, 777, 2048)] == [b[key](v) for v in (0, 1, 777, 2048)]
        else:
            assert a[key] == b[key], key
    assert cached.stringWidth("青岛 Qingdao", 9) == parsed.stringWidth("青岛 Qingdao", 9)


def test_a_cached_font_is_the_parsed_font(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(tmp_path))
    for name, kw in ((LATIN, {}), (CJK, {"subfontIndex": 0})):
        path = fonts_dir() / FONT_FILES[name]
        parsed = TTFont(name, str(path), **kw)
        first = font_cache.load_ttfont(name, path, **kw)  # parses and writes the entry
        entries = list((tmp_path / "fonts").glob(f"{path.name}-*.pickle"))
        assert len(entries) == 1
        written = entries[0].stat().st_mtime_ns
        second = font_cache.load_ttfont(name, path, **kw)  # from the entry
        assert entries[0].stat().st_mtime_ns == written
        _same_font(first, parsed)
        _same_font(second, parsed)


def test_a_damaged_entry_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(tmp_path))
    path = fonts_dir() / FONT_FILES[LATIN]
    font_cache.load_ttfont(LATIN, path)
    (entry,) = (tmp_path / "fonts").glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    _same_font(font_cache.load_ttfont(LATIN, path), TTFont(LATIN, str(path)))
    assert entry.read_bytes() != b"not a pickle"  # written anew


def test_an_unwritable_cache_costs_only_the_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(blocked))
    path = fonts_dir() / FONT_FILES[LATIN]
    _same_font(font_cache.load_ttfont(LATIN, path), TTFont(LATIN, str(path)))


def test_the_pdf_is_the_same_from_cached_fonts(tmp_path):
    """Two exports in fresh processes, the first parsing and filling the cache, the
    second reading it: the same bytes."""
    script = ("import sys; from briefbook.export import export_book; from tests.export.sample_book import demo_book; "
              "export_book(demo_book('zh-Hans'), sys.argv[1])")
    env = dict(os.environ, BRIEFBOOK_CACHE=str(tmp_path / "cache"), SOURCE_DATE_EPOCH="1763769600",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "desktop")]))
    outs = []
    for run in ("parsed", "cached"):
        out = tmp_path / f"{run}.pdf"
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env, cwd=ROOT, timeout=600)
        outs.append(out.read_bytes())
        if run == "parsed":
            assert len(list((tmp_path / "cache" / "fonts").glob("*.pickle"))) >= len(set(FONT_FILES.values()))
    assert outs[0] == outs[1]
