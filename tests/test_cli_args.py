"""Command-line values are checked before any work: one line, exit status 2, no traceback."""

import json
import logging

import pytest

from briefbook.cli import main
from briefbook.cli_args import search_terms_last


@pytest.fixture
def lib(tmp_path, capsys, seeds):
    path = str(tmp_path / "lib.briefbook")
    assert main(["import", "--library", path, "--no-extract", "--json", str(seeds)]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize("argv, message", [
    (["show", "9223372036854775808"], "an id must be from 1"),
    (["show", "0"], "an id must be from 1"),
    (["show", "abc"], "whole number"),
    (["search", "--limit", "1e20", "x"], "the limit must be a whole number"),
    (["search", "--limit", "0", "x"], "the limit must be from 1"),
    (["export", "--book", "2**63", "-o", "x.pdf"], "an id must be a whole number"),
    (["extract", "--article", "2**64"], "an id must be a whole number"),
])
def test_bad_numbers_are_refused_by_the_parser(argv, message, lib, capsys):
    with pytest.raises(SystemExit) as info:
        main([argv[0], "--library", lib, *argv[1:]])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unknown_ids_are_named(lib, capsys, tmp_path):
    assert main(["export", "--library", lib, "--book", "999", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "there is no book 999" in capsys.readouterr().err
    assert main(["extract", "--library", lib, "--article", "999"]) == 2
    assert "there is no article 999" in capsys.readouterr().err
    assert main(["show", "--library", lib, "999"]) == 2


def test_exclusion_terms_reach_the_search(lib, capsys):
    assert main(["search", "--library", lib, "--json", "Hatoyama"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    # as the README shows: no '--' needed before a term that starts with '-'
    assert main(["search", "--library", lib, "--json", "Hatoyama", "-Hatoyama"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["search", "--library", lib, "Hatoyama", "-Wong", "--limit", "5"]) == 0
    assert "Hatoyama" in capsys.readouterr().out


def test_search_terms_last_keeps_options_and_order():
    assert search_terms_last(["-L", "x", "search", "a", "-b", "--limit", "3", "c"]) == \
        ["-L", "x", "search", "--limit", "3", "--", "a", "-b", "c"]
    assert search_terms_last(["import", "-x"]) == ["import", "-x"]
    assert search_terms_last(["search", "--json", "--", "-a"]) == ["search", "--json", "--", "-a"]


def test_query_with_invalid_utf8_bytes(lib, capsys):
    query = b"\xffab".decode("utf-8", "surrogateescape")  # what Python makes of such an argument
    assert main(["search", "--library", lib, query]) == 2
    assert "not valid UTF-8" in capsys.readouterr().err


def test_library_warnings_go_to_the_log_file_not_the_terminal(tmp_path, capsys, monkeypatch):
    from briefbook.applog import setup_logging

    log = tmp_path / "briefbook.log"
    monkeypatch.setenv("BRIEFBOOK_LOG_FILE", str(log))
    setup_logging(verbose=False)
    logging.getLogger("pypdf._reader").warning("Invalid parent xref")
    assert "Invalid parent xref" not in capsys.readouterr().err
    assert "Invalid parent xref" in log.read_text(encoding="utf-8")
    setup_logging(verbose=True)
    logging.getLogger("pypdf._reader").warning("fontTools is required")
    assert "fontTools is required" in capsys.readouterr().err
    setup_logging(verbose=False)


@pytest.mark.parametrize("argv, app_only", [
    ([], True),
    (["--library", "x.briefbook"], True),
    (["-L", "x.briefbook", "--demo", "--verbose"], True),
    (["--demo", "--no-gui"], True),
    (["list"], False),
    (["--library", "x.briefbook", "search", "高燕"], False),
    (["--help"], False),
    (["--version"], False),
    (["--lib", "x.briefbook"], False),  # an abbreviation: argparse decides
    (["--library=x.briefbook"], False),
    (["--library", "--demo"], False),  # a missing value: the full parser's message
    (["-L"], False),
])
def test_an_app_start_is_told_from_a_command(argv, app_only):
    from briefbook.cli import opens_app

    assert opens_app(argv) is app_only


@pytest.mark.parametrize("argv", [[], ["--library", "x.briefbook"], ["-L", "y", "--demo", "--no-gui", "--verbose"],
                                  ["--self-test"]])
def test_the_app_options_read_the_same_without_the_commands(argv):
    from briefbook.cli import build_parser

    assert vars(build_parser(commands=False).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_the_app_starts_with_the_cycle_collector_off_and_leaves_it_on(monkeypatch, tmp_path):
    import gc

    import briefbook.gui.app as app

    during = []
    monkeypatch.setattr(app, "run_app", lambda **_kw: during.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert main(["--library", str(tmp_path / "x.briefbook")]) == 0
    assert during == [False] and gc.isenabled()
