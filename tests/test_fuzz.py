"""Property-based tests: hostile or random input never crashes ingest, extraction or search,
and spans always point at the text they claim."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.core.article import Article
from briefbook.extract import extract
from briefbook.ingest.clean import clean_text
from briefbook.ingest.decode import decode_bytes
from briefbook.ingest.errors import IngestError
from briefbook.ingest.readers import read_bytes
from briefbook.store.search import search

# Text drawn from the scripts Briefbook meets, plus digits, punctuation, emoji and astral characters.
_ALPHABET = st.sampled_from(
    list("青岛日本贸易振兴机构會長高燕张琳の佐々木伸彦理事長ÄÖÜäöüß Liu Jiayi JETRO亿万美元元円%。，、（）()")
    + list("0123456789.,-/年月日 \n") + ["😀", "𠀀", "\u200b", "\ufffd", "?"])
TEXT = st.text(alphabet=_ALPHABET, max_size=400)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=3000))
def test_decode_never_crashes(data):
    try:
        text, encoding = decode_bytes(data)
    except IngestError as err:
        assert str(err)
    else:
        assert isinstance(text, str) and encoding


@FAST
@given(TEXT)
def test_cleaning_never_crashes_and_drops_junk(text):
    cleaned = clean_text(text)
    assert "\u200b" not in cleaned and "???" not in cleaned


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["txt", "md", "html", "docx", "pdf"]))
def test_readers_give_text_or_a_reason(data, fmt):
    try:
        result = read_bytes(data, fmt)
    except IngestError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert result.text.strip()


@FAST
@given(TEXT, st.sampled_from(["zh-Hans", "zh-Hant", "ja", "de", "en", None]))
def test_extraction_spans_are_exact(text, lang):
    for fact in extract(Article(text=text, lang=lang, published="2020-07-31")):
        assert text[fact.start:fact.end] == fact.text
        assert 0 <= fact.start <= fact.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_query_is_safe(seed_library, query):
    assert isinstance(search(seed_library, query), list)


def test_hostile_html_corpus(tmp_path):
    deep = "<div>" * 5000 + "正文内容" * 50 + "</div>" * 5000
    scripted = ("<html><head><script src='http://example.invalid/x.js'></script><link rel=stylesheet "
                "href='http://example.invalid/a.css'></head><body><img src='http://example.invalid/t.gif'>"
                "<p>" + "青岛与日本的合作不断深化。" * 20 + "</p><script>document.write('x')</script></body></html>")
    for html in (deep, scripted):
        try:
            result = read_bytes(html.encode("utf-8"), "html")
        except IngestError as err:
            assert str(err)
        else:
            assert "document.write" not in result.text


def test_one_very_long_line_is_read(tmp_path):
    from briefbook.ingest import read_file
    from briefbook.ingest.errors import IngestError
    from briefbook.ingest.readers import MAX_TEXT_CHARS

    path = tmp_path / "long.txt"
    path.write_text("中日经贸合作" * (MAX_TEXT_CHARS // 6), encoding="utf-8")  # 1 M characters, 3 MB, one line
    article = read_file(path)
    assert len(article.text) == MAX_TEXT_CHARS // 6 * 6
    # Longer than any article: refused with a reason instead of hours of extraction.
    path.write_text("中日经贸合作" * 1_000_000, encoding="utf-8")  # 6 M characters, 18 MB
    with pytest.raises(IngestError, match="too l"):
        read_file(path)


def test_odd_file_names(tmp_path):
    from briefbook.ingest import read_file

    for name in ("名前 with spaces.txt", "ümlaut–dash.txt", "emoji😀.txt", "-leading-dash.txt", "a'quote\".txt"):
        path = tmp_path / name
        path.write_text("Die Delegation aus Qingdao besucht Tokio.", encoding="utf-8")
        assert read_file(path).text.startswith("Die Delegation")
