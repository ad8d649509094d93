"""The DOCX export's cached font subsets and compressed font parts: what the cache
serves is what a fresh computation makes, a damaged entry is made again, a changed
input gets a new entry, and the package written around them is a plain ZIP."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from fontTools.ttLib import TTFont

from briefbook.export import disk_cache, docx_fonts
from briefbook.export.docx_fonts import (
    SHIPPED,
    character_set,
    codepoints,
    embedded_face,
    embedded_part,
    subset_font,
)
from briefbook.export.fonts import fonts_dir
from briefbook.export.ooxml_zip import deflate, read_parts, write_package


def _fresh(monkeypatch, tmp_path):
    """An empty cache folder and no subsets remembered by this process."""
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(tmp_path))
    for cached in (embedded_face, codepoints, docx_fonts._recipe):
        cached.cache_clear()


def test_a_cached_subset_is_the_subset_fontTools_makes(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    file = SHIPPED["Liberation Sans"].faces["Bold"]
    first = embedded_face(file, "latin")
    (entry,) = (tmp_path / "fonts").glob("subset-LiberationSans-Bold.ttf-latin-*.ttf")
    written = entry.stat().st_mtime_ns
    embedded_face.cache_clear()
    assert embedded_face(file, "latin") == first == subset_font(file, character_set("latin"))
    assert entry.stat().st_mtime_ns == written  # read, not made again


def test_the_compressed_part_is_the_obfuscated_face(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    key = docx_fonts.font_key("Liberation Sans", "Regular")
    file = SHIPPED["Liberation Sans"].faces["Regular"]
    for _ in ("made", "read"):
        part = embedded_part(file, "latin", key)
        package = write_package({"a.odttf": part}, datetime(2025, 11, 22, 10, 30, 4))
        plain = docx_fonts.obfuscate(read_parts(package)["a.odttf"], key)
        assert plain == embedded_face(file, "latin") and plain[:4] == b"\x00\x01\x00\x00"


def test_the_characters_of_a_family_are_those_of_its_embedded_face(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    for family in ("Liberation Sans", "BIZ UDGothic"):
        info = SHIPPED[family]
        font = TTFont(str(fonts_dir() / info.faces["Regular"]), fontNumber=0, lazy=True)
        expected = frozenset(font.getBestCmap())
        if info.char_set:
            expected &= character_set(info.char_set)
        assert codepoints(family) == expected, family


def test_the_double_byte_sets_are_every_pair_the_codec_decodes_to_one_character():
    from briefbook.export.font_subsets import double_byte

    for codec, leads, trails in (("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)),
                                 ("big5", range(0xA1, 0xFA), range(0x40, 0xFF)),
                                 ("euc_jp", range(0xA1, 0xFF), range(0xA1, 0xFF)),
                                 ("cp932", range(0x81, 0xFD), range(0x40, 0xFD))):
        one_by_one = set()
        for lead in leads:
            for trail in trails:
                try:
                    ch = bytes((lead, trail)).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1:
                    one_by_one.add(ord(ch))
        assert double_byte(codec, leads, trails) == one_by_one, codec


def test_a_damaged_entry_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(tmp_path))
    assert disk_cache.cached_bytes("x.bin", lambda: b"the bytes") == b"the bytes"
    entry = tmp_path / "fonts" / "x.bin"
    raw = entry.read_bytes()
    entry.write_bytes(raw[:-1] + b"S")  # one byte changed
    assert disk_cache.cached_bytes("x.bin", lambda: b"made again") == b"made again"
    entry.write_bytes(raw[:10])  # cut short
    assert disk_cache.cached_bytes("x.bin", lambda: b"and again") == b"and again"
    assert disk_cache.cached_bytes("x.bin", lambda: b"not called") == b"and again"


def test_a_new_version_of_an_entry_removes_the_old_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(tmp_path))
    disk_cache.cached_bytes("face-A-v1.ttf", lambda: b"1", prune=("face-A-", "face-A-v1"))
    disk_cache.cached_bytes("face-A-v1-part", lambda: b"1p", prune=("face-A-", "face-A-v1"))
    disk_cache.cached_bytes("face-AB-v1.ttf", lambda: b"other face", prune=("face-AB-", "face-AB-v1"))
    disk_cache.cached_bytes("face-A-v2.ttf", lambda: b"2", prune=("face-A-", "face-A-v2"))
    assert sorted(p.name for p in (tmp_path / "fonts").iterdir()) == ["face-A-v2.ttf", "face-AB-v1.ttf"]


def test_an_unwritable_cache_costs_only_the_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(blocked))
    assert disk_cache.cached_bytes("x.bin", lambda: b"the bytes") == b"the bytes"


def test_the_package_is_a_zip_with_fixed_stamps():
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": "<w:t>青岛</w:t>".encode() * 100}
    when = datetime(2025, 11, 22, 10, 30, 4)
    data = write_package({**parts, "word/media/x.bin": deflate(b"\x00" * 5000)}, when)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert z.namelist() == [*parts, "word/media/x.bin"]
        for info in z.infolist():
            assert info.date_time == (2025, 11, 22, 10, 30, 4)
            assert info.compress_type == zipfile.ZIP_DEFLATED and info.external_attr == 0o644 << 16
        assert z.read("word/document.xml") == parts["word/document.xml"]
        assert z.read("word/media/x.bin") == b"\x00" * 5000
    assert write_package(parts, when) == write_package(dict(parts), when)


def _recipe_hash(set_name: str) -> str:
    from briefbook.export.font_subsets import EXTRA_DROPPED, SUBSET_OPTIONS

    recipe = repr((sorted(character_set(set_name)), sorted(SUBSET_OPTIONS.items()), EXTRA_DROPPED))
    return disk_cache.digest(recipe.encode())


def test_the_kept_hash_of_a_character_set_is_the_hash_computed_anew(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    file = SHIPPED["WenQuanYi Micro Hei"].faces["Regular"]
    name, _prefix = docx_fonts._recipe(file, "chinese")
    assert f"-{_recipe_hash('chinese')}-ft" in name
    (memo,) = (tmp_path / "fonts").glob("recipe-chinese-*")
    docx_fonts._recipe.cache_clear()
    assert docx_fonts._recipe(file, "chinese")[0] == name  # read back
    memo.write_bytes(memo.read_bytes()[:-3] + b"xyz")  # damaged: computed again, the same
    docx_fonts._recipe.cache_clear()
    assert docx_fonts._recipe(file, "chinese")[0] == name
    assert docx_fonts._recipe_digest("latin") == _recipe_hash("latin")


def test_a_changed_subset_module_is_not_served_the_old_hash(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    docx_fonts._recipe_digest("latin")
    (old,) = (tmp_path / "fonts").glob("recipe-latin-*")
    disk_cache.store_entry(old.name, b"kept-earlier")  # what the entry holds is what is served
    assert docx_fonts._recipe_digest("latin") == "kept-earlier"
    changed = tmp_path / "font_subsets.py"
    changed.write_text("# another version of the sets\n")
    monkeypatch.setattr(docx_fonts.font_subsets, "__file__", str(changed))
    assert docx_fonts._recipe_digest("latin") == _recipe_hash("latin")
    (new,) = (tmp_path / "fonts").glob("recipe-latin-*")
    assert new.name != old.name  # the old version's entry gave way to the new one


def _chart(values=(3.0, 5.5, 4.0)):
    from briefbook.export.layout_tree import Chart, ChartPoint

    return Chart("对日贸易额", [ChartPoint(f"20{19 + i}", v, f"{v}亿美元") for i, v in enumerate(values)])


def test_a_cached_chart_is_the_chart_drawn(tmp_path, monkeypatch):
    from briefbook.export import charts
    from briefbook.export.fonts import cjk_book_text, japanese_text

    _fresh(monkeypatch, tmp_path)
    drawn = charts.draw_png(_chart(), "#1f4e79", "#666666")
    assert drawn.startswith(b"\x89PNG")
    assert charts.png_bytes(_chart(), "#1f4e79", "#666666") == drawn  # drawn and written
    (entry,) = (tmp_path / "fonts").glob("chart-*.png")
    monkeypatch.setattr(charts, "draw_png", lambda *a, **k: pytest.fail("drawn again"))
    assert charts.png_bytes(_chart(), "#1f4e79", "#666666") == drawn  # read back
    # what the pixels follow from makes another entry: the points, the colours, the book's script
    monkeypatch.undo()
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(tmp_path))
    other = charts.png_bytes(_chart((3.0, 5.5, 4.5)), "#1f4e79", "#666666")
    assert other == charts.draw_png(_chart((3.0, 5.5, 4.5)), "#1f4e79", "#666666") != drawn
    charts.png_bytes(_chart(), "#000000", "#666666")
    with japanese_text(), cjk_book_text():
        ja = charts.png_bytes(_chart(), "#1f4e79", "#666666")
        assert ja == charts.draw_png(_chart(), "#1f4e79", "#666666")
    assert len(list((tmp_path / "fonts").glob("chart-*.png"))) == 4
    entry.write_bytes(entry.read_bytes()[:100])  # damaged: drawn and written again
    assert charts.png_bytes(_chart(), "#1f4e79", "#666666") == drawn
    assert disk_cache.read_entry(entry.name) == drawn


def test_the_chart_cache_keeps_the_newest(tmp_path, monkeypatch):
    from briefbook.export import charts

    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(charts, "MAX_CACHED_CHARTS", 2)
    for v in (1.0, 2.0, 3.0):
        charts.png_bytes(_chart((v, 2.0)), "#1f4e79", "#666666")
    assert len(list((tmp_path / "fonts").glob("chart-*.png"))) == 2


def test_a_files_hash_is_remembered_until_it_changes(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "cache")
    font = tmp_path / "font.ttf"
    font.write_bytes(b"first")
    assert disk_cache.file_digest(font) == disk_cache.digest(b"first")
    (memo,) = (tmp_path / "cache" / "fonts").glob("digest-font.ttf-*")
    disk_cache.file_digest.cache_clear()
    memo.write_bytes(memo.read_bytes()[:-1] + b"0")  # damaged: hashed again
    assert disk_cache.file_digest(font) == disk_cache.digest(b"first")
    font.write_bytes(b"second")  # a new size: hashed again, the old memo removed
    disk_cache.file_digest.cache_clear()
    assert disk_cache.file_digest(font) == disk_cache.digest(b"second")
    assert len(list((tmp_path / "cache" / "fonts").glob("digest-font.ttf-*"))) == 1


def test_cached_codepoints_are_the_cmaps(tmp_path, monkeypatch):
    from briefbook.export import fonts

    _fresh(monkeypatch, tmp_path)
    path = fonts_dir() / fonts.FONT_FILES[fonts.CJK]
    parsed = fonts._parsed_codepoints(path)
    assert fonts._cmap_codepoints(path) == parsed  # parsed and written
    monkeypatch.setattr(fonts, "_parsed_codepoints", lambda p: pytest.fail("parsed again"))
    assert fonts._cmap_codepoints(path) == parsed  # read back
    monkeypatch.undo()
    monkeypatch.setenv("BRIEFBOOK_CACHE", str(tmp_path))
    family = "WenQuanYi Micro Hei"
    first = codepoints(family)
    codepoints.cache_clear()
    assert codepoints(family) == first == \
        fonts.cmap_codepoints(embedded_face(SHIPPED[family].faces["Regular"], SHIPPED[family].char_set)) - {0xFFFF}
    assert len(list((tmp_path / "fonts").glob("*.cmap"))) == 1
