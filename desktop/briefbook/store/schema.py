"""The library's schema, stated once, as ordered migrations.

Each migration moves the file from version N-1 to N and runs in one
transaction; ``schema_version`` records where a file stands.  Never edit a
migration that has shipped: add the next one.  Tables in brief:

articles         one imported article: the bytes and decoded text as imported
                 (raw, original), the cleaned text facts point into (text), and
                 its metadata; duplicate_of marks a suspected near-duplicate.
                 Since v5 the original is kept as original_delta, compressed
                 against the cleaned text (see store/originals.py), and the
                 original column is '' for such rows.
article_minhash  the near-duplicate signature and its band keys (for lookup).
articles_fts     FTS5 over our own token stream (see core/searchtext.py);
                 contentless since v5 (see store/fts.py), with the notes
                 tokens it holds in article_index_notes and the token stream's
                 fingerprint in fts_state.
facts            extracted or user-made facts: kind, code-point span into
                 articles.text, normalised value (JSON), review status,
                 confidence, extractor version, who changed it and when.
entities         people, organisations, places...; aliases their names in any
                 script or language; fact_entities links facts to entities;
                 entity_merge_proposals holds "are these the same?" questions;
                 link_keys indexes aliases by romanised and core-name keys.
annotations      highlights and notes on article spans, facts, entities, articles.
tags             names; article_tags and fact_tags attach them.
trips            a delegation trip; delegation_members; itinerary_items.
books            a briefing book for a trip; sections (a tree, ordered);
                 section_items (facts, articles, entities or text in a section).
extraction_queue articles whose extraction is still to run (an import queues it
                 in the transaction that stores the article; saving the
                 extraction removes it), so an interrupted import resumes.

Knowledge (v4), built from the facts (mentions) by services/knowledge.py:
statements       typed claims (holds_title, part_of, located_in, event,
                 agreement) with statement_sources (article + span per source).
figures          a value with its measure, subject, period, approximation;
                 figure_sources.  One row per distinct claim: several articles
                 saying the same are several sources of one figure.
decisions        the user's review decision on one entity, statement or figure
                 (at most one each, by the target's uuid, so re-extraction that
                 rebuilds the knowledge keeps it); changes records every decision
                 made or undone (who, when, old, new) for a later sync.
user_measures    measures the user added to the shipped vocabulary.
Entities, statements, figures and decisions carry a stable uuid and modified_at.

v6: a book's document control (document number, version, distribution list, one
recipient a line) and a programme item's end time, venue, address and our
participants (one name a line), all optional.

v7: entities.reading_confirmed (the user checked the Latin reading printed for a
name, so the book no longer marks it as guessed); entity_translations holds the
user's own renderings per entity and book locale (field name, title, org,
description, quote: ``original`` is the quoted sentence a quote translates), reused
by every later book.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 9

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT,
    source TEXT,
    author TEXT,
    url TEXT,
    path TEXT,
    lang TEXT,
    published TEXT,
    published_time TEXT,
    imported_at TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,
    encoding TEXT,
    raw BLOB,
    original TEXT NOT NULL,
    text TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    duplicate_score REAL,
    duplicate_status TEXT CHECK (duplicate_status IN ('suspected', 'confirmed', 'dismissed')),
    extracted_version TEXT,
    note TEXT
);
CREATE INDEX idx_articles_published ON articles(published);
CREATE INDEX idx_articles_lang ON articles(lang);
CREATE INDEX idx_articles_source ON articles(source);

CREATE TABLE article_minhash (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);
CREATE TABLE article_bands (
    band_key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX idx_article_bands ON article_bands(band_key);
CREATE INDEX idx_article_bands_article ON article_bands(article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, notes, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    canonical_name TEXT NOT NULL,
    note TEXT,
    merged_into INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_entities_kind ON entities(kind, canonical_name);

CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    match_key TEXT NOT NULL,
    lang TEXT,
    script TEXT,
    origin TEXT NOT NULL DEFAULT 'extractor',
    UNIQUE (entity_id, name)
);
CREATE INDEX idx_aliases_key ON aliases(match_key);

CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place', 'event', 'agreement',
                                      'amount', 'percentage', 'count', 'date')),
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" >= start),
    text TEXT NOT NULL,
    value_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected', 'edited')),
    confidence REAL,
    extractor_version TEXT,
    origin TEXT NOT NULL DEFAULT 'extractor',
    changed_by TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_facts_article ON facts(article_id, start);
CREATE INDEX idx_facts_status ON facts(status, kind);
CREATE UNIQUE INDEX idx_facts_span ON facts(article_id, kind, start, "end");

CREATE TABLE fact_entities (
    fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'subject',
    confidence REAL,
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
    PRIMARY KEY (fact_id, entity_id, role)
);
CREATE INDEX idx_fact_entities_entity ON fact_entities(entity_id);

CREATE TABLE entity_merge_proposals (
    id INTEGER PRIMARY KEY,
    entity_a INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    entity_b INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    confidence REAL NOT NULL,
    reason TEXT,
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
    created_at TEXT NOT NULL,
    UNIQUE (entity_a, entity_b)
);

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    fact_id INTEGER REFERENCES facts(id) ON DELETE CASCADE,
    entity_id INTEGER REFERENCES entities(id) ON DELETE CASCADE,
    start INTEGER,
    "end" INTEGER,
    quote TEXT,
    note TEXT NOT NULL DEFAULT '',
    color TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (article_id IS NOT NULL OR fact_id IS NOT NULL OR entity_id IS NOT NULL)
);
CREATE INDEX idx_annotations_article ON annotations(article_id);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    color TEXT
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);
CREATE TABLE fact_tags (
    fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (fact_id, tag_id)
);

CREATE TABLE trips (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    destinations TEXT,
    start_date TEXT,
    end_date TEXT,
    purpose TEXT,
    classification TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE delegation_members (
    id INTEGER PRIMARY KEY,
    trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    title TEXT,
    org TEXT,
    role TEXT,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL
);
CREATE TABLE itinerary_items (
    id INTEGER PRIMARY KEY,
    trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    day TEXT,
    time TEXT,
    place TEXT,
    org_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    people_entity_ids TEXT NOT NULL DEFAULT '[]',
    purpose TEXT,
    notes TEXT
);
CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    trip_id INTEGER REFERENCES trips(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'en',
    template TEXT NOT NULL DEFAULT 'official',
    prepared_by TEXT,
    draft INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    included INTEGER NOT NULL DEFAULT 1,
    body TEXT,
    settings_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_sections_book ON sections(book_id, parent_id, position);
CREATE TABLE section_items (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('fact', 'article', 'entity', 'text')),
    item_id INTEGER,
    payload_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_section_items ON section_items(section_id, position);
"""

# v2: the entity linker's index of romanised / core-name keys per alias, a
# reason on fact links (why a link is only proposed), and an index that serves
# the review queue (proposed facts in article order) without sorting them all,
# and a band index ordered by article so a near-duplicate lookup reads a bounded
# number of rows however many articles share a band.  IF NOT EXISTS because
# libraries made between v1 and v2 may already hold the table.
_V2 = """
CREATE TABLE IF NOT EXISTS link_keys (
    alias_id INTEGER NOT NULL REFERENCES aliases(id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (alias_id, scheme, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idx_link_keys_key ON link_keys(scheme, key);
ALTER TABLE fact_entities ADD COLUMN reason TEXT;
CREATE INDEX idx_facts_review ON facts(status, article_id, start);
DROP INDEX IF EXISTS idx_article_bands;
CREATE INDEX idx_article_bands_key ON article_bands(band_key, article_id);
"""

# v3: the extraction queue.  An import stores an article and queues its
# extraction in one transaction, and saving the extraction takes it off the
# queue in another, so a killed import leaves articles that are visibly still
# to be extracted rather than articles silently without facts.  Articles of
# older libraries are not queued: nothing says whether they were left out on
# purpose (imported without extraction).
_V3 = """
CREATE TABLE extraction_queue (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    queued_at TEXT NOT NULL
);
"""

# SQLite's randomblob as a version-4 UUID, for rows that exist before the migration.
_UUID_SQL = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' "
             "|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' "
             "|| hex(randomblob(6)))")

# v4: knowledge built from mentions.  An existing library keeps its entities
# (the linker's grouping of mentions) and gains a uuid for each; an entity whose
# every mention the user accepted (or edited) gets an "accepted" decision, one
# whose every mention was rejected a "rejected" one; mixed reviews stay on the
# mentions (facts.status), which is also where edits stay.
_V4 = f"""
ALTER TABLE entities ADD COLUMN uuid TEXT;
ALTER TABLE entities ADD COLUMN modified_at TEXT;
UPDATE entities SET uuid = {_UUID_SQL}, modified_at = updated_at;
CREATE UNIQUE INDEX idx_entities_uuid ON entities(uuid);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('holds_title', 'part_of', 'located_in', 'event', 'agreement')),
    key TEXT NOT NULL UNIQUE,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    args_json TEXT NOT NULL DEFAULT '{{}}',
    confidence REAL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX idx_statements_entity ON statements(entity_id);
CREATE TABLE statement_sources (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact_id INTEGER REFERENCES facts(id) ON DELETE SET NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (statement_id, article_id, start, "end")
);
CREATE INDEX idx_statement_sources_article ON statement_sources(article_id);

CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('amount', 'percentage', 'count')),
    measure TEXT NOT NULL,
    subject TEXT,
    subject_json TEXT,
    period_start TEXT,
    period_end TEXT,
    period_kind TEXT,
    approx TEXT NOT NULL DEFAULT 'exact'
        CHECK (approx IN ('exact', 'about', 'more_than', 'less_than', 'at_least', 'up_to')),
    value REAL,
    unit TEXT,
    currency TEXT,
    fraction TEXT,
    scope TEXT NOT NULL DEFAULT '',
    qualifies_id INTEGER REFERENCES figures(id) ON DELETE SET NULL,
    confidence REAL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX idx_figures_claim ON figures(measure, subject, period_start, period_end);
CREATE TABLE figure_sources (
    figure_id INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact_id INTEGER REFERENCES facts(id) ON DELETE SET NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (figure_id, article_id, start, "end")
);
CREATE INDEX idx_figure_sources_article ON figure_sources(article_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('entity', 'statement', 'figure')),
    target_uuid TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'edited')),
    edit_json TEXT NOT NULL DEFAULT '{{}}',
    decided_by TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    UNIQUE (target_kind, target_uuid)
);
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    target_kind TEXT NOT NULL,
    target_uuid TEXT NOT NULL,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    old_json TEXT,
    new_json TEXT
);
CREATE INDEX idx_changes_target ON changes(target_kind, target_uuid, id);

CREATE TABLE user_measures (
    key TEXT PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    kinds TEXT NOT NULL,
    labels_json TEXT NOT NULL,
    triggers_json TEXT NOT NULL DEFAULT '{{}}',
    modified_at TEXT NOT NULL
);

INSERT INTO decisions (uuid, target_kind, target_uuid, status, decided_by, modified_at)
SELECT {_UUID_SQL}, 'entity', e.uuid,
       CASE WHEN MIN(f.status IN ('accepted', 'edited')) = 1 THEN 'accepted' ELSE 'rejected' END,
       'migration', MAX(f.updated_at)
FROM entities e JOIN fact_entities fe ON fe.entity_id = e.id JOIN facts f ON f.id = fe.fact_id
WHERE e.merged_into IS NULL
GROUP BY e.id
HAVING MIN(f.status IN ('accepted', 'edited')) = 1 OR MIN(f.status = 'rejected') = 1;
"""

# v5: the library stores each text once.  The FTS table kept its own copy of the
# token stream (about a third of the file) that nothing read back: it becomes
# contentless, rebuilt from the articles with this program's token stream.  The
# original text, nearly always the cleaned text plus some boilerplate, is kept
# compressed against the cleaned text.
_V5_TABLES = """
ALTER TABLE articles ADD COLUMN original_delta BLOB;
CREATE TABLE article_index_notes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    tokens TEXT NOT NULL
);
CREATE TABLE fts_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO article_index_notes (article_id, tokens)
    SELECT f.rowid, f.notes FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE f.notes <> '';
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, notes, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
"""


def _v5(conn: sqlite3.Connection, statements: Callable[[str], list[str]]) -> None:
    # imported here: opening a library that is up to date needs neither (nor the tokenizer)
    from .fts import rebuild_index
    from .originals import compact_originals

    for statement in statements(_V5_TABLES):
        conn.execute(statement)
    rebuild_index(conn)
    compact_originals(conn)


_V6 = """
ALTER TABLE books ADD COLUMN document_number TEXT;
ALTER TABLE books ADD COLUMN version TEXT;
ALTER TABLE books ADD COLUMN distribution TEXT;
ALTER TABLE itinerary_items ADD COLUMN end_time TEXT;
ALTER TABLE itinerary_items ADD COLUMN venue TEXT;
ALTER TABLE itinerary_items ADD COLUMN address TEXT;
ALTER TABLE itinerary_items ADD COLUMN participants TEXT;
"""

_V7 = """
ALTER TABLE entities ADD COLUMN reading_confirmed INTEGER NOT NULL DEFAULT 0;
CREATE TABLE entity_translations (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    field TEXT NOT NULL,
    original TEXT NOT NULL DEFAULT '',
    translation TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (entity_id, locale, field, original)
);
CREATE INDEX idx_entity_translations ON entity_translations(entity_id, locale);
"""

# v8: a claim (figure, statement) dropped because nothing reads it any more (its
# mention rejected or deleted, its article re-read) is retired under its key, so
# that when the same claim is read again it is the same claim: its uuid, and with
# it every change recorded on it (and a decision, were one set), comes back.
_V8 = """
CREATE TABLE retired_claims (
    target_kind TEXT NOT NULL CHECK (target_kind IN ('statement', 'figure')),
    key TEXT NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    retired_at TEXT NOT NULL,
    PRIMARY KEY (target_kind, key)
);
"""

# v9: the library opens on its newest articles (store/views.py orders by
# coalesce(published, '') DESC, id DESC).  Without an index on that expression every
# first page sorted the whole table; with it, and with the language and source
# indexes carrying it as their second column, a page reads only its own rows, filtered
# or not.  The rowid every index ends with breaks ties as the view does.
_V9 = """
CREATE INDEX idx_articles_recent ON articles(coalesce(published, ''));
DROP INDEX idx_articles_lang;
CREATE INDEX idx_articles_lang ON articles(lang, coalesce(published, ''));
DROP INDEX idx_articles_source;
CREATE INDEX idx_articles_source ON articles(source, coalesce(published, ''));
"""

# version -> SQL, or a function of the connection and a statement splitter, that
# brings a file from version-1 to version.
MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection, Callable[[str], list[str]]], None]] = {
    1: _V1,
    2: _V2,
    3: _V3,
    4: _V4,
    5: _v5,
    6: _V6,
    7: _V7,
    8: _V8,
    9: _V9,
}
