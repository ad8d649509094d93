"""Entities (people, organisations, places, events) with their aliases, the facts
that mention them, and merge proposals.  Writes return what undo needs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.names import match_key, script_of
from .articles import with_shown_titles
from .db import Library, execute_rows, inserted_id, now_iso
from .ids import new_uuid


@dataclass
class Entity:
    id: int
    kind: str
    name: str
    aliases: list[dict] = field(default_factory=list)
    note: str | None = None
    fact_count: int = 0
    article_count: int = 0


def _key(name: str) -> str:
    return match_key(name)


def create_entity(lib: Library, kind: str, name: str, aliases: Sequence[tuple[str, str | None]] = (),
                  origin: str = "extractor") -> int:
    stamp = now_iso()
    with lib.transaction() as conn:
        eid = inserted_id(conn.execute("INSERT INTO entities (kind, canonical_name, created_at, updated_at, uuid, "
                                       "modified_at) VALUES (?,?,?,?,?,?)", (kind, name, stamp, stamp, new_uuid(), stamp)))
        add_alias(lib, eid, name, None, origin)
        for alias, lang in aliases:
            add_alias(lib, eid, alias, lang, origin)
    return eid


def add_alias(lib: Library, entity_id: int, name: str, lang: str | None = None, origin: str = "user") -> int | None:
    """Add a name; returns the alias id, or None when the entity already had it."""
    name = name.strip()
    if not name:
        raise ValueError("an alias needs a name")
    with lib.transaction() as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, name, match_key, lang, script, origin) VALUES (?,?,?,?,?,?)",
            (entity_id, name, _key(name), lang, script_of(name), origin))
        return cur.lastrowid if cur.rowcount else None


def remove_alias(lib: Library, alias_id: int) -> dict | None:
    row = lib.conn.execute("SELECT * FROM aliases WHERE id = ?", (alias_id,)).fetchone()
    if row is None:
        return None
    with lib.transaction() as conn:
        conn.execute("DELETE FROM aliases WHERE id = ?", (alias_id,))
    return dict(row)


def restore_alias(lib: Library, saved: dict) -> None:
    with lib.transaction() as conn:
        cols = ", ".join(saved)
        conn.execute(f"INSERT OR IGNORE INTO aliases ({cols}) VALUES ({','.join('?' * len(saved))})",
                     tuple(saved.values()))


def find_entities(lib: Library, kind: str, name: str) -> list[int]:
    """Live (not merged-away) entities of ``kind`` with an alias matching ``name``."""
    rows = lib.conn.execute(
        """SELECT DISTINCT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id
           WHERE a.match_key = ? AND e.kind = ? AND e.merged_into IS NULL ORDER BY e.id""",
        (_key(name), kind))
    return [r[0] for r in rows]


def live_aliases_by_key(lib: Library, keys: Sequence[str]) -> dict[str, list[tuple[int, str, str]]]:
    """match key -> (entity id, kind, alias name) of every alias with that key of a live
    (not merged-away) entity, for many keys in a few statements (``find_entities`` of
    each key is the ids of one kind in it, in order)."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    unique = sorted(set(keys))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        for r in lib.conn.execute(
                f"""SELECT a.match_key, e.id, e.kind, a.name FROM aliases a JOIN entities e ON e.id = a.entity_id
                    WHERE a.match_key IN ({','.join('?' * len(chunk))}) AND e.merged_into IS NULL ORDER BY e.id""",
                chunk):
            out.setdefault(r[0], []).append((r[1], r[2], r[3]))
    return out


def link_fact(lib: Library, fact_id: int, entity_id: int, role: str = "subject", confidence: float = 1.0,
              status: str = "accepted") -> None:
    with lib.transaction() as conn:
        conn.execute(
            """INSERT INTO fact_entities (fact_id, entity_id, role, confidence, status) VALUES (?,?,?,?,?)
               ON CONFLICT (fact_id, entity_id, role) DO UPDATE SET confidence = excluded.confidence""",
            (fact_id, entity_id, role, confidence, status))


def link_facts(lib: Library, rows: list[tuple[int, int, str, float, str]]) -> None:
    """Many links at once: (fact_id, entity_id, role, confidence, status) rows."""
    if not rows:
        return
    with lib.transaction() as conn:
        execute_rows(conn, "INSERT INTO fact_entities (fact_id, entity_id, role, confidence, status)", "(?,?,?,?,?)",
                     rows, "ON CONFLICT (fact_id, entity_id, role) DO UPDATE SET confidence = excluded.confidence")


def get_entity(lib: Library, entity_id: int) -> Entity | None:
    row = lib.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    ent = Entity(row["id"], row["kind"], row["canonical_name"], note=row["note"])
    ent.aliases = [dict(r) for r in lib.conn.execute(
        "SELECT id, name, lang, script, origin FROM aliases WHERE entity_id = ? ORDER BY id", (entity_id,))]
    ent.fact_count, ent.article_count = lib.conn.execute(
        """SELECT count(DISTINCT f.id), count(DISTINCT f.article_id) FROM fact_entities fe
           JOIN facts f ON f.id = fe.fact_id WHERE fe.entity_id = ? AND fe.status != 'rejected'""",
        (entity_id,)).fetchone()
    return ent


def canonical_name(lib: Library, entity_id: int) -> str | None:
    return lib.scalar("SELECT canonical_name FROM entities WHERE id = ?", (entity_id,))


def merged_into(lib: Library, entity_id: int) -> int | None:
    """The entity this one was merged into (None: not merged, or no such entity)."""
    return lib.scalar("SELECT merged_into FROM entities WHERE id = ?", (entity_id,))


def list_entities(lib: Library, kind: str | None = None, name_like: str | None = None,
                  limit: int = 500, offset: int = 0) -> list[Entity]:
    sql = """SELECT e.id, e.kind, e.canonical_name, e.note,
                    (SELECT count(*) FROM fact_entities fe WHERE fe.entity_id = e.id AND fe.status != 'rejected') AS n,
                    (SELECT count(DISTINCT f.article_id) FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
                     WHERE fe.entity_id = e.id AND fe.status != 'rejected') AS na
             FROM entities e WHERE e.merged_into IS NULL"""
    params: list = []
    if kind:
        sql += " AND e.kind = ?"
        params.append(kind)
    if name_like:
        sql += " AND e.id IN (SELECT entity_id FROM aliases WHERE name LIKE ? OR match_key LIKE ?)"
        params += [f"%{name_like}%", f"%{_key(name_like)}%"]
    sql += " ORDER BY n DESC, e.canonical_name LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [Entity(r[0], r[1], r[2], note=r[3], fact_count=r[4], article_count=r[5])
            for r in lib.conn.execute(sql, params)]


def entity_facts(lib: Library, entity_id: int) -> list[dict]:
    """The facts that mention an entity, with their article's title (``title``: its headline,
    ``article_title``: what to show) and date (newest first)."""
    rows = lib.conn.execute(
        """SELECT f.id, f.kind, f.text, f.value_json, f.status, f.article_id, fe.role, fe.confidence,
                  fe.status AS link_status, a.title, a.published
           FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id JOIN articles a ON a.id = f.article_id
           WHERE fe.entity_id = ? ORDER BY a.published DESC, f.article_id, f.start""", (entity_id,))
    out = []
    for r in rows:
        d = dict(r)
        d["value"] = json.loads(d.pop("value_json") or "{}")
        out.append(d)
    return with_shown_titles(lib, out)  # the headline, or an untitled article's opening words


def titles_over_time(lib: Library, entity_id: int) -> list[tuple[str | None, str | None, str | None]]:
    """(date, title, org) for each person fact of the entity, newest first."""
    result = []
    for f in entity_facts(lib, entity_id):
        if f["kind"] == "person" and f["status"] != "rejected" and (f["value"].get("title") or f["value"].get("org")):
            result.append((f["published"], f["value"].get("title"), f["value"].get("org")))
    return result


def accepted_organisation(lib: Library, entity_id: int) -> str | None:
    """The organisation of the entity's newest accepted (or edited) person fact that names one."""
    for f in entity_facts(lib, entity_id):
        if (f["kind"] == "person" and f["status"] in ("accepted", "edited") and f["link_status"] != "rejected"
                and (f["value"].get("org") or "").strip()):
            return f["value"]["org"].strip()
    return None


def rename_entity(lib: Library, entity_id: int, name: str) -> str:
    old = lib.scalar("SELECT canonical_name FROM entities WHERE id = ?", (entity_id,))
    if old is None:
        raise KeyError(entity_id)
    with lib.transaction() as conn:
        conn.execute("UPDATE entities SET canonical_name = ?, updated_at = ? WHERE id = ?", (name, now_iso(), entity_id))
        add_alias(lib, entity_id, name, None, "user")
    return old


def merge_entities(lib: Library, keep_id: int, other_id: int) -> dict:
    """Fold ``other`` into ``keep``: aliases, fact links and notes move; ``other`` is
    marked merged (not deleted), so the record returned lets undo split them again."""
    if keep_id == other_id:
        raise ValueError("an entity cannot be merged with itself")
    record: dict[str, Any] = {
        "keep": keep_id, "other": other_id,
        "aliases": [r[0] for r in lib.conn.execute("SELECT id FROM aliases WHERE entity_id = ?", (other_id,))],
        "links": [dict(r) for r in lib.conn.execute("SELECT * FROM fact_entities WHERE entity_id = ?", (other_id,))],
        "annotations": [r[0] for r in lib.conn.execute("SELECT id FROM annotations WHERE entity_id = ?", (other_id,))],
        "dropped_aliases": [],
    }
    with lib.transaction() as conn:
        keep_names = {r[0] for r in conn.execute("SELECT name FROM aliases WHERE entity_id = ?", (keep_id,))}
        for alias_id in record["aliases"]:
            name = conn.execute("SELECT name FROM aliases WHERE id = ?", (alias_id,)).fetchone()[0]
            if name in keep_names:
                record["dropped_aliases"].append(alias_id)
                continue
            conn.execute("UPDATE aliases SET entity_id = ? WHERE id = ?", (keep_id, alias_id))
        for link in record["links"]:
            conn.execute("""INSERT OR IGNORE INTO fact_entities (fact_id, entity_id, role, confidence, status)
                            VALUES (?,?,?,?,?)""", (link["fact_id"], keep_id, link["role"], link["confidence"], link["status"]))
            conn.execute("DELETE FROM fact_entities WHERE fact_id = ? AND entity_id = ? AND role = ?",
                         (link["fact_id"], other_id, link["role"]))
        conn.execute("UPDATE annotations SET entity_id = ? WHERE entity_id = ?", (keep_id, other_id))
        conn.execute("UPDATE entities SET merged_into = ?, updated_at = ? WHERE id = ?", (keep_id, now_iso(), other_id))
        conn.execute("""UPDATE entity_merge_proposals SET status = 'accepted'
                        WHERE (entity_a = ? AND entity_b = ?) OR (entity_a = ? AND entity_b = ?)""",
                     (keep_id, other_id, other_id, keep_id))
    return record


def unmerge_entities(lib: Library, record: dict) -> None:
    keep, other = record["keep"], record["other"]
    with lib.transaction() as conn:
        conn.execute("UPDATE entities SET merged_into = NULL, updated_at = ? WHERE id = ?", (now_iso(), other))
        for alias_id in record["aliases"]:
            if alias_id not in record["dropped_aliases"]:
                conn.execute("UPDATE aliases SET entity_id = ? WHERE id = ?", (other, alias_id))
        for link in record["links"]:
            conn.execute("DELETE FROM fact_entities WHERE fact_id = ? AND entity_id = ? AND role = ?",
                         (link["fact_id"], keep, link["role"]))
            conn.execute("""INSERT OR IGNORE INTO fact_entities (fact_id, entity_id, role, confidence, status)
                            VALUES (?,?,?,?,?)""", (link["fact_id"], other, link["role"], link["confidence"], link["status"]))
        for ann_id in record["annotations"]:
            conn.execute("UPDATE annotations SET entity_id = ? WHERE id = ?", (other, ann_id))
        conn.execute("""UPDATE entity_merge_proposals SET status = 'proposed'
                        WHERE (entity_a = ? AND entity_b = ?) OR (entity_a = ? AND entity_b = ?)""",
                     (keep, other, other, keep))


def split_entity(lib: Library, entity_id: int, alias_ids: list[int], name: str | None = None) -> int:
    """Move the given aliases (and the facts whose text matches them) to a new entity."""
    row = lib.conn.execute("SELECT kind FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise KeyError(entity_id)
    names = [r[0] for r in lib.conn.execute(
        f"SELECT name FROM aliases WHERE entity_id = ? AND id IN ({','.join('?' * len(alias_ids))})",
        (entity_id, *alias_ids))]
    if not names:
        raise ValueError("choose at least one name to split off")
    stamp = now_iso()
    with lib.transaction() as conn:
        new_id = inserted_id(conn.execute("INSERT INTO entities (kind, canonical_name, created_at, updated_at, uuid, "
                                          "modified_at) VALUES (?,?,?,?,?,?)",
                                          (row[0], name or names[0], stamp, stamp, new_uuid(), stamp)))
        conn.execute(f"UPDATE aliases SET entity_id = ? WHERE id IN ({','.join('?' * len(alias_ids))}) AND entity_id = ?",
                     (new_id, *alias_ids, entity_id))
        keys = {_key(n) for n in names}
        for fact_id, value_json, text in conn.execute(
                """SELECT f.id, f.value_json, f.text FROM fact_entities fe JOIN facts f ON f.id = fe.fact_id
                   WHERE fe.entity_id = ?""", (entity_id,)).fetchall():
            fname = json.loads(value_json or "{}").get("name") or text
            if _key(fname) in keys:
                conn.execute("UPDATE fact_entities SET entity_id = ? WHERE fact_id = ? AND entity_id = ?",
                             (new_id, fact_id, entity_id))
    return new_id


# -- merge proposals ----------------------------------------------------------

def propose_merge(lib: Library, a: int, b: int, confidence: float, reason: str) -> int | None:
    a, b = min(a, b), max(a, b)
    with lib.transaction() as conn:
        cur = conn.execute(
            """INSERT OR IGNORE INTO entity_merge_proposals (entity_a, entity_b, confidence, reason, created_at)
               VALUES (?,?,?,?,?)""", (a, b, confidence, reason, now_iso()))
        return cur.lastrowid if cur.rowcount else None


def merge_proposals(lib: Library, status: str = "proposed") -> list[dict]:
    rows = lib.conn.execute(
        """SELECT p.id, p.entity_a, p.entity_b, p.confidence, p.reason, ea.canonical_name AS name_a,
                  eb.canonical_name AS name_b, ea.kind
           FROM entity_merge_proposals p JOIN entities ea ON ea.id = p.entity_a JOIN entities eb ON eb.id = p.entity_b
           WHERE p.status = ? AND ea.merged_into IS NULL AND eb.merged_into IS NULL ORDER BY p.confidence DESC""",
        (status,))
    return [dict(r) for r in rows]


def set_proposal_status(lib: Library, proposal_id: int, status: str) -> str:
    old = lib.scalar("SELECT status FROM entity_merge_proposals WHERE id = ?", (proposal_id,))
    with lib.transaction() as conn:
        conn.execute("UPDATE entity_merge_proposals SET status = ? WHERE id = ?", (status, proposal_id))
    return old
