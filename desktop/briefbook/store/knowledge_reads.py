"""Read queries the knowledge use cases need (services/knowledge.py, review.py,
relevance.py): the review queue's entity rows, names, title statements, the
articles still without knowledge.  Kept here so that services combine and the
store alone speaks SQL."""

from __future__ import annotations

import json
import sqlite3

from .db import Library


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


_ROOT_CTE = """WITH RECURSIVE root(id, top) AS (
    SELECT id, id FROM entities WHERE merged_into IS NULL
    UNION ALL SELECT e.id, root.top FROM entities e JOIN root ON e.merged_into = root.id)"""


def article_for_knowledge(lib: Library, article_id: int) -> sqlite3.Row | None:
    """text, lang, published of one article (None if it is gone)."""
    return lib.conn.execute("SELECT text, lang, published FROM articles WHERE id = ?", (article_id,)).fetchone()


def subject_entities(lib: Library, fact_ids: list[int]) -> dict[int, int]:
    """fact id -> the entity it is linked to as its subject."""
    if not fact_ids:
        return {}
    rows = lib.conn.execute(f"SELECT fact_id, entity_id FROM fact_entities WHERE role = 'subject' "
                            f"AND fact_id IN ({_marks(fact_ids)})", fact_ids)
    return {r[0]: r[1] for r in rows}


def statement_uuids_of_article(lib: Library, article_id: int) -> dict[str, str]:
    """statement key -> uuid, for the statements one article is a source of."""
    return {r["key"]: r["uuid"] for r in lib.conn.execute(
        "SELECT key, uuid FROM statements WHERE id IN "
        "(SELECT statement_id FROM statement_sources WHERE article_id = ?)", (article_id,))}


def articles_without_knowledge(lib: Library) -> list[int]:
    """Articles with mentions that knowledge is read from but no figure or statement yet
    (a library upgraded from before knowledge existed)."""
    return [r[0] for r in lib.conn.execute(
        "SELECT DISTINCT f.article_id FROM facts f WHERE f.kind IN ('amount', 'percentage', 'count', 'person', "
        "'event', 'agreement', 'organization') AND f.status != 'rejected' "
        "AND NOT EXISTS (SELECT 1 FROM figure_sources s WHERE s.article_id = f.article_id) "
        "AND NOT EXISTS (SELECT 1 FROM statement_sources s WHERE s.article_id = f.article_id)")]


def alias_names(lib: Library, entity_ids: list[int]) -> list[str]:
    """Every alias name of the given entities."""
    if not entity_ids:
        return []
    return [r[0] for r in lib.conn.execute(
        f"SELECT name FROM aliases WHERE entity_id IN ({_marks(entity_ids)})", entity_ids)]


def place_entities_named(lib: Library, names: list[str]) -> list[int]:
    """The place entities that have one of ``names`` as an alias."""
    if not names:
        return []
    return [r[0] for r in lib.conn.execute(
        f"SELECT DISTINCT entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE e.kind = 'place' AND a.name IN ({_marks(names)})", names)]


def places_by_article(lib: Library) -> dict[int, set[str]]:
    """article id -> the names of the places it mentions (rejected mentions left out)."""
    out: dict[int, set[str]] = {}
    for r in lib.conn.execute("SELECT DISTINCT f.article_id, json_extract(f.value_json, '$.name') FROM facts f "
                              "WHERE f.kind = 'place' AND f.status != 'rejected'"):
        out.setdefault(r[0], set()).add(r[1] or "")
    return out


def entity_review_rows(lib: Library) -> list[sqlite3.Row]:
    """One row per live entity with its mention and article counts, best confidence, the
    articles, whether a title/organisation cue was seen, and how many mentions were rejected."""
    return lib.conn.execute("""
        SELECT e.id, e.uuid, e.kind, e.canonical_name,
               COUNT(DISTINCT f.id) AS mentions, COUNT(DISTINCT f.article_id) AS articles,
               MAX(f.confidence) AS best, GROUP_CONCAT(DISTINCT f.article_id) AS article_ids,
               MAX(CASE WHEN fe.role = 'org' OR (f.kind = 'person' AND json_extract(f.value_json, '$.title')
                   IS NOT NULL) THEN 1 ELSE 0 END) AS cue,
               SUM(f.status = 'rejected') AS rejected
        FROM entities e JOIN fact_entities fe ON fe.entity_id = e.id JOIN facts f ON f.id = fe.fact_id
        WHERE e.merged_into IS NULL
        GROUP BY e.id ORDER BY e.kind, e.canonical_name""").fetchall()


def names_by_entity(lib: Library) -> dict[int, list[str]]:
    """entity id -> its alias names, oldest first."""
    names: dict[int, list[str]] = {}
    for r in lib.conn.execute("SELECT entity_id, name FROM aliases ORDER BY id"):
        names.setdefault(r[0], []).append(r[1])
    return names


def best_titles(lib: Library) -> dict[int, dict]:
    """entity id -> the arguments of its title statement with the most sources (statements of
    entities merged into it count as its own)."""
    titles: dict[int, dict] = {}
    for r in lib.conn.execute(f"{_ROOT_CTE} SELECT root.top AS entity_id, args_json, COUNT(*) AS n FROM statements s "
                              "JOIN statement_sources ss ON ss.statement_id = s.id JOIN root ON root.id = s.entity_id "
                              "WHERE kind = 'holds_title' GROUP BY s.id ORDER BY n DESC"):
        titles.setdefault(r["entity_id"], json.loads(r["args_json"]))  # a merged entity's titles are the kept one's
    return titles


def qualifier_uuids(lib: Library, figure_uuids: list[str]) -> list[str]:
    """The uuids of the figures (growth rates, shares) that qualify the given figures."""
    if not figure_uuids:
        return []
    return [r[0] for r in lib.conn.execute(
        f"SELECT f.uuid FROM figures f JOIN figures p ON p.id = f.qualifies_id "
        f"WHERE p.uuid IN ({_marks(figure_uuids)})", figure_uuids)]


def mention_titles(lib: Library) -> dict[int, list[str | None]]:
    """entity id -> the title of each of its person mentions (None where there is none)."""
    out: dict[int, list[str | None]] = {}
    for r in lib.conn.execute("SELECT fe.entity_id, json_extract(f.value_json, '$.title') FROM fact_entities fe "
                              "JOIN facts f ON f.id = fe.fact_id WHERE fe.role = 'subject' AND f.kind = 'person'"):
        out.setdefault(r[0], []).append(r[1])
    return out


def kept_apart(lib: Library) -> set[int]:
    """Entities the user said are not the same as another (a rejected merge or a split)."""
    return {r[0] for r in lib.conn.execute("SELECT entity_a FROM entity_merge_proposals WHERE status = 'rejected' "
                                           "UNION SELECT entity_b FROM entity_merge_proposals WHERE status = 'rejected'")}


def mention_entities(lib: Library, article_ids: list[int]) -> dict[tuple[int, str], dict]:
    """(article id, name as the mention wrote it) -> the entity it is a mention of now (after
    merges: the entity it was merged into), with that entity's uuid and canonical name."""
    if not article_ids:
        return {}
    out: dict[tuple[int, str], dict] = {}
    rows = lib.conn.execute(
        f"{_ROOT_CTE} SELECT f.article_id, f.text, json_extract(f.value_json, '$.name') AS name, "
        f"e.id, e.uuid, e.canonical_name FROM facts f JOIN fact_entities fe ON fe.fact_id = f.id "
        f"AND fe.role = 'subject' JOIN root ON root.id = fe.entity_id JOIN entities e ON e.id = root.top "
        f"WHERE f.article_id IN ({_marks(article_ids)}) AND f.status != 'rejected' "
        f"AND f.kind IN ('person', 'organization', 'place')", article_ids)
    for r in rows:
        ent = {"id": r["id"], "uuid": r["uuid"], "name": r["canonical_name"]}
        for written in {r["text"], r["name"]} - {None}:
            out.setdefault((r["article_id"], written), ent)
    return out


def entity_roots(lib: Library, entity_ids: list[int]) -> dict[int, int]:
    """entity id -> the entity it is now (itself, or the one it was merged into)."""
    ids = [i for i in entity_ids if i is not None]
    if not ids:
        return {}
    return {r[0]: r[1] for r in lib.conn.execute(f"{_ROOT_CTE} SELECT id, top FROM root WHERE id IN ({_marks(ids)})",
                                                 ids)}


def short_form_contexts(lib: Library) -> dict[int, list[str]]:
    """entity id -> the words just before each of its mentions whose name starts with 市/省/县/区
    (烟台市委、市政府: what the short form shares its place with)."""
    out: dict[int, list[str]] = {}
    for r in lib.conn.execute(
            "SELECT fe.entity_id, substr(a.text, max(1, f.start - 15), min(f.start, 16)) FROM facts f "
            "JOIN fact_entities fe ON fe.fact_id = f.id AND fe.role = 'subject' JOIN articles a ON a.id = f.article_id "
            "WHERE f.kind = 'organization' AND f.status != 'rejected' AND (f.text LIKE '市%' OR f.text LIKE '省%' "
            "OR f.text LIKE '县%' OR f.text LIKE '區%' OR f.text LIKE '区%' OR f.text LIKE '縣%')"):
        out.setdefault(r[0], []).append(r[1] or "")
    return out
