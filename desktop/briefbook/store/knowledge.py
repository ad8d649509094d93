"""Knowledge in the library: figures, statements and the user's review decisions.

Storing and querying only; services/knowledge.py reads the mentions (facts) and
calls these.  Every write runs in one transaction and returns what it changed
and what undo needs.

Figures and statements are *claims*: a row per distinct claim (its ``key``), with
one source row per article span that makes it.  Rebuilding an article's
knowledge (``replace_article_figures`` / ``replace_article_statements``) replaces
that article's sources, adds new claims and removes claims left without any
source -- except those the user decided on, which stay (with no source) so that
their decision is never lost and comes back if a later extraction finds the
claim again.  A claim dropped without a decision is *retired* (its key and uuid
kept in ``retired_claims``): read again, it takes back its uuid, so the changes
recorded on it (and any later sync) still name the same claim.

Decisions (``decide`` / ``undo_decision``) are one per target (entity,
statement, figure), keyed by the target's uuid; every decision and every undo is
recorded in ``changes`` (who, when, old, new).

    decide(lib, "figure", uuid, "accepted")          -> undo record
    decide(lib, "entity", uuid, "edited", {"name": "…"})
    undo_decision(lib, record)
    decision_for(lib, kind, uuid) / decisions_for(lib, kind) / decided_among(lib, kind, uuids)
    figure_rows(lib) / figure_sources(lib, ids) / conflict_candidates(lib)
    statement_rows(lib) / statement_sources(lib, ids)
    split_mention(lib, fact_id) / unsplit_mention(lib, record)
    claims_of_articles(lib, ids) / gone_claims(lib, snapshot) / restore_claims(lib, snapshot) / drop_unsourced(lib, ids)
    user_measures(lib) / save_user_measure(lib, ...) / restore_user_measure(lib, key, old)
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .db import Library, execute_rows, now_iso
from .ids import new_uuid

TARGET_KINDS = ("entity", "statement", "figure")
DECISIONS = ("accepted", "rejected", "edited")

_TARGET_OF = {"figures": "figure", "statements": "statement"}
_CLAIM_TABLES = (("figures", "figure_sources", "figure_id"), ("statements", "statement_sources", "statement_id"))
_FIGURE_FIELDS = ("kind", "measure", "subject", "subject_json", "period_start", "period_end", "period_kind",
                  "approx", "value", "unit", "currency", "fraction", "scope", "confidence")


# -- decisions ---------------------------------------------------------------------

def _decision_row(conn, kind: str, uuid: str) -> dict | None:
    row = conn.execute("SELECT uuid, status, edit_json, decided_by, modified_at FROM decisions "
                       "WHERE target_kind = ? AND target_uuid = ?", (kind, uuid)).fetchone()
    if row is None:
        return None
    return {"uuid": row["uuid"], "status": row["status"], "edit": json.loads(row["edit_json"] or "{}"),
            "decided_by": row["decided_by"], "modified_at": row["modified_at"]}


def decision_for(lib: Library, kind: str, uuid: str) -> dict | None:
    return _decision_row(lib.conn, kind, uuid)


def decisions_for(lib: Library, kind: str) -> dict[str, dict]:
    """{target uuid: decision} for every decided target of a kind."""
    out = {}
    for row in lib.conn.execute("SELECT target_uuid, status, edit_json, decided_by, modified_at FROM decisions "
                                "WHERE target_kind = ?", (kind,)):
        out[row["target_uuid"]] = {"status": row["status"], "edit": json.loads(row["edit_json"] or "{}"),
                                   "decided_by": row["decided_by"], "modified_at": row["modified_at"]}
    return out


def decided_among(lib: Library, kind: str, uuids: Iterable[str]) -> set[str]:
    """Those of ``uuids`` that have a decision (an indexed lookup of these alone: the cost of
    building one article's knowledge must not grow with the decisions of the library)."""
    wanted = sorted(set(uuids))
    out: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        out.update(r[0] for r in lib.conn.execute(
            f"SELECT target_uuid FROM decisions WHERE target_kind = ? AND target_uuid IN ({','.join('?' * len(chunk))})",
            (kind, *chunk)))
    return out


def _record_change(conn, kind: str, uuid: str, who: str, old: dict | None, new: dict | None) -> None:
    conn.execute("INSERT INTO changes (uuid, target_kind, target_uuid, who, at, old_json, new_json) "
                 "VALUES (?,?,?,?,?,?,?)",
                 (new_uuid(), kind, uuid, who, now_iso(), json.dumps(old, ensure_ascii=False) if old else None,
                  json.dumps(new, ensure_ascii=False) if new else None))


def _write_decision(conn, kind: str, uuid: str, new: dict | None) -> None:
    if new is None:
        conn.execute("DELETE FROM decisions WHERE target_kind = ? AND target_uuid = ?", (kind, uuid))
        return
    conn.execute(
        "INSERT INTO decisions (uuid, target_kind, target_uuid, status, edit_json, decided_by, modified_at) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT (target_kind, target_uuid) DO UPDATE SET status = excluded.status, "
        "edit_json = excluded.edit_json, decided_by = excluded.decided_by, modified_at = excluded.modified_at",
        (new.get("uuid") or new_uuid(), kind, uuid, new["status"], json.dumps(new.get("edit") or {}, ensure_ascii=False),
         new["decided_by"], new["modified_at"]))


def decide(lib: Library, kind: str, uuid: str, status: str | None, edit: dict | None = None,
           by: str = "user") -> dict:
    """Set (or with ``status=None`` clear) the decision on one target.

    Returns the undo record ``{"kind", "uuid", "old", "new"}`` (old/new are the
    decision before and after, None for "no decision")."""
    return decide_many(lib, kind, [uuid], status, edit, by)[0]


def decide_many(lib: Library, kind: str, uuids: Iterable[str], status: str | None, edit: dict | None = None,
                by: str = "user") -> list[dict]:
    """The same decision on many targets in one transaction (bulk review); one undo record each."""
    if kind not in TARGET_KINDS:
        raise ValueError(f"unknown decision target {kind!r}")
    if status is not None and status not in DECISIONS:
        raise ValueError(f"unknown decision {status!r}")
    records = []
    with lib.transaction() as conn:
        for uuid in uuids:
            old = _decision_row(conn, kind, uuid)
            new = None if status is None else {"uuid": old["uuid"] if old else new_uuid(), "status": status,
                                               "edit": edit or {}, "decided_by": by, "modified_at": now_iso()}
            _write_decision(conn, kind, uuid, new)
            _record_change(conn, kind, uuid, by, old, new)
            records.append({"kind": kind, "uuid": uuid, "old": old, "new": new})
    return records


def undo_decision(lib: Library, record: dict | list[dict], by: str = "user") -> None:
    """Put back what ``decide``/``decide_many`` changed (the undo is itself recorded as a change)."""
    records = record if isinstance(record, list) else [record]
    with lib.transaction() as conn:
        for rec in reversed(records):
            current = _decision_row(conn, rec["kind"], rec["uuid"])
            _write_decision(conn, rec["kind"], rec["uuid"], rec["old"])
            _record_change(conn, rec["kind"], rec["uuid"], by, current, rec["old"])


def changes_for(lib: Library, kind: str, uuid: str) -> list[dict]:
    return [{"who": r["who"], "at": r["at"], "old": json.loads(r["old_json"]) if r["old_json"] else None,
             "new": json.loads(r["new_json"]) if r["new_json"] else None}
            for r in lib.conn.execute("SELECT who, at, old_json, new_json FROM changes WHERE target_kind = ? "
                                      "AND target_uuid = ? ORDER BY id", (kind, uuid))]


# -- figures -----------------------------------------------------------------------

def _own_claims_by_span(conn, table: str, sources: str, column: str, article_id: int) -> dict[tuple, int]:
    """(kind, start, end) -> claim id, for the claims whose every source is in this article:
    a claim read again from the same span after an edit, a merge or re-extraction (its key
    changed with the words) is the same claim, so it keeps its uuid and decision."""
    rows = conn.execute(
        f'SELECT c.id, c.kind, s.start, s."end" FROM {table} c JOIN {sources} s ON s.{column} = c.id '
        f"WHERE s.article_id = ? AND NOT EXISTS (SELECT 1 FROM {sources} o WHERE o.{column} = c.id "
        f"AND o.article_id != ?)", (article_id, article_id)).fetchall()
    return {(r["kind"], r["start"], r["end"]): r["id"] for r in rows}


class _ClaimRows:
    """The rows an article's claims go to, looked up in one statement per few hundred keys
    instead of one a claim: the existing row of each key, else the article's earlier claim
    from the same span (re-keyed), else a new row, inserted together with the others."""

    def __init__(self, conn, table: str, keys: list[str], by_span: dict[tuple, int]):
        self.conn, self.table, self.by_span = conn, table, by_span
        self.by_key: dict[str, dict] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            for r in conn.execute(f"SELECT id, uuid, key FROM {table} WHERE key IN ({','.join('?' * len(chunk))})",
                                  chunk):
                self.by_key[r["key"]] = {"id": r["id"], "uuid": r["uuid"]}
        # a claim dropped earlier and read again is the same claim: it takes back its uuid
        self.retired: dict[str, str] = {}
        missing = [k for k in unique if k not in self.by_key]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            self.retired.update(conn.execute(
                f"SELECT r.key, r.uuid FROM retired_claims r WHERE r.target_kind = ? AND r.key IN "
                f"({','.join('?' * len(chunk))}) AND NOT EXISTS (SELECT 1 FROM {table} c WHERE c.uuid = r.uuid)",
                (_TARGET_OF[table], *chunk)).fetchall())
        self.taken: set[int] = set()
        self.new: list[tuple[dict, tuple]] = []  # (row, values) in the order claims came

    def row(self, key: str, kind: str, srcs: list[dict]) -> dict | None:
        """The row ``key`` goes to, or None when it needs a new one (``add`` it)."""
        row = self.by_key.get(key)
        if row is None:
            for src in srcs:
                old = self.by_span.get((kind, src["start"], src["end"]))
                if old is not None and old not in self.taken:
                    self.conn.execute(f"UPDATE {self.table} SET key = ? WHERE id = ?", (key, old))
                    got = self.conn.execute(f"SELECT id, uuid FROM {self.table} WHERE id = ?", (old,)).fetchone()
                    # its old key names no row any more
                    self.by_key = {k: r for k, r in self.by_key.items() if r["id"] != old}
                    row = self.by_key[key] = {"id": got["id"], "uuid": got["uuid"]}
                    break
        if row is not None:
            self.taken.add(row["id"])
        return row

    def add(self, key: str, values: tuple) -> dict:
        """A new row for ``key`` (its id is known after ``insert``); a later claim with the
        same key finds it as an existing row."""
        row = self.by_key[key] = {"id": None, "uuid": self.retired.pop(key, None) or new_uuid()}
        self.new.append((row, values))
        return row

    def insert(self, columns: str) -> None:
        """Insert the new rows: ``columns`` after uuid, one value of ``values`` each."""
        width = columns.count(",") + 2
        for start in range(0, len(self.new), 200):
            chunk = self.new[start:start + 200]
            got = dict(self.conn.execute(
                f"INSERT INTO {self.table} (uuid, {columns}) VALUES "
                f"{','.join(['(' + ','.join('?' * width) + ')'] * len(chunk))} RETURNING uuid, id",
                [v for row, values in chunk for v in (row["uuid"], *values)]).fetchall())
            for row, _values in chunk:
                row["id"] = got[row["uuid"]]
        self.conn.executemany("DELETE FROM retired_claims WHERE uuid = ?", [(row["uuid"],) for row, _v in self.new])


def replace_article_figures(lib: Library, article_id: int, figures: list[dict]) -> dict:
    """Make ``figures`` (dicts with ``key``, the _FIGURE_FIELDS, ``sources`` [{fact_id, start, end, text}]
    and optionally ``qualifies_key``) the article's figure claims; returns
    {"added", "kept", "removed", "uuids": {key: uuid}}."""
    stamp = now_iso()
    added = kept = 0
    uuids: dict[str, str] = {}
    with lib.transaction() as conn:
        before = _sourced_by(conn, "figure_sources", "figure_id", article_id)
        by_span = _own_claims_by_span(conn, "figures", "figure_sources", "figure_id", article_id)
        conn.execute("DELETE FROM figure_sources WHERE article_id = ?", (article_id,))
        claims = _ClaimRows(conn, "figures", [fig["key"] for fig in figures], by_span)
        rows: list[dict] = []
        for fig in figures:
            values = [fig.get(f) for f in _FIGURE_FIELDS]
            values[_FIGURE_FIELDS.index("scope")] = fig.get("scope") or ""
            values[_FIGURE_FIELDS.index("approx")] = fig.get("approx") or "exact"
            row = claims.row(fig["key"], fig["kind"], fig.get("sources", []))
            if row is None:
                row = claims.add(fig["key"], (fig["key"], *values, stamp, stamp))
                added += 1
            else:
                if row["id"] is None:  # the same key twice in this article: the later values win
                    pending = next(i for i, (r, _v) in enumerate(claims.new) if r is row)
                    claims.new[pending] = (row, (fig["key"], *values, stamp, stamp))
                else:
                    conn.execute(f"UPDATE figures SET {', '.join(f + ' = ?' for f in _FIGURE_FIELDS)} WHERE id = ?",
                                 (*values, row["id"]))
                kept += 1
            uuids[fig["key"]] = row["uuid"]
            rows.append(row)
        claims.insert(f"key, {', '.join(_FIGURE_FIELDS)}, created_at, modified_at")
        ids = {fig["key"]: row["id"] for fig, row in zip(figures, rows, strict=True)}
        execute_rows(conn, 'INSERT OR IGNORE INTO figure_sources (figure_id, article_id, fact_id, start, "end", text)',
                     "(?,?,?,?,?,?)", [(row["id"], article_id, src.get("fact_id"), src["start"], src["end"], src["text"])
                                       for fig, row in zip(figures, rows, strict=True) for src in fig.get("sources", [])])
        # a new row has no qualifies_id yet: only a kept row, or one that qualifies another, is set
        qualifies = {ids[fig["key"]]: ids.get(fig["qualifies_key"]) if fig.get("qualifies_key") else None
                     for fig in figures}
        new_ids = {row["id"] for row, _v in claims.new}
        conn.executemany("UPDATE figures SET qualifies_id = ? WHERE id = ?",
                         [(target, fid) for fid, target in qualifies.items() if target is not None or fid not in new_ids])
        removed = _drop_orphans(conn, "figures", "figure_sources", "figure_id", "figure", before)
    return {"added": added, "kept": kept, "removed": removed, "uuids": uuids}


def _sourced_by(conn, sources: str, column: str, article_id: int) -> list[int]:
    """The claims that have a source in the article (before its sources are replaced or deleted)."""
    return [r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM {sources} WHERE article_id = ?", (article_id,))]


def _drop_orphans(conn, table: str, sources: str, column: str, kind: str, candidates: list[int]) -> int:
    """Of ``candidates`` (the claims an article was a source of), those left without any
    source and without a decision go; decided ones stay for their decision.  Only the
    candidates are looked at: a sweep of the whole table would make every article's
    import cost grow with the library."""
    removed = 0
    stamp = now_iso()
    for start in range(0, len(candidates), 500):
        chunk = candidates[start:start + 500]
        unused = (f"id IN ({','.join('?' * len(chunk))}) "
                  f"AND NOT EXISTS (SELECT 1 FROM {sources} s WHERE s.{column} = {table}.id) "
                  f"AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.target_kind = ? AND d.target_uuid = {table}.uuid)")
        # retired, not forgotten: read again, the claim is the same one (uuid, recorded changes)
        conn.execute(f"INSERT OR REPLACE INTO retired_claims (target_kind, key, uuid, retired_at) "
                     f"SELECT ?, key, uuid, ? FROM {table} WHERE {unused}", (kind, stamp, *chunk, kind))
        cur = conn.execute(f"DELETE FROM {table} WHERE {unused}", (*chunk, kind))
        removed += cur.rowcount
    return removed


def drop_article_claims(conn, article_id: int):
    """Before an article is deleted: returns a function that, called after the deletion,
    drops the figures and statements it was the last source of (and that have no decision)."""
    figures = _sourced_by(conn, "figure_sources", "figure_id", article_id)
    statements = _sourced_by(conn, "statement_sources", "statement_id", article_id)

    def drop() -> int:
        return (_drop_orphans(conn, "figures", "figure_sources", "figure_id", "figure", figures)
                + _drop_orphans(conn, "statements", "statement_sources", "statement_id", "statement", statements))

    return drop


def claims_of_articles(lib: Library, article_ids: Iterable[int]) -> dict[str, list[dict]]:
    """The figures and statements the articles are a source of, and those sources, as stored
    rows: what re-reading the articles may remove, kept so that an undo puts back the same
    claims (same ids and uuids, so the decisions keyed by them hold again)."""
    ids = json.dumps(sorted({int(a) for a in article_ids}))
    out: dict[str, list[dict]] = {}
    for table, sources, column in _CLAIM_TABLES:
        out[sources] = [dict(r) for r in lib.conn.execute(
            f"SELECT * FROM {sources} WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY rowid", (ids,))]
        out[table] = [dict(r) for r in lib.conn.execute(
            f"SELECT * FROM {table} WHERE id IN (SELECT {column} FROM {sources} "
            f"WHERE article_id IN (SELECT value FROM json_each(?))) ORDER BY id", (ids,))]
    return out


def restore_claims(lib: Library, snapshot: dict[str, list[dict]]) -> dict[str, list[int]]:
    """Put back the claims of a ``claims_of_articles`` snapshot that are gone (a claim whose id,
    uuid or key is taken again stays as it is) and their sources (where the article is there;
    a source's mention that is gone leaves it without a fact id).  Returns the ids put back
    per table, for ``drop_unsourced``."""
    put_back: dict[str, list[int]] = {table: [] for table, _, _ in _CLAIM_TABLES}
    with lib.transaction() as conn:
        qualifies = []
        for table, sources, column in _CLAIM_TABLES:
            for row in snapshot.get(table, []):
                row = dict(row)
                if table == "figures" and row.get("qualifies_id") is not None:
                    qualifies.append((row["qualifies_id"], row["id"]))
                    row["qualifies_id"] = None  # set below, once the figure it qualifies is back too
                if table == "statements" and row.get("entity_id") is not None and conn.execute(
                        "SELECT 1 FROM entities WHERE id = ?", (row["entity_id"],)).fetchone() is None:
                    row["entity_id"] = None
                cols = ", ".join(f'"{c}"' for c in row)
                cur = conn.execute(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({','.join('?' * len(row))})",
                                   tuple(row.values()))
                if cur.rowcount:
                    put_back[table].append(row["id"])
                    conn.execute("DELETE FROM retired_claims WHERE uuid = ?", (row["uuid"],))
            for src in snapshot.get(sources, []):
                src_cols = [c for c in src if c != "fact_id"]
                quoted = ", ".join(f'"{c}"' for c in src_cols)
                conn.execute(
                    f"INSERT OR IGNORE INTO {sources} (fact_id, {quoted}) "
                    f"SELECT (SELECT id FROM facts WHERE id = ?), {', '.join('?' * len(src_cols))} "
                    f"WHERE EXISTS (SELECT 1 FROM {table} WHERE id = ?) AND EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                    (src.get("fact_id"), *(src[c] for c in src_cols), src[column], src["article_id"]))
        conn.executemany("UPDATE figures SET qualifies_id = ? WHERE id = ? AND qualifies_id IS NULL "
                         "AND EXISTS (SELECT 1 FROM figures q WHERE q.id = ?)",
                         [(target, fid, target) for target, fid in qualifies])
    return put_back


def gone_claims(lib: Library, snapshot: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The claims of a ``claims_of_articles`` snapshot that are no longer in the library, with
    their sources ({} if none is gone)."""
    out: dict[str, list[dict]] = {}
    for table, sources, column in _CLAIM_TABLES:
        rows = snapshot.get(table, [])
        there = {r[0] for r in lib.conn.execute(f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                                                (json.dumps([r["id"] for r in rows]),))} if rows else set()
        gone = {r["id"] for r in rows if r["id"] not in there}
        out[table] = [r for r in rows if r["id"] in gone]
        out[sources] = [s for s in snapshot.get(sources, []) if s[column] in gone]
    return out if any(out.values()) else {}


def drop_unsourced(lib: Library, ids: dict[str, list[int]]) -> int:
    """Of the claims ``restore_claims`` put back, those that are again without a source and
    without a decision go (a re-reading did not find them)."""
    with lib.transaction() as conn:
        return sum(_drop_orphans(conn, table, sources, column, "figure" if table == "figures" else "statement",
                                 ids.get(table, [])) for table, sources, column in _CLAIM_TABLES)


def figure_rows(lib: Library, article_ids: Iterable[int] | None = None) -> list[dict]:
    """Every figure claim (with its uuid and qualifies uuid), newest period first."""
    sql = ("SELECT f.*, q.uuid AS qualifies_uuid FROM figures f LEFT JOIN figures q ON q.id = f.qualifies_id")
    params: list = []
    if article_ids is not None:
        ids = list(article_ids)
        sql += (f" WHERE f.id IN (SELECT figure_id FROM figure_sources WHERE article_id IN "
                f"({','.join('?' * len(ids))}))")
        params = ids
    sql += " ORDER BY COALESCE(f.period_end, f.period_start) IS NULL, COALESCE(f.period_end, f.period_start) DESC, f.id"
    return [dict(r) for r in lib.conn.execute(sql, params)]


def figure_sources(lib: Library, figure_ids: Iterable[int] | None = None) -> dict[int, list[dict]]:
    sql = 'SELECT figure_id, article_id, fact_id, start, "end", text FROM figure_sources'
    params: list = []
    if figure_ids is not None:
        ids = list(figure_ids)
        sql += f" WHERE figure_id IN ({','.join('?' * len(ids))})"
        params = ids
    out: dict[int, list[dict]] = {}
    for r in lib.conn.execute(sql + " ORDER BY article_id, start", params):
        out.setdefault(r["figure_id"], []).append(dict(r))
    return out


def conflict_candidates(lib: Library) -> list[dict]:
    """The figures that may conflict (knowledge.conflicts decides which do): those an article
    still reads and the user has not rejected, each with ``qualified``, the measure of the
    figure it qualifies."""
    return [dict(r) for r in lib.conn.execute(
        "SELECT f.id, f.measure, f.subject, f.period_start, f.period_end, f.scope, f.value, f.unit, f.currency, "
        "q.measure AS qualified "
        "FROM figures f LEFT JOIN figures q ON q.id = f.qualifies_id "
        "WHERE EXISTS (SELECT 1 FROM figure_sources s WHERE s.figure_id = f.id) "
        "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.target_kind = 'figure' AND d.target_uuid = f.uuid "
        "AND d.status = 'rejected') ORDER BY f.id")]


# -- statements --------------------------------------------------------------------

def replace_article_statements(lib: Library, article_id: int, statements: list[dict]) -> dict:
    """Like ``replace_article_figures`` for statements: dicts with ``key``, ``kind``, ``args``,
    ``entity_id``, ``confidence`` and ``sources``."""
    stamp = now_iso()
    added = 0
    with lib.transaction() as conn:
        before = _sourced_by(conn, "statement_sources", "statement_id", article_id)
        by_span = _own_claims_by_span(conn, "statements", "statement_sources", "statement_id", article_id)
        conn.execute("DELETE FROM statement_sources WHERE article_id = ?", (article_id,))
        claims = _ClaimRows(conn, "statements", [st["key"] for st in statements], by_span)
        rows: list[dict] = []
        for st in statements:
            args = json.dumps(st.get("args") or {}, ensure_ascii=False)
            row = claims.row(st["key"], st["kind"], st.get("sources", []))
            if row is None:
                row = claims.add(st["key"], (st["kind"], st["key"], st.get("entity_id"), args, st.get("confidence"),
                                             stamp, stamp))
                added += 1
            elif row["id"] is None:  # the same key twice in this article: as an update of the first
                pending = next(i for i, (r, _v) in enumerate(claims.new) if r is row)
                _kind, key, entity_id, _args, _conf, *stamps = claims.new[pending][1]
                claims.new[pending] = (row, (_kind, key, st.get("entity_id") if st.get("entity_id") is not None
                                             else entity_id, args, st.get("confidence"), *stamps))
            else:
                conn.execute("UPDATE statements SET entity_id = COALESCE(?, entity_id), args_json = ?, confidence = ? "
                             "WHERE id = ?", (st.get("entity_id"), args, st.get("confidence"), row["id"]))
            rows.append(row)
        claims.insert("kind, key, entity_id, args_json, confidence, created_at, modified_at")
        execute_rows(conn, 'INSERT OR IGNORE INTO statement_sources (statement_id, article_id, fact_id, start, "end")',
                     "(?,?,?,?,?)", [(row["id"], article_id, src.get("fact_id"), src["start"], src["end"])
                                     for st, row in zip(statements, rows, strict=True) for src in st.get("sources", [])])
        removed = _drop_orphans(conn, "statements", "statement_sources", "statement_id", "statement", before)
    return {"added": added, "removed": removed}


def statement_rows(lib: Library, kinds: Iterable[str] | None = None) -> list[dict]:
    sql = "SELECT * FROM statements"
    params: list = []
    if kinds:
        ks = list(kinds)
        sql += f" WHERE kind IN ({','.join('?' * len(ks))})"
        params = ks
    out = []
    for r in lib.conn.execute(sql + " ORDER BY kind, id", params):
        d = dict(r)
        d["args"] = json.loads(d.pop("args_json") or "{}")
        out.append(d)
    return out


def statement_sources(lib: Library) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for r in lib.conn.execute('SELECT statement_id, article_id, fact_id, start, "end" FROM statement_sources '
                              "ORDER BY article_id, start"):
        out.setdefault(r["statement_id"], []).append(dict(r))
    return out


# -- mentions of an entity -----------------------------------------------------------

def split_mention(lib: Library, fact_id: int, entity_id: int) -> dict:
    """Take one mention away from its entity into a new entity of its own (the entity's
    decision no longer covers it).  Returns the undo record for ``unsplit_mention``."""
    stamp = now_iso()
    with lib.transaction() as conn:
        ent = conn.execute("SELECT kind FROM entities WHERE id = ?", (entity_id,)).fetchone()
        fact = conn.execute("SELECT text, value_json FROM facts WHERE id = ?", (fact_id,)).fetchone()
        if ent is None or fact is None:
            raise ValueError("no such mention of that entity")
        name = json.loads(fact["value_json"] or "{}").get("name") or fact["text"]
        new_id = conn.execute("INSERT INTO entities (kind, canonical_name, created_at, updated_at, uuid, modified_at) "
                              "VALUES (?,?,?,?,?,?)", (ent["kind"], name, stamp, stamp, new_uuid(), stamp)).lastrowid
        conn.execute("UPDATE fact_entities SET entity_id = ? WHERE fact_id = ? AND entity_id = ?",
                     (new_id, fact_id, entity_id))
        conn.execute("UPDATE entities SET modified_at = ? WHERE id = ?", (stamp, entity_id))
        # the user said they are two: a rejected merge keeps review from grouping them again
        conn.execute("INSERT OR IGNORE INTO entity_merge_proposals (entity_a, entity_b, confidence, reason, status, "
                     "created_at) VALUES (?,?,?,?,?,?)", (entity_id, new_id, 1.0, "split", "rejected", stamp))
    return {"fact_id": fact_id, "from": entity_id, "to": new_id}


def unsplit_mention(lib: Library, record: dict) -> None:
    with lib.transaction() as conn:
        conn.execute("UPDATE fact_entities SET entity_id = ? WHERE fact_id = ? AND entity_id = ?",
                     (record["from"], record["fact_id"], record["to"]))
        conn.execute("DELETE FROM entity_merge_proposals WHERE entity_a = ? AND entity_b = ? AND reason = 'split'",
                     (record["from"], record["to"]))
        conn.execute("DELETE FROM entities WHERE id = ? AND NOT EXISTS "
                     "(SELECT 1 FROM fact_entities WHERE entity_id = ?)", (record["to"], record["to"]))


# -- the user's measures -------------------------------------------------------------

def user_measures(lib: Library) -> list[dict]:
    return [{"key": r["key"], "uuid": r["uuid"], "kinds": r["kinds"].split(","),
             "labels": json.loads(r["labels_json"]), "triggers": json.loads(r["triggers_json"] or "{}")}
            for r in lib.conn.execute("SELECT * FROM user_measures ORDER BY key")]


def save_user_measure(lib: Library, key: str, kinds: list[str], labels: dict[str, str],
                      triggers: dict[str, list[str]] | None = None) -> dict | None:
    """Add or change one of the user's measures; returns the previous row (None if new) for undo."""
    with lib.transaction() as conn:
        old = conn.execute("SELECT * FROM user_measures WHERE key = ?", (key,)).fetchone()
        conn.execute("INSERT INTO user_measures (key, uuid, kinds, labels_json, triggers_json, modified_at) "
                     "VALUES (?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET kinds = excluded.kinds, "
                     "labels_json = excluded.labels_json, triggers_json = excluded.triggers_json, "
                     "modified_at = excluded.modified_at",
                     (key, old["uuid"] if old else new_uuid(), ",".join(kinds), json.dumps(labels, ensure_ascii=False),
                      json.dumps(triggers or {}, ensure_ascii=False), now_iso()))
    return dict(old) if old else None


def restore_user_measure(lib: Library, key: str, old: dict | None) -> None:
    """Undo of ``save_user_measure``: the measure as it was (``old`` from that call), or gone
    from the vocabulary if it was new."""
    with lib.transaction() as conn:
        if old is None:
            conn.execute("DELETE FROM user_measures WHERE key = ?", (key,))
            return
        cols = [c for c in ("key", "uuid", "kinds", "labels_json", "triggers_json", "modified_at") if c in old]
        conn.execute(f"INSERT OR REPLACE INTO user_measures ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     [old[c] for c in cols])
