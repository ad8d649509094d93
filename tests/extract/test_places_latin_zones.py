"""A park's or zone's number is part of its name, and a sentence's article is not (made-up sentences)."""

from __future__ import annotations

from briefbook.extract.pipeline import extract_text


def places(text, lang="en"):
    return {f.value["name"] for f in extract_text(text, lang, None) if f.kind == "place"}


def test_numbered_parks_keep_their_number():
    got = places("The province reserved the whole Tan Phu 2 Industrial Park for investors.")
    assert "Tan Phu 2 Industrial Park" in got and "Industrial Park" not in got


def test_an_article_opening_the_sentence_is_no_part_of_the_name():
    got = places("The Ningbo Export Zone grew fast.")
    assert "Ningbo Export Zone" in got and not any(p.startswith("The ") for p in got)
