"""The extractor's dictionaries: the table-driven loader, word-list files, and a clear
error when a file is missing (instead of an extractor that silently finds nothing)."""

import os
import shutil
import subprocess
import sys

import pytest

from briefbook.extract import dictionaries, extract_text
from briefbook.extract.dictionaries import MissingDictionaryError, char_string, pairs, word_list
from briefbook.extract.registry import CJK_PASSES, LANGS, LATIN_PASSES, STEPS


@pytest.fixture
def dict_copy(tmp_path, monkeypatch):
    """A private copy of resources/dict the test may damage."""
    folder = tmp_path / "dict"
    shutil.copytree(dictionaries.dict_dir(), folder, ignore=shutil.ignore_patterns("build"))
    monkeypatch.setattr(dictionaries, "dict_dir", lambda: folder)
    monkeypatch.setattr(dictionaries, "_DICTS", None)
    return folder


def test_missing_folder_names_the_first_file(tmp_path, monkeypatch):
    monkeypatch.setattr(dictionaries, "dict_dir", lambda: tmp_path / "nowhere")
    with pytest.raises(MissingDictionaryError) as err:
        dictionaries.load()
    assert err.value.path == tmp_path / "nowhere" / "titles_zh.txt"
    assert "titles_zh.txt is missing" in str(err.value)


@pytest.mark.parametrize("name", ["units.txt", "places.txt", "latin_patterns.txt"])
def test_each_missing_file_is_named(dict_copy, name):
    (dict_copy / name).unlink()
    with pytest.raises(MissingDictionaryError, match=name):
        dictionaries.load()


def test_extraction_stops_instead_of_finding_nothing(dict_copy):
    (dict_copy / "surnames_zh.txt").unlink()
    with pytest.raises(MissingDictionaryError, match="surnames_zh.txt"):
        extract_text("中国贸促会会长高燕出席。", "zh-Hans")


def test_word_lists_missing_at_import(tmp_path):
    """A fresh process without resources/ stops when the extractor is first used (its
    pipeline imported), naming the word list."""
    env = dict(os.environ, BRIEFBOOK_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", "from briefbook.extract import extract"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode != 0
    assert "MissingDictionaryError" in proc.stderr
    assert str(tmp_path / "resources" / "dict") in proc.stderr


def test_loaded_dictionaries_are_filled(dict_copy):
    d = dictionaries.load()
    assert "董事长" in d.titles_zh and "董事长" not in d.titles_after_zh and "会长" in d.titles_after_zh
    assert d.currencies.get("美元") == "USD"
    assert d.places_cjk.get("青岛") and "Shandong" in d.places_latin
    assert "FC" in d.org_prefixes_latin and d.role_suffixes_de
    assert d.common_latin["de"] and d.common_latin["en"]


def test_word_list_formats(dict_copy):
    (dict_copy / "probe.txt").write_text("# a comment\n\n first \nsecond\n# more\nthird\n", encoding="utf-8")
    assert word_list("probe.txt") == ("first", "second", "third")
    (dict_copy / "chars.txt").write_text("# c\n甲乙\n丙\n", encoding="utf-8")
    assert char_string("chars.txt") == "甲乙丙"
    (dict_copy / "pairs.tsv").write_text("# p\n部\t门分\n会\t议\n", encoding="utf-8")
    assert pairs("pairs.tsv") == {"部": "门分", "会": "议"}


def test_table_reads_a_new_entry(dict_copy):
    """An entry added to a file reaches the rules (the loader really reads the table's files)."""
    with open(dict_copy / "titles_latin.txt", "a", encoding="utf-8") as fh:
        fh.write("\nOberzeremonienmeisterin\n")
    assert "Oberzeremonienmeisterin" in dictionaries.load().titles_latin


def test_registry_covers_every_language():
    assert set(STEPS) == set(CJK_PASSES) == set(LATIN_PASSES) == set(LANGS)
    for lang in LANGS:
        assert all(callable(p) for p in CJK_PASSES[lang] + LATIN_PASSES[lang] + STEPS[lang])


def test_known_chinese_names_hold_no_company_place_or_unit():
    """jieba tags some companies, places and units as personal names; the generated
    list of known names drops them (伊藤忠 is the company 伊藤忠商事)."""
    d = dictionaries.get()
    orgs = list(d.orgs_cjk.words)
    assert "伊藤忠" not in d.zh_known
    bad = [w for w in d.zh_known
           if w in d.places_cjk or w in d.orgs_cjk or any(o.startswith(w) for o in orgs if len(o) > len(w))
           or w[-1] in "县镇乡市"]
    assert bad == []
    assert {"丁俊晖", "吴梅村"} <= d.zh_known  # real names, including one ending in 村


def test_company_is_no_person_in_text():
    facts = extract_text("伊藤忠商事与三菱商事签署了合作协议。", "zh-Hans")
    assert not [f for f in facts if f.kind == "person" and "伊藤忠" in f.text]
