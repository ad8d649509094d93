"""The queries and writes of entity linking: the romanised-key index and the
look-ups the linker makes.  The decisions (which keys, which confidence) are
link/'s; services/linking.py combines the two.

``link_keys`` (a table of schema v2, store/schema.py) holds, per alias, the weaker
keys of link/romanise.py and link/keys.py:

=======  ===========================================================
scheme   key
=======  ===========================================================
(empty)  marker: this alias has been indexed
py       order-free pinyin key of a personal name ('jiayi liu')
jas      a candidate romaji reading of a Japanese surname in kanji
lat      one folded romaji token of a Latin-script personal name
core     an organisation's/place's key without its legal or 市/省 suffix
infl     a Latin name with German/English inflection endings cut
qual     a local short form qualified by its article's place (市政府 -> 青岛市政府)
=======  ===========================================================
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .db import Library, execute_rows


def highest_indexed_alias(lib: Library) -> int:
    return lib.scalar("SELECT max(alias_id) FROM link_keys") or 0


def aliases_after(lib: Library, alias_id: int) -> list[tuple[int, str, str]]:
    """(alias id, name, entity kind) of the aliases added after ``alias_id``, oldest first."""
    rows = lib.conn.execute(
        "SELECT a.id, a.name, e.kind FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.id > ? ORDER BY a.id",
        (alias_id,)).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def add_link_keys(lib: Library, rows: Iterable[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Index (alias id, scheme, key) rows; returns the rows given (the index is
    derived data: undo rebuilds it with ``clear_link_keys`` and a re-index)."""
    rows = list(rows)
    if rows:
        with lib.transaction() as conn:
            execute_rows(conn, "INSERT OR IGNORE INTO link_keys (alias_id, scheme, key)", "(?,?,?)", rows)
    return rows


def clear_link_keys(lib: Library) -> int:
    """Empty the index (it is rebuilt from the aliases); returns the rows removed."""
    with lib.transaction() as conn:
        return conn.execute("DELETE FROM link_keys").rowcount


def candidates(lib: Library, scheme: str, keys: Iterable[str], kind: str, exclude: int) -> list[tuple[int, str]]:
    """(entity, alias name) of live entities of ``kind`` but ``exclude`` with one of
    ``keys`` under ``scheme`` in the index."""
    keys = list(keys)
    if not keys:
        return []
    rows = lib.conn.execute(
        f"""SELECT DISTINCT a.entity_id, a.name FROM link_keys k JOIN aliases a ON a.id = k.alias_id
            JOIN entities e ON e.id = a.entity_id
            WHERE k.scheme = ? AND k.key IN ({','.join('?' * len(keys))})
              AND e.kind = ? AND e.merged_into IS NULL AND e.id != ?""",
        (scheme, *keys, kind, exclude))
    return [(r[0], r[1]) for r in rows]


def by_match_key(lib: Library, key: str, kind: str, exclude: int) -> list[tuple[int, str]]:
    """(entity, alias name) of live entities of ``kind`` but ``exclude`` with an alias of this match key."""
    rows = lib.conn.execute(
        """SELECT DISTINCT a.entity_id, a.name FROM aliases a JOIN entities e ON e.id = a.entity_id
           WHERE a.match_key = ? AND e.kind = ? AND e.merged_into IS NULL AND e.id != ?""", (key, kind, exclude))
    return [(r[0], r[1]) for r in rows]


def alias_names(lib: Library, entity_id: int) -> list[str]:
    return [r[0] for r in lib.conn.execute("SELECT name FROM aliases WHERE entity_id = ?", (entity_id,))]


def first_alias_id(lib: Library, entity_id: int) -> int | None:
    return lib.scalar("SELECT id FROM aliases WHERE entity_id = ? ORDER BY id LIMIT 1", (entity_id,))


def entity_named_in_article(lib: Library, article_id: int, key: str, kind: str) -> int | None:
    """A live entity of ``kind`` with an alias of match key ``key`` that a fact of the article is linked to."""
    row = lib.conn.execute(
        """SELECT fe.entity_id FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
           JOIN aliases a ON a.entity_id = fe.entity_id JOIN entities e ON e.id = fe.entity_id
           WHERE f.article_id = ? AND a.match_key = ? AND e.kind = ? AND e.merged_into IS NULL
           ORDER BY fe.entity_id LIMIT 1""", (article_id, key, kind)).fetchone()
    return None if row is None else row[0]


def fill_alias_language(lib: Library, entity_id: int, lang: str, name: str | None = None) -> list[int]:
    """Give the entity's aliases without a language (only ``name``, if given) the language
    ``lang``; returns the ids changed (undo sets their language back to NULL)."""
    sql = "UPDATE aliases SET lang = ? WHERE entity_id = ? AND lang IS NULL"
    params: tuple = (lang, entity_id)
    if name is not None:
        sql += " AND name = ?"
        params += (name,)
    with lib.transaction() as conn:
        return sorted(r[0] for r in conn.execute(sql + " RETURNING id", params).fetchall())


def article_language(lib: Library, article_id: int) -> tuple[bool, str | None]:
    """(the article exists, its language)."""
    row = lib.conn.execute("SELECT lang FROM articles WHERE id = ?", (article_id,)).fetchone()
    return (False, None) if row is None else (True, row[0])


def facts_to_link(lib: Library, article_id: int, kinds: Iterable[str]) -> list[tuple[int, str, str, dict]]:
    """(fact id, kind, text, value) of the article's facts of ``kinds`` that are not rejected, in text order."""
    kinds = list(kinds)
    rows = lib.conn.execute(
        f"""SELECT id, kind, text, value_json FROM facts
            WHERE article_id = ? AND status != 'rejected' AND kind IN ({','.join('?' * len(kinds))})
            ORDER BY start""", (article_id, *kinds)).fetchall()
    return [(fid, kind, text, json.loads(value_json or "{}")) for fid, kind, text, value_json in rows]


def linked_roles(lib: Library, article_id: int) -> dict[int, set[str]]:
    """{fact id: roles it is already linked in} for the article's facts."""
    existing: dict[int, set[str]] = {}
    for fid, role in lib.conn.execute(
            """SELECT fe.fact_id, fe.role FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
               WHERE f.article_id = ?""", (article_id,)):
        existing.setdefault(fid, set()).add(role)
    return existing



def entities_with_key_prefix(lib: Library, scheme: str, prefix: str, kind: str,
                             limit: int = 500) -> list[tuple[int, str]]:
    """(entity, key) of live entities of ``kind`` with a key under ``scheme`` that has a
    word starting with ``prefix`` (keys are words joined by spaces: 'qingguo xue')."""
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = lib.conn.execute(
        r"""SELECT DISTINCT a.entity_id, k.key FROM link_keys k JOIN aliases a ON a.id = k.alias_id
            JOIN entities e ON e.id = a.entity_id
            WHERE k.scheme = ? AND (k.key LIKE ? ESCAPE '\' OR k.key LIKE ? ESCAPE '\')
              AND e.kind = ? AND e.merged_into IS NULL LIMIT ?""",
        (scheme, f"{like}%", f"% {like}%", kind, limit))
    return [(r[0], r[1]) for r in rows]


def organisations_of_person(lib: Library, entity_ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """{person entity: [(organisation entity, organisation as the fact wrote it)]} over the
    person facts linked to each entity, where neither link nor the fact was rejected (the
    organisation entity followed to what it was merged into)."""
    ids = sorted(set(entity_ids))
    out: dict[int, list[tuple[int, str]]] = {eid: [] for eid in ids}
    if not ids:
        return out
    rows = lib.conn.execute(
        f"""SELECT s.entity_id, coalesce(e.merged_into, e.id), json_extract(f.value_json, '$.org')
            FROM fact_entities s JOIN facts f ON f.id = s.fact_id
            JOIN fact_entities o ON o.fact_id = s.fact_id AND o.role = 'org'
            JOIN entities e ON e.id = o.entity_id
            WHERE s.entity_id IN ({','.join('?' * len(ids))}) AND s.role = 'subject'
              AND s.status != 'rejected' AND o.status != 'rejected' AND f.status != 'rejected'""", ids)
    for person, org, name in rows:
        if (org, name or "") not in out[person]:
            out[person].append((org, name or ""))
    return out
