"""The user's own renderings of an entity for books, and whether its reading is checked.

A user's translation is kept per entity and book locale and wins over the shipped
glossary in every later book:

    field        what it renders
    name         the entity's name (an organisation's name in German ...)
    title, org   a person's title and organisation
    description  an organisation's one-paragraph description
    quote        a sentence quoted from an article; ``original`` is that sentence

``reading_confirmed`` says the user checked the Latin reading printed for a name
(a Japanese reading guessed from its characters is marked † until then).
Each write returns the previous state, which is what its undo puts back.
"""

from __future__ import annotations

from .db import Library, now_iso

FIELDS = ("name", "title", "org", "description", "quote")


def set_translation(lib: Library, entity_id: int, locale: str, field: str, translation: str,
                    original: str = "") -> str | None:
    """Keep (or, with an empty ``translation``, forget) a rendering; returns the one it replaced."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r} (one of {', '.join(FIELDS)})")
    original = " ".join(original.split()) if field == "quote" else ""
    with lib.transaction() as conn:
        row = conn.execute("SELECT translation FROM entity_translations WHERE entity_id = ? AND locale = ? "
                           "AND field = ? AND original = ?", (entity_id, locale, field, original)).fetchone()
        before = row[0] if row is not None else None
        if translation.strip():
            conn.execute("INSERT INTO entity_translations (entity_id, locale, field, original, translation, updated_at) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, locale, field, original) DO UPDATE SET "
                         "translation = excluded.translation, updated_at = excluded.updated_at",
                         (entity_id, locale, field, original, translation.strip(), now_iso()))
        else:
            conn.execute("DELETE FROM entity_translations WHERE entity_id = ? AND locale = ? AND field = ? "
                         "AND original = ?", (entity_id, locale, field, original))
        conn.execute("UPDATE entities SET updated_at = ? WHERE id = ?", (now_iso(), entity_id))
    return before


def translations(lib: Library, entity_id: int, locale: str | None = None) -> list[dict]:
    """The entity's renderings (of one locale, or all), oldest first."""
    sql = "SELECT locale, field, original, translation, updated_at FROM entity_translations WHERE entity_id = ?"
    params: tuple = (entity_id,)
    if locale:
        sql += " AND locale = ?"
        params += (locale,)
    return [dict(r) for r in lib.conn.execute(sql + " ORDER BY id", params)]


def fields_for(lib: Library, entity_id: int, locale: str) -> dict[str, str]:
    """{field: translation} of the entity's name/title/org/description in ``locale`` (a
    regional locale falls back to its language: a 'de' rendering serves 'de-AT')."""
    out: dict[str, str] = {}
    for loc in dict.fromkeys((locale.split("-")[0], locale)):
        for r in lib.conn.execute("SELECT field, translation FROM entity_translations WHERE entity_id = ? AND "
                                  "locale = ? AND field != 'quote'", (entity_id, loc)):
            out[r[0]] = r[1]
    return out


def quote_translation(lib: Library, entity_id: int, locale: str, original: str) -> str | None:
    row = lib.conn.execute("SELECT translation FROM entity_translations WHERE entity_id = ? AND locale IN (?, ?) "
                           "AND field = 'quote' AND original = ? ORDER BY locale = ? DESC LIMIT 1",
                           (entity_id, locale, locale.split("-")[0], " ".join(original.split()), locale)).fetchone()
    return row[0] if row is not None else None


def set_reading_confirmed(lib: Library, entity_id: int, confirmed: bool = True) -> bool:
    """Mark the entity's printed reading as checked (or not); returns the previous flag."""
    with lib.transaction() as conn:
        row = conn.execute("SELECT reading_confirmed FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise KeyError(f"there is no entity {entity_id}")
        conn.execute("UPDATE entities SET reading_confirmed = ?, updated_at = ? WHERE id = ?",
                     (int(confirmed), now_iso(), entity_id))
    return bool(row[0])


def reading_confirmed(lib: Library, entity_id: int) -> bool:
    row = lib.conn.execute("SELECT reading_confirmed FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return bool(row and row[0])
