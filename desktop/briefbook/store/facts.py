"""Facts in the library: saving extractor output without losing the user's review,
and review operations (each returns what undo needs).  Running the extractor is
services/extraction.py's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from ..core.facts import KINDS, STATUSES, Fact
from .db import Library, execute_rows, now_iso

_FACT_COLUMNS = ("id, article_id, kind, start, \"end\", text, value_json, status, confidence, "
                 "extractor_version, origin, changed_by, note, created_at, updated_at")


def row_to_fact(row: sqlite3.Row) -> Fact:
    fact = Fact(kind=row["kind"], start=row["start"], end=row["end"], text=row["text"],
                value=json.loads(row["value_json"] or "{}"), confidence=row["confidence"] or 0.0,
                extractor_version=row["extractor_version"], status=row["status"], id=row["id"],
                article_id=row["article_id"], origin=row["origin"])
    return fact


def facts_for_article(lib: Library, article_id: int, statuses: Iterable[str] | None = None) -> list[Fact]:
    sql = f"SELECT {_FACT_COLUMNS} FROM facts WHERE article_id = ?"
    params: list = [article_id]
    if statuses:
        statuses = list(statuses)
        sql += f" AND status IN ({','.join('?' * len(statuses))})"
        params += statuses
    sql += " ORDER BY start, \"end\""
    return [row_to_fact(r) for r in lib.conn.execute(sql, params)]


def get_fact(lib: Library, fact_id: int) -> Fact | None:
    row = lib.conn.execute(f"SELECT {_FACT_COLUMNS} FROM facts WHERE id = ?", (fact_id,)).fetchone()
    return None if row is None else row_to_fact(row)


def save_extracted(lib: Library, article_id: int, facts: list[Fact], version: str) -> dict:
    """Merge a new extraction into the article's facts.

    Facts the user accepted, edited or rejected are never touched (a rejected
    proposal stays rejected, so it does not come back).  Old proposals the new
    run no longer makes are removed; new ones are added as proposals.  The
    article leaves the extraction queue in the same transaction.

    For an article that had no facts (every import), ``"stored"`` lists the facts
    as stored (ids, status, in text order as ``facts_for_article`` gives them), so
    that linking and knowledge need not read back what was just written; else it
    is None and they read the merge from the library.
    """
    stamp = now_iso()
    added = updated = removed = 0
    with lib.transaction() as conn:
        existing = {(r["kind"], r["start"], r["end"]): r for r in conn.execute(
            'SELECT id, kind, start, "end", status FROM facts WHERE article_id = ?', (article_id,))}
        fresh_keys = set()
        inserts = []
        kept: list[Fact] = []
        for f in facts:
            key = (f.kind, f.start, f.end)
            if key in fresh_keys:
                continue
            fresh_keys.add(key)
            old = existing.get(key)
            if old is None:
                inserts.append((article_id, f.kind, f.start, f.end, f.text, json.dumps(f.value, ensure_ascii=False),
                                f.confidence, version, stamp, stamp))
                kept.append(f)
                added += 1
            elif old["status"] == "proposed":
                conn.execute(
                    "UPDATE facts SET text=?, value_json=?, confidence=?, extractor_version=?, updated_at=? WHERE id=?",
                    (f.text, json.dumps(f.value, ensure_ascii=False), f.confidence, version, stamp, old["id"]))
                updated += 1
        # in the order of the extraction (ids follow it), in one statement
        execute_rows(conn, 'INSERT INTO facts (article_id, kind, start, "end", text, value_json, status, confidence, '
                     "extractor_version, origin, changed_by, created_at, updated_at)",
                     "(?,?,?,?,?,?,'proposed',?,?,'extractor','extractor',?,?)", inserts)
        for key, old in existing.items():
            if key not in fresh_keys and old["status"] == "proposed":
                conn.execute("DELETE FROM facts WHERE id = ?", (old["id"],))
                removed += 1
        conn.execute("UPDATE articles SET extracted_version = ? WHERE id = ?", (version, article_id))
        # the article's queued extraction (store/extraction_queue.py) is done
        conn.execute("DELETE FROM extraction_queue WHERE article_id = ?", (article_id,))
        stored = _as_stored(conn, article_id, kept, version) if not existing else None
    return {"added": added, "updated": updated, "removed": removed, "stored": stored}


def _as_stored(conn: sqlite3.Connection, article_id: int, facts: list[Fact], version: str) -> list[Fact]:
    """The just inserted ``facts`` as stored: their ids (one indexed read of four columns),
    the rest as written; ordered as ``facts_for_article`` orders them (start, end, then
    insertion)."""
    ids = {(r[1], r[2], r[3]): r[0] for r in conn.execute(
        'SELECT id, kind, start, "end" FROM facts WHERE article_id = ?', (article_id,))}
    stored = [Fact(kind=f.kind, start=f.start, end=f.end, text=f.text, value=f.value, confidence=f.confidence,
                   extractor_version=version, status="proposed", id=ids[(f.kind, f.start, f.end)],
                   article_id=article_id, origin="extractor") for f in facts]
    stored.sort(key=lambda f: (f.start, f.end, f.id))
    return stored


def set_status(lib: Library, fact_ids: Iterable[int], status: str, by: str = "user") -> dict[int, str]:
    """Set the review status; returns {fact_id: previous status} for undo."""
    if status not in STATUSES:
        raise ValueError(f"unknown fact status {status!r}")
    ids = list(fact_ids)
    previous: dict[int, str] = {}
    with lib.transaction() as conn:
        for fid in ids:
            row = conn.execute("SELECT status FROM facts WHERE id = ?", (fid,)).fetchone()
            if row is None:
                continue
            previous[fid] = row[0]
            conn.execute("UPDATE facts SET status = ?, changed_by = ?, updated_at = ? WHERE id = ?",
                         (status, by, now_iso(), fid))
    return previous


def accept_proposals(lib: Library, article_ids: Iterable[int], by: str = "user") -> dict[int, str]:
    """Accept every proposed fact of the given articles; returns {fact_id: previous
    status} of the facts changed, for ``restore_statuses``."""
    ids = list(article_ids)
    if not ids:
        return {}
    previous: dict[int, str] = {}
    with lib.transaction() as conn:
        rows = conn.execute(f"""SELECT id FROM facts WHERE status = 'proposed'
                                AND article_id IN ({','.join('?' * len(ids))})""", ids).fetchall()
        previous = {r[0]: "proposed" for r in rows}
        conn.execute(f"""UPDATE facts SET status = 'accepted', changed_by = ?
                         WHERE status = 'proposed' AND article_id IN ({','.join('?' * len(ids))})""", (by, *ids))
    return previous


def restore_statuses(lib: Library, previous: dict[int, str], by: str = "user") -> None:
    with lib.transaction() as conn:
        for fid, status in previous.items():
            conn.execute("UPDATE facts SET status = ?, changed_by = ?, updated_at = ? WHERE id = ?",
                         (status, by, now_iso(), fid))


def validate_fact(fact: Fact, article_text: str | None = None) -> list[str]:
    """Problems that keep a fact from being saved, in words for the user."""
    problems: list[str] = []
    if fact.kind not in KINDS:
        problems.append(f"unknown kind {fact.kind!r}")
    if not (0 <= fact.start <= fact.end):
        problems.append("the span is empty or reversed")
    if article_text is not None and article_text[fact.start:fact.end] != fact.text:
        problems.append("the span does not match the article text")
    v = fact.value
    if fact.kind == "person" and not (v.get("name") or "").strip():
        problems.append("a person needs a name")
    if fact.kind in ("amount", "percentage", "count"):
        if not isinstance(v.get("value"), int | float):
            problems.append("the value must be a number")
    if fact.kind == "amount" and not (isinstance(v.get("currency"), str) and len(v["currency"]) == 3 and v["currency"].isupper()):
        problems.append("the currency must be an ISO code such as USD, CNY, EUR, JPY")
    if fact.kind == "date":
        from datetime import date

        for key in ("iso", "end_iso"):
            iso = v.get(key)
            if iso in (None, ""):
                continue
            parts = str(iso).split("-")
            try:
                if len(parts) == 3:
                    date(int(parts[0]), int(parts[1]), int(parts[2]))
                elif len(parts) == 2:
                    date(int(parts[0]), int(parts[1]), 1)
                elif len(parts) == 1:
                    date(int(parts[0]), 1, 1)
                else:
                    raise ValueError
            except ValueError:
                problems.append(f"{key} must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return problems


def update_fact(lib: Library, fact_id: int, *, value: dict | None = None, start: int | None = None,
                end: int | None = None, kind: str | None = None, by: str = "user") -> Fact:
    """Edit a fact (status becomes 'edited'); returns the fact as it was, for undo."""
    before = get_fact(lib, fact_id)
    if before is None:
        raise KeyError(fact_id)
    text = lib.scalar("SELECT text FROM articles WHERE id = ?", (before.article_id,)) or ""
    after = Fact(kind=kind or before.kind, start=before.start if start is None else start,
                 end=before.end if end is None else end, text="", value=before.value if value is None else value)
    after.text = text[after.start:after.end]
    problems = validate_fact(after, text)
    if problems:
        raise ValueError("; ".join(problems))
    with lib.transaction() as conn:
        conn.execute('UPDATE facts SET kind=?, start=?, "end"=?, text=?, value_json=?, status=\'edited\', '
                     "changed_by=?, updated_at=? WHERE id=?",
                     (after.kind, after.start, after.end, after.text, json.dumps(after.value, ensure_ascii=False),
                      by, now_iso(), fact_id))
    return before


def write_fact_back(lib: Library, fact: Fact, by: str = "user") -> None:
    """Put a fact's stored fields back as given (undo of an edit)."""
    with lib.transaction() as conn:
        conn.execute('UPDATE facts SET kind=?, start=?, "end"=?, text=?, value_json=?, status=?, changed_by=?, '
                     "updated_at=? WHERE id=?",
                     (fact.kind, fact.start, fact.end, fact.text, json.dumps(fact.value, ensure_ascii=False),
                      fact.status, by, now_iso(), fact.id))


def add_user_fact(lib: Library, article_id: int, fact: Fact, by: str = "user") -> int:
    text = lib.scalar("SELECT text FROM articles WHERE id = ?", (article_id,))
    if text is None:
        raise KeyError(article_id)
    fact.text = text[fact.start:fact.end]
    problems = validate_fact(fact, text)
    if problems:
        raise ValueError("; ".join(problems))
    stamp = now_iso()
    with lib.transaction() as conn:
        taken = conn.execute('SELECT status FROM facts WHERE article_id=? AND kind=? AND start=? AND "end"=?',
                             (article_id, fact.kind, fact.start, fact.end)).fetchone()
        if taken is not None and taken[0] != "proposed":
            raise ValueError(f"this {fact.kind} fact already exists here ({taken[0]})")
        # A user's fact replaces the machine's proposal for the same span.
        conn.execute('DELETE FROM facts WHERE article_id=? AND kind=? AND start=? AND "end"=? AND status=\'proposed\'',
                     (article_id, fact.kind, fact.start, fact.end))
        cur = conn.execute(
            'INSERT INTO facts (article_id, kind, start, "end", text, value_json, status, confidence, '
            "extractor_version, origin, changed_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1.0,NULL,'user',?,?,?)",
            (article_id, fact.kind, fact.start, fact.end, fact.text, json.dumps(fact.value, ensure_ascii=False),
             fact.status if fact.status != "proposed" else "accepted", by, stamp, stamp))
    return cur.lastrowid


def delete_fact(lib: Library, fact_id: int) -> dict | None:
    """Delete a fact; returns its full row (and entity links) so undo can put it back."""
    row = lib.conn.execute("SELECT * FROM facts WHERE id = ?", (fact_id,)).fetchone()
    if row is None:
        return None
    saved = dict(row)
    saved["_links"] = [dict(r) for r in lib.conn.execute("SELECT * FROM fact_entities WHERE fact_id = ?", (fact_id,))]
    saved["_tags"] = [r[0] for r in lib.conn.execute("SELECT tag_id FROM fact_tags WHERE fact_id = ?", (fact_id,))]
    with lib.transaction() as conn:
        conn.execute("DELETE FROM facts WHERE id = ?", (fact_id,))
    return saved


def restore_fact(lib: Library, saved: dict) -> None:
    row = {k: v for k, v in saved.items() if not k.startswith("_")}
    cols = ", ".join(f'"{c}"' for c in row)
    with lib.transaction() as conn:
        conn.execute(f"INSERT INTO facts ({cols}) VALUES ({','.join('?' * len(row))})", tuple(row.values()))
        for link in saved.get("_links", []):
            lcols = ", ".join(link)
            conn.execute(f"INSERT OR IGNORE INTO fact_entities ({lcols}) VALUES ({','.join('?' * len(link))})",
                         tuple(link.values()))
        for tag_id in saved.get("_tags", []):
            conn.execute("INSERT OR IGNORE INTO fact_tags (fact_id, tag_id) VALUES (?, ?)", (row["id"], tag_id))


def status_counts(lib: Library, article_id: int | None = None) -> dict[str, int]:
    sql = "SELECT status, count(*) FROM facts"
    params: tuple = ()
    if article_id is not None:
        sql += " WHERE article_id = ?"
        params = (article_id,)
    counts = dict.fromkeys(STATUSES, 0)
    for status, n in lib.conn.execute(sql + " GROUP BY status", params):
        counts[status] = n
    return counts


def review_queue(lib: Library, kinds: Iterable[str] | None = None, min_confidence: float | None = None,
                 max_confidence: float | None = None, limit: int = 200, offset: int = 0) -> list[Fact]:
    """Proposed facts across the library, most confident first (fast bulk accept), then by article."""
    sql = f"SELECT {_FACT_COLUMNS} FROM facts WHERE status = 'proposed'"
    params: list = []
    if kinds:
        kinds = list(kinds)
        sql += f" AND kind IN ({','.join('?' * len(kinds))})"
        params += kinds
    if min_confidence is not None:
        sql += " AND confidence >= ?"
        params.append(min_confidence)
    if max_confidence is not None:
        sql += " AND confidence <= ?"
        params.append(max_confidence)
    sql += " ORDER BY article_id, start LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [row_to_fact(r) for r in lib.conn.execute(sql, params)]
