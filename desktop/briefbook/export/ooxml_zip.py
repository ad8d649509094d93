"""The ZIP package of a DOCX file, read into parts and written once.

Written here rather than with ``zipfile`` so that a part can go in already
compressed: the embedded fonts are the same bytes in every export, and deflating
a CJK subset (2.7 MB) took longer than writing the rest of a 150-page book.  The
archive is plain ZIP (no ZIP64, no data descriptors), every entry deflated, with
fixed timestamps and permissions so that the same content gives the same bytes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from datetime import datetime
from typing import NamedTuple


class Deflated(NamedTuple):
    """A part compressed ahead: the raw deflate stream, and the CRC-32 and size of its bytes."""

    stream: bytes
    crc: int
    size: int


def deflate(data: bytes) -> Deflated:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # as zipfile deflates
    return Deflated(compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))


def read_parts(package: bytes) -> dict[str, bytes]:
    """The parts of a ZIP package by name, in the archive's order."""
    with zipfile.ZipFile(io.BytesIO(package)) as src:
        return {name: src.read(name) for name in src.namelist()}


def write_package(parts: dict[str, bytes | Deflated], when: datetime) -> bytes:
    """The ZIP archive of ``parts`` in their order, each stamped ``when``."""
    dos_time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    dos_date = ((max(when.year, 1980) - 1980) << 9) | (when.month << 5) | when.day
    out = io.BytesIO()
    central = io.BytesIO()
    for name, part in parts.items():
        packed = part if isinstance(part, Deflated) else deflate(part)
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800  # names in UTF-8
        offset = out.tell()
        fields = (20, flags, zipfile.ZIP_DEFLATED, dos_time, dos_date, packed.crc, len(packed.stream), packed.size,
                  len(encoded))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0))
        out.write(encoded)
        out.write(packed.stream)
        # made by: version 2.0 on Unix (3), so that the permissions below are read
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, *fields, 0, 0, 0, 0, 0o644 << 16,
                                  offset))
        central.write(encoded)
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), start, 0))
    return out.getvalue()
