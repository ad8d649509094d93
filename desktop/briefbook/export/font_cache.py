"""reportlab TrueType fonts whose parsed tables are kept between runs.

reportlab reads a whole TrueType file into Python dicts when a font is registered
(metrics, cmap and glyph offsets: 35,000 glyphs for WenQuanYi, over a second on a
slow machine), and every export, DOCX included, needs the metrics for its layout
pass.  The parsed tables are kept as an entry of the export's disk cache
(export/disk_cache.py: each entry checked against its own hash and written
atomically; a cache folder that cannot be written only costs the time), named by
the file's content hash and the reportlab version, so that a changed font file or
another reportlab parses afresh and the entries of the other versions are removed.
A missing, stale or unreadable entry is parsed and written again.
"""

from __future__ import annotations

import pickle
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from briefbook.export import disk_cache

FORMAT = 2  # bump when what is stored changes
# Not stored: the file's bytes (read from the font itself, reportlab needs them to
# embed subsets) and the scale function (a lambda, rebuilt from unitsPerEm).
_NOT_STORED = ("_ttf_data", "_pdfScale")


def load_ttfont(name: str, path: Path, subfontIndex: int = 0) -> TTFont:  # noqa: N803 (reportlab's name)
    """``TTFont(name, path, subfontIndex=...)``, from the cache when it has the file."""
    data = path.read_bytes()
    prefix = f"{path.name}-{subfontIndex}-"
    entry = f"{prefix}{disk_cache.digest(data)}-rl{reportlab.Version}-{FORMAT}.pickle"
    face = _cached_face(entry, path, data)
    if face is None:
        font = TTFont(name, str(path), subfontIndex=subfontIndex)
        _store(entry, font.face, prefix)
        return font
    return _font_with_face(name, face)


def _cached_face(entry: str, path: Path, data: bytes) -> TTFontFace | None:
    raw = disk_cache.read_entry(entry)
    if raw is None:
        return None
    try:
        state = pickle.loads(raw)
    except Exception:  # noqa: BLE001 (a damaged or foreign entry: parse the font again)
        return None
    if not isinstance(state, dict) or "unitsPerEm" not in state or "charWidths" not in state:
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = data
    face.filename = str(path)
    units = face.unitsPerEm
    if units == 1000:
        face._pdfScale = lambda x: x
    else:  # as TTFontFile.extractInfo scales
        mult = 1000 / units
        face._pdfScale = lambda x: x * mult
    return face


def _store(entry: str, face: TTFontFace, prefix: str) -> None:
    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_STORED}
    try:
        raw = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    except pickle.PicklingError:
        return  # no cache: the next run parses again
    disk_cache.store_entry(entry, raw, prune=(prefix, entry))


def _font_with_face(name: str, face: TTFontFace) -> TTFont:
    """What ``TTFont.__init__`` makes, around an already parsed face (a test compares
    the two, attribute for attribute)."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font
