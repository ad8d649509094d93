"""reportlab TrueType fonts whose parsed tables are kept between runs.

reportlab reads a whole TrueType file into Python dicts when a font is registered
(metrics, cmap and glyph offsets: 35,000 glyphs for WenQuanYi, over a second on a
slow machine), and every export, DOCX included, needs the metrics for its layout
pass.  The parsed tables are kept in the user's cache folder, named by the file's
content hash and the reportlab version, so a changed font file or another
reportlab parses afresh.  A missing, stale or unreadable cache entry is parsed and
written again; a cache folder that cannot be written only costs the time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from briefbook.paths import user_cache_dir

FORMAT = 1  # bump when what is stored changes
# Not stored: the file's bytes (read from the font itself, reportlab needs them to
# embed subsets) and the scale function (a lambda, rebuilt from unitsPerEm).
_NOT_STORED = ("_ttf_data", "_pdfScale")


def cache_dir() -> Path:
    return user_cache_dir() / "fonts"


def load_ttfont(name: str, path: Path, subfontIndex: int = 0) -> TTFont:  # noqa: N803 (reportlab's name)
    """``TTFont(name, path, subfontIndex=...)``, from the cache when it has the file."""
    data = path.read_bytes()
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    entry = cache_dir() / f"{path.name}-{subfontIndex}-{digest}-rl{reportlab.Version}-{FORMAT}.pickle"
    face = _cached_face(entry, path, data)
    if face is None:
        font = TTFont(name, str(path), subfontIndex=subfontIndex)
        _store(entry, font.face)
        return font
    return _font_with_face(name, face)


def _cached_face(entry: Path, path: Path, data: bytes) -> TTFontFace | None:
    try:
        state = pickle.loads(entry.read_bytes())
    except FileNotFoundError:
        return None
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


def _store(entry: Path, face: TTFontFace) -> None:
    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_STORED}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".font-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)  # whole or not at all, also with two exports at once
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        pass  # no cache: the next run parses again


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
