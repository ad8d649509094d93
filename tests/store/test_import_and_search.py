import pytest

from briefbook.services.importing import import_pasted, import_paths
from briefbook.store.articles import get_article
from briefbook.store.search import search
from tests.conftest import seed_id


def test_seed_import_then_search_names(seed_library):
    lib = seed_library
    assert [h.article_id for h in search(lib, "高燕")] == [seed_id(lib, "001")]
    assert [h.article_id for h in search(lib, "張琳")] == [seed_id(lib, "000")]
    assert [h.article_id for h in search(lib, "张琳")] == [seed_id(lib, "000")]
    assert [h.article_id for h in search(lib, "Hatoyama")] == [seed_id(lib, "004")]


def test_traditional_query_finds_simplified_text_and_back(seed_library):
    lib = seed_library
    simplified = {h.article_id for h in search(lib, "日本贸易振兴机构")}
    traditional = {h.article_id for h in search(lib, "日本貿易振興機構")}
    assert simplified == traditional
    assert {seed_id(lib, "000"), seed_id(lib, "001"), seed_id(lib, "003")} <= simplified


def test_snippet_marks_the_hit(seed_library):
    hit = search(seed_library, "高燕")[0]
    s, e = hit.spans[0]
    assert hit.snippet[s:e] == "高燕"


def test_german_word_and_compound_prefix(seed_library):
    lib = seed_library
    assert [h.article_id for h in search(lib, "Kooperation")] == [seed_id(lib, "004")]
    assert seed_id(lib, "004") in [h.article_id for h in search(lib, "Wirtschaft")]


def test_japanese_text_is_searchable(library):
    import_pasted(library, "佐々木伸彦理事長は東京で記者会見を行い、山東省との協力について話した。", title="記者会見")
    assert len(search(library, "佐々木")) == 1
    assert len(search(library, "記者会見")) == 1
    assert search(library, "大阪") == []


def test_single_character_query(seed_library):
    hits = search(seed_library, "燕")
    assert seed_id(seed_library, "001") in [h.article_id for h in hits]


@pytest.mark.parametrize("query", ['"', '((', 'AND', 'NOT', '*', '高燕"', '"高燕', 'a OR', '-', 'NEAR(高燕', '^', ''])
def test_query_syntax_never_raises(seed_library, query):
    assert isinstance(search(seed_library, query), list)


def test_negation_and_or(seed_library):
    lib = seed_library
    both = {h.article_id for h in search(lib, "高燕 OR Hatoyama")}
    assert both == {seed_id(lib, "001"), seed_id(lib, "004")}
    assert search(lib, "日本 -日本") == []


def test_same_file_twice_is_not_stored_twice(seed_library, seeds):
    report = import_paths(seed_library, [seeds / "001_d130a965e8ac6871.txt"])
    assert len(report.duplicates) == 1 and not report.imported
    assert seed_library.scalar("SELECT count(*) FROM articles") == 5


def test_repost_with_other_boilerplate_is_flagged_not_dropped(seed_library, seeds, tmp_path):
    original = (seeds / "002_c320e77e199fd4ca.txt").read_text(encoding="utf-8")
    body = original.split("风云变幻", 1)[1]
    repost = tmp_path / "repost.txt"
    repost.write_text("转载 | 某某新闻网\n当前位置:首页 >> 国际\n领衔鲁日合作\n风云变幻" + body + "\n责任编辑:王五\n分享到", encoding="utf-8")
    report = import_paths(seed_library, [repost])
    assert len(report.imported) == 1
    outcome = report.imported[0]
    assert outcome.status == "near_duplicate"
    assert outcome.duplicate_of == seed_id(seed_library, "002")
    art = get_article(seed_library, outcome.article_id)
    assert art.extra["duplicate_status"] == "suspected"


def test_batch_goes_on_after_failures_and_leaves_no_rows(library, tmp_path):
    (tmp_path / "good.txt").write_text("青岛与日本的经贸合作不断深化，双方企业交流频繁。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    report = import_paths(library, [tmp_path, tmp_path / "missing.txt"])
    assert len(report.imported) == 1
    assert sorted(o.path.rsplit("/", 1)[-1] for o in report.failures) == [
        "binary.txt", "broken.docx", "empty.txt", "missing.txt"]
    assert all(o.reason for o in report.failures)
    assert library.scalar("SELECT count(*) FROM articles") == 1
    assert library.scalar("SELECT count(*) FROM articles_fts") == 1


def test_original_is_kept_exactly(seed_library, seeds):
    art = get_article(seed_library, seed_id(seed_library, "000"))
    raw = (seeds / "000_3ebfe10b21f1d64b.txt").read_bytes()
    assert art.raw == raw
    assert art.original == raw.decode("utf-8")
    assert "(jīng)" in art.original and "(jīng)" not in art.text


def test_cancel_stops_between_files(library, seeds):
    from briefbook.core.progress import CancelToken

    token = CancelToken()
    seen = []

    def progress(done, total, msg):
        seen.append(done)
        if done == 2:
            token.cancel()

    report = import_paths(library, [seeds], progress=progress, cancel=token)
    assert report.cancelled
    assert library.scalar("SELECT count(*) FROM articles") == 3
