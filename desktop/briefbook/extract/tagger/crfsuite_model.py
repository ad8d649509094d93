"""The attribute names a crfsuite model knows, read from the model file itself.

crfsuite gives a feature string no weight unless the model holds it as an attribute:
at tagging time it looks every string up and drops the unknown ones.  A tagger that
knows the model's attributes can leave out, before building them, the strings that
would be dropped (most character pairs and triples), and the model sees exactly the
features it saw before, in the same order, so its answers and confidences do not change.

The file is crfsuite's own format (``crf1d_model.c``): a header with the offset of the
attribute dictionary, a constant quark database (``cqdb.c``) whose backward array points
at each attribute's record (id, key size, key with its closing NUL).  pycrfsuite's
``Tagger.info()`` gives the same names but dumps the whole model as text first (a
tenth of a second or more per model, in every worker process).
"""

from __future__ import annotations

import struct
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, counts, offsets
_CQDB = struct.Struct("<4sIIIII")  # chunk id, size, flag, byte order, backward size, backward offset


def model_attributes(path: Path) -> frozenset[str] | None:
    """Every attribute of the model at ``path``; None when the file is not a crfsuite
    CRF model this reader understands (the caller then leaves its features as they are)."""
    try:
        data = Path(path).read_bytes()
        magic, _size, kind, _version, _nf, _nl, num_attrs, _of, _ol, off_attrs, _olr, _oar = \
            _HEADER.unpack_from(data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            return None
        chunk, _csize, _flag, _order, bwd_size, bwd_offset = _CQDB.unpack_from(data, off_attrs)
        if chunk != b"CQDB" or bwd_size < num_attrs:
            return None
        offsets = struct.unpack_from(f"<{num_attrs}I", data, off_attrs + bwd_offset)
        names = []
        for at in offsets:
            _id, ksize = struct.unpack_from("<II", data, off_attrs + at)
            start = off_attrs + at + 8
            names.append(data[start:start + ksize - 1].decode("utf-8"))
        return frozenset(names)
    except (OSError, struct.error, UnicodeDecodeError, ValueError):
        return None


def known_grams(attributes: frozenset[str] | None, prefixes: tuple[str, ...]) -> dict[str, frozenset[str]] | None:
    """Per prefix (a tagger's character pair and triple features: ``lc=``, ``c-1c=`` ...):
    what follows it in the model's attributes; None when the attributes could not be read."""
    if attributes is None:
        return None
    found: dict[str, set[str]] = {p: set() for p in prefixes}
    for a in attributes:  # one pass: every prefix ends at the attribute's first "="
        head, sep, rest = a.partition("=")
        bucket = found.get(head + sep) if sep else None
        if bucket is not None:
            bucket.add(rest)
    return {p: frozenset(found[p]) for p in prefixes}
