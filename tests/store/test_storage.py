"""Each text is stored once: a contentless full-text index that stays exact through
deletes, re-imports and note changes, and the original kept as a delta against
the cleaned text that gives back the exact original.  A v2 library migrates."""

import sqlite3

from briefbook import cli
from briefbook.core.searchtext import index_tokens
from briefbook.services.importing import import_pasted, import_paths
from briefbook.store import schema
from briefbook.store.articles import get_article
from briefbook.store.db import _split_sql, open_library
from briefbook.store.fts import rebuild_index
from briefbook.store.notes import Annotation, add_annotation, tag_article, update_note
from briefbook.store.search import search
from briefbook.store.views import delete_article, restore_article

TEXT_A = "中国贸促会会长高燕出席威海经贸合作交流会并致辞。双方签署了冷链物流合作协议。"
TEXT_B = "Die Industrie- und Handelskammer vereinbarte mit Weihai eine engere Zusammenarbeit im Bereich Wasserstoff."


def postings(lib) -> list[tuple]:
    """Every (term, column, documents, occurrences) the index holds."""
    lib.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, articles_fts, 'col')")
    return lib.conn.execute("SELECT term, col, doc, cnt FROM temp.fts_vocab ORDER BY term, col").fetchall()


def assert_index_exact(lib) -> None:
    """The index holds exactly what indexing every stored article afresh gives."""
    held = postings(lib)
    with lib.transaction() as conn:
        rebuild_index(conn)
    assert held == postings(lib)
    assert lib.scalar("SELECT count(*) FROM articles_fts") == lib.scalar("SELECT count(*) FROM articles")


def test_index_keeps_no_copy_of_the_token_stream(library):
    import_pasted(library, TEXT_A, title="交流会")
    assert library.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_content'") == 0
    assert library.conn.execute("SELECT body FROM articles_fts").fetchone()[0] is None


def test_delete_and_reimport_keep_search_right(library):
    a = import_pasted(library, TEXT_A, title="交流会").article_id
    b = import_pasted(library, TEXT_B, title="Kammer").article_id
    first = [(h.article_id, h.rank) for h in search(library, "高燕")]
    assert [i for i, _ in first] == [a]
    delete_article(library, a)
    assert search(library, "高燕") == []
    assert [h.article_id for h in search(library, "Zusammenarbeit")] == [b]
    assert_index_exact(library)
    again = import_pasted(library, TEXT_A, title="交流会").article_id
    assert again != a
    assert [h.article_id for h in search(library, "高燕")] == [again]
    assert_index_exact(library)


def test_undoable_delete_restores_the_notes_in_the_index(library):
    a = import_pasted(library, TEXT_A, title="交流会").article_id
    add_annotation(library, Annotation(None, article_id=a, note="Rückfrage beim Protokoll"))
    tag_article(library, a, "Reiseplanung")
    assert [h.article_id for h in search(library, "Protokoll")] == [a]
    snap = delete_article(library, a)
    assert search(library, "Protokoll") == [] and search(library, "Reiseplanung") == []
    assert_index_exact(library)
    restore_article(library, snap)
    assert [h.article_id for h in search(library, "Protokoll")] == [a]
    assert [h.article_id for h in search(library, "Reiseplanung")] == [a]
    assert_index_exact(library)


def test_changed_note_replaces_the_old_words(library):
    a = import_pasted(library, TEXT_A, title="交流会").article_id
    ann = add_annotation(library, Annotation(None, article_id=a, note="Sonderwort"))
    update_note(library, ann, "Ersatzwort")
    assert search(library, "Sonderwort") == []
    assert [h.article_id for h in search(library, "Ersatzwort")] == [a]
    assert_index_exact(library)


def test_an_index_built_with_another_token_stream_is_rebuilt_before_a_delete(library):
    a = import_pasted(library, TEXT_A, title="交流会").article_id
    b = import_pasted(library, TEXT_B, title="Kammer").article_id
    with library.transaction() as conn:  # as if an older program had indexed b differently
        conn.execute("INSERT INTO articles_fts (articles_fts, rowid, title, body, notes) VALUES ('delete', ?, ?, ?, '')",
                     (b, index_tokens("Kammer"), index_tokens(TEXT_B)))
        conn.execute("INSERT INTO articles_fts (rowid, title, body, notes) VALUES (?, 'kammer', 'altwort', '')", (b,))
        conn.execute("UPDATE fts_state SET value = 'older program' WHERE key = 'tokens'")
    delete_article(library, a)
    assert search(library, "altwort") == []
    assert [h.article_id for h in search(library, "Zusammenarbeit")] == [b]
    assert_index_exact(library)


def test_original_is_stored_as_a_small_delta_and_given_back_exactly(tmp_path, capsys):
    original = ("打开APP\n小贴士\n分享到微信\n\n" + TEXT_A + "\n\n责任编辑：王伟\n" + TEXT_A.replace("高燕", "刘伟") * 20
                + "\n\n版权所有 © 2020  \n")
    path = tmp_path / "in" / "article.txt"
    path.parent.mkdir()
    path.write_text(original, encoding="utf-8")
    lib = open_library(tmp_path / "lib.briefbook")
    import_paths(lib, [path.parent])
    aid, stored, delta, text = lib.conn.execute("SELECT id, original, original_delta, text FROM articles").fetchone()
    assert text != original and stored == ""
    assert len(delta) < len(original.encode("utf-8")) / 10
    assert get_article(lib, aid).original == original
    lib.close()
    assert cli.main(["show", str(aid), "--original", "--library", str(tmp_path / "lib.briefbook")]) == 0
    header, _, body = capsys.readouterr().out.partition("-" * 60 + "\n")
    assert header and body == original + "\n"


def _make_v2_library(path) -> None:
    """A library as version 2 wrote it: originals whole, the FTS table with its own content."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for version in (1, 2):
        for statement in _split_sql(schema.MIGRATIONS[version]):
            conn.execute(statement)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version (version) VALUES (2)")
    for i, (title, text, original) in enumerate([("交流会", TEXT_A, "打开APP\n" + TEXT_A + "\n版权所有"),
                                                 ("Kammer", TEXT_B, TEXT_B)], start=1):
        conn.execute("INSERT INTO articles (id, title, imported_at, sha256, format, original, text) "
                     "VALUES (?, ?, '2026-01-01T00:00:00', ?, 'txt', ?, ?)", (i, title, f"sha{i}", original, text))
        conn.execute("INSERT INTO articles_fts (rowid, title, body, notes) VALUES (?, ?, ?, ?)",
                     (i, index_tokens(title), index_tokens(text), index_tokens("Rückfrage") if i == 1 else ""))
    conn.execute("COMMIT")
    conn.close()


def test_v2_library_migrates_and_keeps_search_working(tmp_path):
    path = tmp_path / "v2.briefbook"
    _make_v2_library(path)
    lib = open_library(path)
    assert lib.schema_version() == schema.SCHEMA_VERSION
    assert len(list(tmp_path.glob("v2.briefbook.v2-*.bak"))) == 1
    assert [h.article_id for h in search(lib, "高燕")] == [1]
    assert [h.article_id for h in search(lib, "Rückfrage")] == [1]  # notes carried over
    assert [h.article_id for h in search(lib, "Zusammenarbeit")] == [2]
    assert get_article(lib, 1).original == "打开APP\n" + TEXT_A + "\n版权所有"
    assert get_article(lib, 2).original == TEXT_B
    assert lib.scalar("SELECT count(*) FROM articles WHERE original <> ''") == 0
    assert lib.scalar("PRAGMA integrity_check") == "ok"
    assert_index_exact(lib)
    delete_article(lib, 1)
    assert search(lib, "高燕") == [] and search(lib, "Rückfrage") == []
    assert_index_exact(lib)
    lib.close()
