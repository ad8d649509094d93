"""Annotations (highlights and notes) and tags.  Each write returns what undo needs."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.searchtext import index_tokens
from .db import Library, inserted_id, now_iso
from .fts import set_notes_tokens


@dataclass
class Annotation:
    id: int | None
    article_id: int | None = None
    fact_id: int | None = None
    entity_id: int | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    note: str = ""
    color: str | None = None


def _row(r) -> Annotation:
    return Annotation(r["id"], r["article_id"], r["fact_id"], r["entity_id"], r["start"], r["end"],
                      r["quote"], r["note"], r["color"])


def add_annotation(lib: Library, ann: Annotation) -> int:
    if ann.article_id is None and ann.fact_id is None and ann.entity_id is None:
        raise ValueError("an annotation belongs to an article, a fact or an entity")
    if ann.article_id is not None and ann.start is not None:
        text = lib.scalar("SELECT text FROM articles WHERE id = ?", (ann.article_id,))
        if text is None or not (0 <= ann.start <= (ann.end or 0) <= len(text)):
            raise ValueError("the highlighted span is outside the article")
        ann.quote = text[ann.start:ann.end]
    stamp = now_iso()
    with lib.transaction() as conn:
        cur = conn.execute(
            'INSERT INTO annotations (id, article_id, fact_id, entity_id, start, "end", quote, note, color, created_at, updated_at) '
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (ann.id, ann.article_id, ann.fact_id, ann.entity_id, ann.start, ann.end, ann.quote, ann.note or "",
             ann.color, stamp, stamp))
        ann.id = inserted_id(cur)
        _reindex_notes(lib, _article_of(lib, ann))
    return ann.id


def update_note(lib: Library, annotation_id: int, note: str) -> str:
    """Change an annotation's note; returns the old note."""
    old = lib.scalar("SELECT note FROM annotations WHERE id = ?", (annotation_id,))
    if old is None:
        raise KeyError(annotation_id)
    with lib.transaction() as conn:
        conn.execute("UPDATE annotations SET note = ?, updated_at = ? WHERE id = ?", (note, now_iso(), annotation_id))
        ann = get_annotation(lib, annotation_id)
        _reindex_notes(lib, _article_of(lib, ann))
    return old


def get_annotation(lib: Library, annotation_id: int) -> Annotation | None:
    r = lib.conn.execute("SELECT * FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
    return None if r is None else _row(r)


def delete_annotation(lib: Library, annotation_id: int) -> Annotation | None:
    ann = get_annotation(lib, annotation_id)
    if ann is None:
        return None
    with lib.transaction() as conn:
        conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        _reindex_notes(lib, _article_of(lib, ann))
    return ann


def annotations_for_article(lib: Library, article_id: int) -> list[Annotation]:
    """Notes on the article, its spans and its facts."""
    rows = lib.conn.execute(
        """SELECT * FROM annotations WHERE article_id = ?
           OR fact_id IN (SELECT id FROM facts WHERE article_id = ?) ORDER BY start, id""",
        (article_id, article_id))
    return [_row(r) for r in rows]


def annotations_for(lib: Library, *, fact_id: int | None = None, entity_id: int | None = None) -> list[Annotation]:
    if fact_id is not None:
        rows = lib.conn.execute("SELECT * FROM annotations WHERE fact_id = ? ORDER BY id", (fact_id,))
    else:
        rows = lib.conn.execute("SELECT * FROM annotations WHERE entity_id = ? ORDER BY id", (entity_id,))
    return [_row(r) for r in rows]


def _article_of(lib: Library, ann: Annotation | None) -> int | None:
    if ann is None:
        return None
    if ann.article_id is not None:
        return ann.article_id
    if ann.fact_id is not None:
        return lib.scalar("SELECT article_id FROM facts WHERE id = ?", (ann.fact_id,))
    return None


def _reindex_notes(lib: Library, article_id: int | None) -> None:
    """Notes are searchable: keep the FTS 'notes' column of the article in step."""
    if article_id is None:
        return
    notes = [r[0] for r in lib.conn.execute(
        """SELECT note FROM annotations WHERE article_id = ? OR fact_id IN (SELECT id FROM facts WHERE article_id = ?)""",
        (article_id, article_id)) if r[0]]
    tags = [r[0] for r in lib.conn.execute(
        "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = ?", (article_id,))]
    set_notes_tokens(lib.conn, article_id, index_tokens(" ".join(notes + tags)))


# -- tags ---------------------------------------------------------------------

def tag_id(lib: Library, name: str, create: bool = True) -> int | None:
    name = name.strip()
    if not name:
        raise ValueError("a tag needs a name")
    found = lib.scalar("SELECT id FROM tags WHERE name = ?", (name,))
    if found is not None or not create:
        return found
    with lib.transaction() as conn:
        return inserted_id(conn.execute("INSERT INTO tags (name) VALUES (?)", (name,)))


def all_tags(lib: Library) -> list[str]:
    return [r[0] for r in lib.conn.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]


def tag_article(lib: Library, article_id: int, name: str) -> bool:
    """Returns True when the tag was newly attached (undo removes it only then)."""
    with lib.transaction() as conn:
        tid = tag_id(lib, name)
        cur = conn.execute("INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)", (article_id, tid))
        _reindex_notes(lib, article_id)
        return cur.rowcount > 0


def untag_article(lib: Library, article_id: int, name: str) -> bool:
    with lib.transaction() as conn:
        tid = tag_id(lib, name, create=False)
        if tid is None:
            return False
        cur = conn.execute("DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?", (article_id, tid))
        _reindex_notes(lib, article_id)
        return cur.rowcount > 0


def tag_fact(lib: Library, fact_id: int, name: str) -> bool:
    with lib.transaction() as conn:
        tid = tag_id(lib, name)
        return conn.execute("INSERT OR IGNORE INTO fact_tags (fact_id, tag_id) VALUES (?, ?)", (fact_id, tid)).rowcount > 0


def untag_fact(lib: Library, fact_id: int, name: str) -> bool:
    with lib.transaction() as conn:
        tid = tag_id(lib, name, create=False)
        if tid is None:
            return False
        return conn.execute("DELETE FROM fact_tags WHERE fact_id = ? AND tag_id = ?", (fact_id, tid)).rowcount > 0


def article_tags(lib: Library, article_id: int) -> list[str]:
    return [r[0] for r in lib.conn.execute(
        "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = ? ORDER BY t.name",
        (article_id,))]


def fact_tags(lib: Library, fact_id: int) -> list[str]:
    return [r[0] for r in lib.conn.execute(
        "SELECT t.name FROM tags t JOIN fact_tags ft ON ft.tag_id = t.id WHERE ft.fact_id = ? ORDER BY t.name",
        (fact_id,))]
