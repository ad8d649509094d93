"""The user's renderings of an entity for books (remembered per entity and locale and
reused by every later book) and the confirmation of a name's reading.

    translate(lib, entity_id, locale, field, text, original="") -> dict
    confirm_reading(lib, entity_id, reading=None, confirmed=True) -> dict
    entity_texts(lib, entity_id) -> dict  (what the entity card shows)
"""

from __future__ import annotations

from ..core.names import script_of
from ..store import entities as entity_store
from ..store import entity_translations as store
from ..store.book_sources import latin_alias
from ..store.db import Library

LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")


def _entity(lib: Library, entity_id: int):
    entity = entity_store.get_entity(lib, entity_id)
    if entity is None:
        raise ValueError(f"there is no entity {entity_id}")
    return entity


def translate(lib: Library, entity_id: int, locale: str, field: str, text: str, original: str = "") -> dict:
    """Keep the user's rendering of one field of the entity in ``locale`` (empty: forget it)."""
    _entity(lib, entity_id)
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r} (one of {', '.join(LOCALES)})")
    if field == "quote" and not original.strip():
        raise ValueError("a quote's translation needs the quoted sentence (original)")
    before = store.set_translation(lib, entity_id, locale, field, text, original)
    return {"entity": entity_id, "locale": locale, "field": field, "original": original, "translation": text.strip(),
            "before": before}


def confirm_reading(lib: Library, entity_id: int, reading: str | None = None, confirmed: bool = True) -> dict:
    """The name's Latin reading is checked: ``reading`` (the user's spelling, kept as the
    entity's Latin alias and printed from now on) or the one printed so far."""
    _entity(lib, entity_id)
    if reading is not None:
        reading = " ".join(reading.split())
        if not reading or script_of(reading) != "Latn":
            raise ValueError("a reading is written in Latin letters (e.g. Takashima Hiroshi)")
        entity_store.add_alias(lib, entity_id, reading, lang=None, origin="user")
    before = store.set_reading_confirmed(lib, entity_id, confirmed)
    return {"entity": entity_id, "reading_confirmed": confirmed, "before": before,
            "reading": latin_alias(lib, entity_id)}


def entity_texts(lib: Library, entity_id: int) -> dict:
    _entity(lib, entity_id)
    return {"entity": entity_id, "reading_confirmed": store.reading_confirmed(lib, entity_id),
            "reading": latin_alias(lib, entity_id), "translations": store.translations(lib, entity_id)}
