"""The shipped fonts embedded in an exported DOCX, so Word and LibreOffice show the
right glyphs on a machine that has none of them (without the fonts LibreOffice
draws CJK text as boxes, and Word substitutes other faces).

ECMA-376 Part 1 §17.8.1 (font embedding) and §17.8.3.3 (embedRegular …):
- each face is a TrueType subset of a fixed character set ("subsetted" in the
  font table, ``w:saveSubsetFonts`` in the settings), stored as
  ``word/fonts/fontN.odttf``;
- obfuscated: its first 32 bytes XORed with the 16 bytes of its GUID key in
  reverse order (the key is ``w:fontKey`` of the embed element);
- ``word/fontTable.xml`` names the family with ``w:embedRegular``/``w:embedBold``…
  pointing at the part through ``word/_rels/fontTable.xml.rels``;
- ``w:embedTrueTypeFonts`` in ``word/settings.xml``.

Why a fixed set and not just the document's characters: LibreOffice keeps the
first embedded font of a name for its whole session (it stores it as
``<name><style>.ttf`` and takes an existing file as already added), so a second
book opened in the same session would be drawn with the first book's subset and
lose every glyph the first did not use.  With a fixed set per face every
Briefbook DOCX embeds the same bytes for a face.  The sets are stated once, in
export/font_subsets.py: ``latin`` for Liberation Sans, ``chinese`` for WenQuanYi
Micro Hei; BIZ UDGothic is shipped cut to the ``japanese`` set
(packaging/make_ja_font.py) and goes in as it is.  A family is
embedded only when the document draws a character with it (a German book
without CJK text carries no CJK font).  The keys are derived from the family and
face names, so the same book gives the same bytes.  Only families that
Briefbook ships are embedded; a template that names another font gets the name
alone.
"""

from __future__ import annotations

import html
import io
import re
import struct
import sys
import uuid
import zlib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from briefbook.export import disk_cache, font_subsets
from briefbook.export.font_subsets import EXTRA_DROPPED as _EXTRA_DROPPED
from briefbook.export.font_subsets import SUBSET_OPTIONS as _SUBSET_OPTIONS
from briefbook.export.font_subsets import character_set
from briefbook.export.font_subsets import subset_font as cut_font
from briefbook.export.fonts import cmap_codepoints, fonts_dir
from briefbook.export.ooxml_zip import Deflated, deflate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

class ShippedFamily(NamedTuple):
    faces: dict[str, str]  # face (Regular, Bold, Italic, BoldItalic) -> file in resources/fonts
    charset: str  # the font table's w:charset and w:family class
    family_class: str
    char_set: str | None  # the fixed character set embedded (font_subsets.character_set); None: as shipped


# family, as DOCX runs name it -> its faces
SHIPPED = {
    "Liberation Sans": ShippedFamily({"Regular": "LiberationSans-Regular.ttf", "Bold": "LiberationSans-Bold.ttf",
                                      "Italic": "LiberationSans-Italic.ttf",
                                      "BoldItalic": "LiberationSans-BoldItalic.ttf"}, "00", "swiss", "latin"),
    # no bold face: Word and LibreOffice embolden the regular one
    "WenQuanYi Micro Hei": ShippedFamily({"Regular": "wqy-microhei.ttc"}, "86", "swiss", "chinese"),
    # shipped as a subset already (packaging/make_ja_font.py)
    "BIZ UDGothic": ShippedFamily({"Regular": "BIZUDGothic-Regular.ttf", "Bold": "BIZUDGothic-Bold.ttf"}, "80",
                                  "modern", None),
}
_CMAP_FORMAT = "cp1"  # bump when what codepoints() answers for a face changes
# the parts whose text is drawn
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|numbering)\.xml$")
_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|\b(?:string|w:lvlText w:val)=\"([^\"]*)\"")
_ITALIC = re.compile(rb"<w:i(?:\s+w:val=\"(?:1|true|on)\")?\s*/>")
# Word's own field results and numbers may appear anywhere (page numbers, dates)
_ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F))
# CT_Settings elements that come before w:embedTrueTypeFonts, in schema order
_SETTINGS_BEFORE = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                    "printFractionalCharacterWidth", "printFormsData")


def font_key(family: str, face: str) -> str:
    """A GUID for one face, the same for every export: ``{XXXXXXXX-XXXX-…}``."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"briefbook-font:{family}:{face}")).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the key's 16 bytes in reverse order (§17.8.1);
    the same call undoes it."""
    digits = key.strip("{}").replace("-", "")
    guid = bytes.fromhex(digits)[::-1]
    head = bytes(b ^ guid[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def used_text(parts: dict[str, bytes]) -> str:
    """Every character the document's text parts draw."""
    chars = set(_ALWAYS)
    for name, data in parts.items():
        if _TEXT_PARTS.match(name):
            for m in _TEXT.finditer(data.decode("utf-8")):
                chars.update(html.unescape(m.group(1) or m.group(2) or ""))
    return "".join(sorted(chars))


@lru_cache(maxsize=8)
def embedded_face(file: str, set_name: str | None) -> bytes:
    """The TrueType bytes embedded for ``resources/fonts/file``: the file itself, or its
    subset of a fixed character set (the same for every book).  Subsetting a CJK font
    takes seconds, so the subset is kept in the user's cache folder (see
    :func:`_recipe`)."""
    if set_name is None:
        return (fonts_dir() / file).read_bytes()
    name, prefix = _recipe(file, set_name)
    return disk_cache.cached_bytes(f"{name}.ttf", lambda: subset_font(file, character_set(set_name)),
                                   prune=(prefix, name))


def embedded_part(file: str, set_name: str | None, key: str) -> Deflated:
    """The part ``word/fonts/fontN.odttf`` for a face: :func:`embedded_face` obfuscated
    with ``key`` and deflated, kept in the cache folder next to the subset (deflating
    a CJK face costs more than writing the rest of a long book)."""
    name, prefix = _recipe(file, set_name)
    tag = f"-{disk_cache.digest(key.encode())}-zlib{zlib.ZLIB_VERSION}"

    def make() -> bytes:
        part = deflate(obfuscate(embedded_face(file, set_name), key))
        return struct.pack("<II", part.crc, part.size) + part.stream

    packed = disk_cache.cached_bytes(f"{name}{tag}.odttf", make, prune=(prefix, name))
    crc, size = struct.unpack_from("<II", packed)
    return Deflated(packed[8:], crc, size)


@lru_cache(maxsize=8)
def _recipe(file: str, set_name: str | None) -> tuple[str, str]:
    """(entry name, the prefix of its older versions) of a face in the cache folder: the font file's
    content hash and, for a subset, the hash of its character set and subsetting
    options and fontTools' version, so that a change to any of them makes a new
    entry."""
    prefix = f"subset-{file}-{set_name}-"
    name = prefix + disk_cache.file_digest(fonts_dir() / file)
    if set_name is not None:
        import fontTools

        name += f"-{_recipe_digest(set_name)}-ft{fontTools.version}"
    return name, prefix


def _recipe_digest(set_name: str) -> str:
    """The hash of a subset's character set and options.  Computing the Chinese set
    (decoding GB 2312 and Big5) and hashing it costs a tenth of a DOCX export, so the
    hash is kept in the cache folder under a name made of all it follows from: the
    source of font_subsets.py (the sets and options are stated there), Python's
    version (its codecs' tables) and the options themselves."""

    def compute() -> bytes:
        recipe = repr((sorted(character_set(set_name)), sorted(_SUBSET_OPTIONS.items()), _EXTRA_DROPPED))
        return disk_cache.digest(recipe.encode()).encode()

    try:
        source = Path(font_subsets.__file__).read_bytes()
    except (OSError, TypeError):  # no source beside the code: compute it each time
        return compute().decode()
    key = repr((source, sys.version, sorted(_SUBSET_OPTIONS.items()), _EXTRA_DROPPED)).encode()
    memo = f"recipe-{set_name}-{disk_cache.digest(key)}"
    return disk_cache.cached_bytes(memo, compute, prune=(f"recipe-{set_name}-", memo)).decode()


def subset_font(file: str, points: frozenset[int]) -> bytes:
    """``resources/fonts/file`` cut down to the glyphs of ``points``."""
    return cut_font(fonts_dir() / file, points)


@lru_cache(maxsize=8)
def codepoints(family: str) -> frozenset[int]:
    """The characters the embedded ``family`` draws: those of its embedded regular face."""
    info = SHIPPED[family]

    def read() -> frozenset[int]:
        data = embedded_face(info.faces["Regular"], info.char_set)
        try:
            return cmap_codepoints(data) - {0xFFFF}  # (the end of a format 4 table, no character)
        except (ValueError, KeyError, struct.error):  # a cmap our reader does not know
            from fontTools.ttLib import TTFont

            return frozenset(TTFont(io.BytesIO(data), fontNumber=0, lazy=True).getBestCmap())

    # kept beside the face it was read from (parsing a CJK cmap costs a tenth of a short export)
    name, _prefix = _recipe(info.faces["Regular"], info.char_set)
    return disk_cache.cached_codepoints(f"{name}-{_CMAP_FORMAT}.cmap", read)


def embed_fonts(parts: dict[str, bytes], families: list[str]) -> dict[str, Deflated]:
    """Embed the shipped fonts among ``families`` in the DOCX ``parts`` (by part name):
    the font table, its relationships, the settings and the content types are
    changed in ``parts``; the font parts to add are returned, compressed.  The first
    family always goes in; each later one only when it draws a character of the
    text that the ones before it lack (a German book without CJK text does not carry
    the CJK font)."""
    families = [f for f in dict.fromkeys(families) if f in SHIPPED]
    fonts: dict[str, Deflated] = {}
    if not families:
        return fonts
    text = used_text(parts)
    italic = any(_ITALIC.search(data) for name, data in parts.items() if _TEXT_PARTS.match(name)
                 or name == "word/styles.xml")
    missing = {ord(c) for c in text} - codepoints(families[0])
    kept = families[:1]
    for family in families[1:]:
        if not missing:  # (reading a later family's characters may mean subsetting it)
            break
        has = codepoints(family)
        if missing & has:
            kept.append(family)
            missing -= has
    families = kept
    fonts_xml = etree.fromstring(parts["word/fontTable.xml"])
    rels = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    number = 0
    for family in families:
        entry = _font_entry(fonts_xml, family)
        for face, file in SHIPPED[family].faces.items():
            if "Italic" in face and not italic:
                continue
            number += 1
            key = font_key(family, face)
            fonts[f"word/fonts/font{number}.odttf"] = embedded_part(file, SHIPPED[family].char_set, key)
            rid = f"rIdFont{number}"
            etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship", Id=rid, Type=FONT_REL,
                             Target=f"fonts/font{number}.odttf")
            embed = etree.SubElement(entry, f"{{{W}}}embed{face}")
            embed.set(f"{{{R}}}id", rid)
            embed.set(f"{{{W}}}fontKey", key)
            embed.set(f"{{{W}}}subsetted", "1")
    parts["word/fontTable.xml"] = etree.tostring(fonts_xml, xml_declaration=True, encoding="UTF-8",
                                                 standalone=True)
    parts["word/_rels/fontTable.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                            standalone=True)
    parts["word/settings.xml"] = _settings_with_embedding(parts["word/settings.xml"])
    parts["[Content_Types].xml"] = _content_types_with_odttf(parts["[Content_Types].xml"])
    return fonts


def _font_entry(fonts_xml, family: str):
    """The font table's ``w:font`` for ``family``, new and without embeddings."""
    for old in fonts_xml.findall(f"{{{W}}}font"):
        if old.get(f"{{{W}}}name") == family:
            fonts_xml.remove(old)
    entry = etree.SubElement(fonts_xml, f"{{{W}}}font")
    entry.set(f"{{{W}}}name", family)
    for tag, value in (("charset", SHIPPED[family].charset), ("family", SHIPPED[family].family_class),
                       ("pitch", "variable")):
        etree.SubElement(entry, f"{{{W}}}{tag}").set(f"{{{W}}}val", value)
    return entry


def _settings_with_embedding(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for tag in ("embedTrueTypeFonts", "saveSubsetFonts"):
        for old in root.findall(f"{{{W}}}{tag}"):
            root.remove(old)
    at = 0
    for i, child in enumerate(root):
        if etree.QName(child).localname in _SETTINGS_BEFORE:
            at = i + 1
    # schema order: embedTrueTypeFonts, (embedSystemFonts), saveSubsetFonts
    root.insert(at, etree.Element(f"{{{W}}}saveSubsetFonts"))
    root.insert(at, etree.Element(f"{{{W}}}embedTrueTypeFonts"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types_with_odttf(data: bytes) -> bytes:
    root = etree.fromstring(data)
    if not any(d.get("Extension") == "odttf" for d in root.findall(f"{{{CONTENT_TYPES}}}Default")):
        root.insert(0, etree.Element(f"{{{CONTENT_TYPES}}}Default", Extension="odttf", ContentType=ODTTF_TYPE))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
