"""What an import works out ahead (in its worker processes) or hands on from one step to
the next stores the same library as the steps that read everything back themselves."""

from __future__ import annotations

from briefbook.core.article import Article
from briefbook.core.facts import Fact
from briefbook.extract import EXTRACTOR_VERSION, extract
from briefbook.ingest import read_file
from briefbook.services.extraction import extract_articles
from briefbook.services.importing import import_paths, read_for_storing
from briefbook.services.knowledge import build_article_knowledge
from briefbook.services.linking import link_article, name_keys
from briefbook.store import knowledge as K
from briefbook.store.articles import add_article, article_ids
from briefbook.store.db import open_library
from briefbook.store.facts import facts_for_article, save_extracted

_DERIVED = {
    "entities": "SELECT id, kind, canonical_name, merged_into FROM entities",
    "aliases": "SELECT entity_id, name, lang, origin FROM aliases",
    "link_keys": "SELECT a.entity_id, a.name, k.scheme, k.key FROM link_keys k JOIN aliases a ON a.id = k.alias_id",
    "links": "SELECT fact_id, entity_id, role, confidence, status FROM fact_entities",
    "proposals": "SELECT entity_a, entity_b, confidence, reason FROM entity_merge_proposals",
    "figures": "SELECT key, measure, subject, period_start, period_end, value, qualifies_id IS NULL FROM figures",
    "figure_sources": "SELECT f.key, s.fact_id, s.start, s.\"end\" FROM figure_sources s JOIN figures f ON f.id = s.figure_id",
    "statements": "SELECT key, entity_id, args_json FROM statements",
    "statement_sources": "SELECT st.key, s.fact_id FROM statement_sources s JOIN statements st ON st.id = s.statement_id",
}


def _derived(lib) -> dict[str, list]:
    return {name: sorted(tuple(r) for r in lib.conn.execute(sql)) for name, sql in _DERIVED.items()}


def test_the_stored_facts_handed_on_are_those_the_library_reads_back(library, seeds):
    article = read_file(sorted(seeds.glob("*.txt"))[0])
    aid = add_article(library, article).article_id
    facts = extract(article)
    stored = save_extracted(library, aid, facts, EXTRACTOR_VERSION)["stored"]
    read_back = facts_for_article(library, aid)
    assert stored is not None and len(stored) == len(read_back) > 10
    assert [(f.id, f.kind, f.start, f.end, f.text, f.value, f.status, f.article_id, f.extractor_version)
            for f in stored] == [(f.id, f.kind, f.start, f.end, f.text, f.value, f.status, f.article_id,
                                  f.extractor_version) for f in read_back]
    # an article that had facts merges with them: nothing handed on, the library is read
    assert save_extracted(library, aid, facts[:3], EXTRACTOR_VERSION)["stored"] is None


def test_extracting_with_the_hand_offs_stores_what_reading_back_stores(tmp_path, seeds):
    handed = open_library(tmp_path / "handed.briefbook")
    import_paths(handed, [seeds])
    ids = article_ids(handed)
    assert extract_articles(handed, ids, workers=0) == 5

    read = open_library(tmp_path / "read.briefbook")
    import_paths(read, [seeds])
    for aid in article_ids(read):  # each step reads the article's facts from the library
        row = read.conn.execute("SELECT text, lang, published FROM articles WHERE id = ?", (aid,)).fetchone()
        facts = extract(Article(text=row[0], lang=row[1], published=row[2]))
        save_extracted(read, aid, facts, EXTRACTOR_VERSION)
        link_article(read, aid)
        build_article_knowledge(read, aid)
    got, want = _derived(handed), _derived(read)
    assert len(want["links"]) > 100 and len(want["figures"]) > 10 and len(want["statements"]) > 10
    assert got == want
    handed.close()
    read.close()


def test_the_keys_worked_out_ahead_include_the_alias_dictionary_names():
    # JETRO is an entry of the shipped alias dictionary: the linker stores its other names too
    keys = name_keys([Fact("organization", 0, 5, "JETRO", {"name": "JETRO"})])
    assert ("organization", "JETRO") in keys
    assert ("organization", "日本贸易振兴机构") in keys
    assert all(isinstance(k, list) for k in keys.values())


def test_reading_for_storing_in_a_worker_stores_what_storing_alone_does(tmp_path, seeds):
    path = sorted(seeds.glob("*.txt"))[1]
    article, work = read_for_storing(path)
    assert work is not None
    ahead = open_library(tmp_path / "ahead.briefbook")
    here = open_library(tmp_path / "here.briefbook")
    a = add_article(ahead, article, work).article_id
    b = add_article(here, read_file(path)).article_id

    def stored(lib, aid):
        return (lib.conn.execute("SELECT signature FROM article_minhash WHERE article_id = ?", (aid,)).fetchone()[0],
                sorted(r[0] for r in lib.conn.execute("SELECT band_key FROM article_bands WHERE article_id = ?", (aid,))),
                [r[0] for r in lib.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ('"青岛"',))])

    assert stored(ahead, a) == stored(here, b)
    assert stored(here, b)[2] == [b]
    ahead.close()
    here.close()


def test_decided_among_looks_up_only_the_given_claims(library):
    K.decide_many(library, "figure", ["u1", "u2"], "accepted")
    K.decide_many(library, "statement", ["u3"], "rejected")
    assert K.decided_among(library, "figure", ["u1", "u3", "u9"]) == {"u1"}
    assert K.decided_among(library, "statement", ["u3"]) == {"u3"}
    assert K.decided_among(library, "figure", []) == set()
