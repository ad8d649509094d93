"""The read queries a book is assembled from (services/assembling.py): articles as
sources, checked facts, what the library knows about an organisation.

Only accepted or edited facts reach a book; proposals and rejected facts never do.
"""

from __future__ import annotations

import sqlite3

from .db import Library

CHECKED = ("accepted", "edited")


def article_source(lib: Library, article_id: int) -> sqlite3.Row | None:
    """title, source, published, url, path, lang and text of an article."""
    return lib.conn.execute("SELECT title, source, published, url, path, lang, text FROM articles WHERE id = ?",
                            (article_id,)).fetchone()


def article_text(lib: Library, article_id: int) -> str:
    return lib.scalar("SELECT text FROM articles WHERE id = ?", (article_id,)) or ""


def fact_with_article(lib: Library, fact_id: int) -> sqlite3.Row | None:
    """The fact's row with its article's text (article_text), date and language."""
    return lib.conn.execute(
        """SELECT f.*, a.text AS article_text, a.published, a.lang FROM facts f JOIN articles a ON a.id = f.article_id
           WHERE f.id = ?""", (fact_id,)).fetchone()


def subject_entity(lib: Library, fact_id: int) -> int | None:
    """The entity the fact is most confidently about (its live entity, after merges)."""
    row = lib.conn.execute(
        """SELECT fe.entity_id FROM fact_entities fe WHERE fe.fact_id = ? AND fe.role = 'subject'
           AND fe.status != 'rejected' ORDER BY fe.confidence DESC LIMIT 1""", (fact_id,)).fetchone()
    entity_id = row[0] if row else None
    for _ in range(10):  # follow merges to the entity that stands now
        merged = lib.scalar("SELECT merged_into FROM entities WHERE id = ?", (entity_id,)) if entity_id else None
        if merged is None:
            break
        entity_id = merged
    return entity_id


def latin_alias(lib: Library, entity_id: int) -> str | None:
    """The entity's name in Latin script, the user's first."""
    return lib.scalar("""SELECT name FROM aliases WHERE entity_id = ? AND script = 'Latn'
                         ORDER BY origin = 'user' DESC, id LIMIT 1""", (entity_id,))


def entity_match_keys(lib: Library, entity_id: int) -> set[str]:
    return {r[0] for r in lib.conn.execute("SELECT match_key FROM aliases WHERE entity_id = ?", (entity_id,))}


def entity_uuid(lib: Library, entity_id: int) -> str | None:
    return lib.scalar("SELECT uuid FROM entities WHERE id = ?", (entity_id,))


def entity_name(lib: Library, entity_id: int | None) -> str | None:
    return lib.scalar("SELECT canonical_name FROM entities WHERE id = ?", (entity_id,)) if entity_id else None


def linked_fact_ids(lib: Library, entity_id: int) -> set[int]:
    """Facts linked to the entity by a link the user did not reject."""
    return {r[0] for r in lib.conn.execute(
        """SELECT fe.fact_id FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
           WHERE fe.entity_id = ? AND fe.status != 'rejected'""", (entity_id,))}


def checked_facts_of(lib: Library, kinds: tuple[str, ...]) -> list[sqlite3.Row]:
    """id, kind, value_json, text, article_id, start and the article's date of checked facts of ``kinds``."""
    return lib.conn.execute(
        f"""SELECT f.id, f.kind, f.value_json, f.text, f.article_id, f.start, a.published FROM facts f
            JOIN articles a ON a.id = f.article_id
            WHERE f.status IN ({','.join('?' * len(CHECKED))}) AND f.kind IN ({','.join('?' * len(kinds))})""",
        (*CHECKED, *kinds)).fetchall()


def organization_mentions(lib: Library) -> list[sqlite3.Row]:
    """Organisation facts not rejected, with their article's text (body) and date."""
    return lib.conn.execute(
        """SELECT f.id, f.article_id, f.start, f."end", f.text, f.value_json, a.text AS body, a.published
           FROM facts f JOIN articles a ON a.id = f.article_id
           WHERE f.kind = 'organization' AND f.status != 'rejected'""").fetchall()


def checked_fact_ids_newest_first(lib: Library, kinds: tuple[str, ...]) -> list[int]:
    return [r[0] for r in lib.conn.execute(
        f"""SELECT f.id FROM facts f JOIN articles a ON a.id = f.article_id
            WHERE f.status IN ('accepted', 'edited') AND f.kind IN ({','.join('?' * len(kinds))})
            ORDER BY a.published DESC, f.article_id, f.start""", kinds)]


def title_statements(lib: Library, entity_id: int) -> list[sqlite3.Row]:
    """The holds_title statements about a person entity, one row per source: the statement's
    uuid and args_json, the user's decision on it (decision, edit_json: NULL when undecided),
    the source's article, fact and that fact's status, the article's date.  A statement is
    the entity's when it was read for it or for an entity merged into it, or when its
    mention is linked to it by a link the user did not reject."""
    return lib.conn.execute(
        """WITH RECURSIVE merged(id) AS (SELECT ? UNION SELECT e.id FROM entities e JOIN merged ON e.merged_into = merged.id)
           SELECT s.id, s.uuid, s.args_json, d.status AS decision, d.edit_json, ss.article_id, ss.fact_id,
                  f.status AS fact_status, a.published
           FROM statements s JOIN statement_sources ss ON ss.statement_id = s.id
           JOIN articles a ON a.id = ss.article_id LEFT JOIN facts f ON f.id = ss.fact_id
           LEFT JOIN decisions d ON d.target_kind = 'statement' AND d.target_uuid = s.uuid
           WHERE s.kind = 'holds_title' AND (s.entity_id IN (SELECT id FROM merged) OR ss.fact_id IN (
               SELECT fact_id FROM fact_entities WHERE entity_id = ? AND role = 'subject' AND status != 'rejected'))
           ORDER BY a.published, ss.article_id, ss.start""", (entity_id, entity_id)).fetchall()


def entity_mentions(lib: Library, entity_id: int) -> list[sqlite3.Row]:
    """The mentions of an entity that are not rejected (nor their link), with their article's text (body) and date."""
    return lib.conn.execute(
        """SELECT f.id, f.article_id, f.start, f."end", f.text, f.value_json, a.text AS body, a.published
           FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id JOIN articles a ON a.id = f.article_id
           WHERE fe.entity_id = ? AND fe.role = 'subject' AND fe.status != 'rejected' AND f.status != 'rejected'""",
        (entity_id,)).fetchall()


def entity_kind(lib: Library, entity_id: int) -> str | None:
    return lib.scalar("SELECT kind FROM entities WHERE id = ?", (entity_id,))


def entity_aliases(lib: Library, entity_id: int) -> list[sqlite3.Row]:
    """name, script and match_key of each alias of the entity, the user's first, then oldest first."""
    return lib.conn.execute("SELECT name, script, match_key FROM aliases WHERE entity_id = ? "
                            "ORDER BY origin = 'user' DESC, id", (entity_id,)).fetchall()
