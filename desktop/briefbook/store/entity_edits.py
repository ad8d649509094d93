"""Entity splits and renames that return the exact record to undo and redo them
(the GUI's undo commands keep these records).

``store.entities.split_entity`` and ``rename_entity`` return only the new id or
the old name.  Undoing a split by merging back re-inserts the fact links (new
rows) and leaves traces; undoing a rename left the alias the rename added.  These
helpers record exactly what the store call changed, so that undo puts every row
back as it was and redo re-applies the same rows (same ids, so later commands on
the redo stack still find what they refer to).
"""

from __future__ import annotations

from . import entities as ent
from .db import Library, now_iso


def _row(lib: Library, sql: str, params: tuple) -> dict | None:
    row = lib.conn.execute(sql, params).fetchone()
    return dict(row) if row is not None else None


def _insert(conn, table: str, row: dict) -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({','.join('?' * len(row))})", tuple(row.values()))


# -- split ---------------------------------------------------------------------------------

def split(lib: Library, entity_id: int, alias_ids: list[int], name: str | None = None) -> dict:
    """Split off the aliases (and their facts) into a new entity; returns the record for undo/redo."""
    new_id = ent.split_entity(lib, entity_id, alias_ids, name)
    return {
        "entity": entity_id,
        "new": _row(lib, "SELECT * FROM entities WHERE id = ?", (new_id,)),
        "aliases": [r[0] for r in lib.conn.execute("SELECT id FROM aliases WHERE entity_id = ? ORDER BY id",
                                                   (new_id,))],
        "links": [(r[0], r[1]) for r in lib.conn.execute(
            "SELECT fact_id, role FROM fact_entities WHERE entity_id = ? ORDER BY rowid", (new_id,))],
    }


def undo_split(lib: Library, record: dict) -> None:
    old, new = record["entity"], record["new"]["id"]
    with lib.transaction() as conn:
        for alias_id in record["aliases"]:
            conn.execute("UPDATE aliases SET entity_id = ? WHERE id = ? AND entity_id = ?", (old, alias_id, new))
        for fact_id, role in record["links"]:  # an UPDATE keeps the link row itself (rowid, confidence, status)
            conn.execute("UPDATE fact_entities SET entity_id = ? WHERE fact_id = ? AND entity_id = ? AND role = ?",
                         (old, fact_id, new, role))
        conn.execute("DELETE FROM entity_merge_proposals WHERE entity_a = ? OR entity_b = ?", (new, new))
        conn.execute("DELETE FROM entities WHERE id = ?", (new,))


def redo_split(lib: Library, record: dict) -> None:
    old, new = record["entity"], record["new"]["id"]
    with lib.transaction() as conn:
        _insert(conn, "entities", record["new"])
        for alias_id in record["aliases"]:
            conn.execute("UPDATE aliases SET entity_id = ? WHERE id = ? AND entity_id = ?", (new, alias_id, old))
        for fact_id, role in record["links"]:
            conn.execute("UPDATE fact_entities SET entity_id = ? WHERE fact_id = ? AND entity_id = ? AND role = ?",
                         (new, fact_id, old, role))


# -- rename --------------------------------------------------------------------------------

def rename(lib: Library, entity_id: int, name: str) -> dict:
    """Rename; the record says which alias the rename added (None when the name was already one)."""
    before = _row(lib, "SELECT canonical_name, updated_at FROM entities WHERE id = ?", (entity_id,))
    if before is None:
        raise KeyError(entity_id)
    had = {r[0] for r in lib.conn.execute("SELECT id FROM aliases WHERE entity_id = ?", (entity_id,))}
    ent.rename_entity(lib, entity_id, name)
    added = [dict(r) for r in lib.conn.execute("SELECT * FROM aliases WHERE entity_id = ? ORDER BY id", (entity_id,))
             if r["id"] not in had]
    return {"entity": entity_id, "name": name, "before": before, "added": added}


def undo_rename(lib: Library, record: dict) -> None:
    with lib.transaction() as conn:
        for alias in record["added"]:
            conn.execute("DELETE FROM aliases WHERE id = ?", (alias["id"],))
        conn.execute("UPDATE entities SET canonical_name = ?, updated_at = ? WHERE id = ?",
                     (record["before"]["canonical_name"], record["before"]["updated_at"], record["entity"]))


def redo_rename(lib: Library, record: dict) -> None:
    with lib.transaction() as conn:
        conn.execute("UPDATE entities SET canonical_name = ?, updated_at = ? WHERE id = ?",
                     (record["name"], now_iso(), record["entity"]))
        for alias in record["added"]:
            _insert(conn, "aliases", alias)
