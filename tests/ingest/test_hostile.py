"""The fast subset of the hostile-input suite: one case of every kind through the real
import, plus the specific reasons and decodings a user relies on.  The full suite
(hundreds of cases through the CLI in subprocesses) is benchmarks/hostile_import.py."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import pytest

from briefbook.ingest import read_file
from briefbook.ingest.errors import IngestError
from briefbook.services.importing import import_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))

import make_cases  # noqa: E402


@pytest.fixture(scope="module")
def one_of_each(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    cases = make_cases.generate(out, quick=True, batches=3, once=True)
    yield out, cases
    make_cases.restore_permissions(out)


def _clear(reason: str | None) -> bool:
    return bool(reason) and "\n" not in reason and len(reason) <= 240 and " at 0x" not in reason


def test_every_kind_gives_an_article_or_a_clear_reason(library, one_of_each):
    out, cases = one_of_each
    kinds = [c.kind for c in cases if not c.kind.startswith("canary")]
    assert len(set(kinds)) == len(kinds) > 100
    outcomes = []
    for batch in range(3):
        report = import_paths(library, [out / f"batch-{batch:02d}"])
        outcomes += report.outcomes
    wrong = []
    for case in cases:
        prefix = str(out / f"batch-{case.batch:02d}" / case.name)
        mine = [o for o in outcomes if o.path == prefix or o.path.startswith(prefix + os.sep)]
        if not mine:
            if case.expect != "any":
                wrong.append((case.name, case.kind, "no outcome"))
            continue
        for o in mine:
            ok = o.status in ("imported", "near_duplicate", "duplicate")
            if o.status == "failed" and not _clear(o.reason):
                wrong.append((case.name, case.kind, f"unclear reason {o.reason!r:.100}"))
            elif case.expect == "import" and not ok:
                wrong.append((case.name, case.kind, o.reason))
            elif case.expect == "fail" and ok:
                wrong.append((case.name, case.kind, "imported"))
    assert not wrong
    # nothing half-stored: every stored article has text, every imported outcome has its row
    ids = {r[0] for r in library.conn.execute("SELECT id FROM articles WHERE trim(text) != ''")}
    assert {o.article_id for o in outcomes if o.status in ("imported", "near_duplicate")} <= ids
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _reason(path) -> str:
    with pytest.raises(IngestError) as info:
        read_file(path)
    return str(info.value)


def test_special_files_are_refused_without_reading_them(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    assert "named pipe" in _reason(tmp_path / "p.txt")  # never opened: no hang
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert "device" in _reason(tmp_path / "zero.txt")
    (tmp_path / "env.txt").symlink_to("/proc/self/environ")
    assert "operating system" in _reason(tmp_path / "env.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert "loop" in _reason(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert "symbolic link whose target does not exist" in _reason(tmp_path / "gone.txt")


def test_undecodable_file_name_is_imported_with_a_displayable_path(library, tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"bad-\xff.txt")
    with open(name, "wb") as fh:
        fh.write(make_cases.article("en", 2, "badname").encode())
    report = import_paths(library, [tmp_path])
    assert [o.status for o in report.outcomes] == ["imported"]
    assert report.outcomes[0].path.endswith("bad-\\xff.txt")
    stored = library.conn.execute("SELECT path FROM articles").fetchone()[0]
    assert stored.endswith("bad-\\xff.txt")


def test_unreadable_sub_folder_gets_a_line(library, tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(make_cases.article("de", 2, "ok"), encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # as for a folder without read permission (root can read any)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = import_paths(library, [tmp_path])
    failed = report.failures
    assert len(report.imported) == 1 and len(failed) == 1
    assert failed[0].path == str(locked) and "folder cannot be read" in failed[0].reason


@pytest.mark.parametrize("encoding", ["hz", "iso2022_jp", "iso2022_jp_2", "utf-32-be", "utf-32-le", "utf-32"])
def test_seven_bit_and_utf32_encodings_are_recognised(tmp_path, encoding):
    text = make_cases.JA if encoding.startswith("iso") else make_cases.ZH
    path = tmp_path / "a.txt"
    path.write_bytes((text * 3).encode(encoding))
    article = read_file(path)
    assert text in article.text
    assert article.encoding.replace("_", "-").startswith(encoding.replace("_", "-")[:8])
    assert not article.extra.get("warnings")


def test_mojibake_is_imported_with_a_warning(library, tmp_path):
    (tmp_path / "m.txt").write_bytes((make_cases.DE * 5).encode("utf-8").decode("latin-1").encode("utf-8"))
    (tmp_path / "ok.txt").write_text(make_cases.DE * 5 + "ok", encoding="utf-8")
    report = import_paths(library, [tmp_path])
    warned = {Path(o.path).name: o.warning for o in report.outcomes}
    assert "mojibake" in warned["m.txt"] and warned["ok.txt"] is None
    assert "1 to check" in report.summary()


def test_one_flipped_byte_in_utf8_is_not_read_as_cp1252(tmp_path):
    data = bytearray((make_cases.ZH * 10).encode("utf-8"))
    data[40] = 0xFF
    path = tmp_path / "z.txt"
    path.write_bytes(bytes(data))
    article = read_file(path)
    assert article.encoding == "utf-8" and make_cases.ZH[20:] in article.text
    assert "could not be decoded" in article.extra["warnings"][0]


def test_utf16_cut_in_its_last_character_keeps_the_rest(tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + (make_cases.EN * 3).encode("utf-16-le") + b"\x41")
    assert make_cases.EN in read_file(path).text


def test_markdown_of_100000_brackets_is_linear():
    # the old link pattern backtracked quadratically (minutes); this is one pass
    from briefbook.ingest import readers

    for data in ("[" * 100_000, "![" * 50_000, "[a](" * 30_000, "**a" * 30_000, "__" * 50_000):
        text = data
        for pattern, repl in readers._MD_MARKUP:
            text = pattern.sub(repl, text)  # would not return for hours with the old patterns
        assert isinstance(text, str)


def test_damaged_docx_members_are_reasons_not_exceptions(tmp_path):
    good = make_cases.docx_bytes(make_cases.EN)
    for name, data, expected in (
            ("crc.docx", make_cases._bad_crc(make_cases.zip_of(
                {n: make_cases.zipfile.ZipFile(io.BytesIO(good)).read(n)
                 for n in make_cases.zipfile.ZipFile(io.BytesIO(good)).namelist()}, make_cases.zipfile.ZIP_STORED)),
             "damaged"),
            ("method.docx", make_cases._set_method(good, 99), "damaged"),
            ("enc.docx", make_cases._set_flag(good, 1), "encrypted")):
        (tmp_path / name).write_bytes(data)
        assert expected in _reason(tmp_path / name)


def test_pdf_bombs_locks_and_aes(tmp_path):
    good = make_cases.pdf_bytes(make_cases.article("en", 3, "pdf"))
    (tmp_path / "aes.pdf").write_bytes(make_cases._encrypted_pdf(good, "AES-256", ""))
    assert "Japan External Trade" in read_file(tmp_path / "aes.pdf").text
    (tmp_path / "locked.pdf").write_bytes(make_cases._encrypted_pdf(good, "AES-256", "secret"))
    assert "password" in _reason(tmp_path / "locked.pdf")
    self_length = make_cases.raw_pdf(make_cases.text_pdf_objects(make_cases.bt(make_cases.EN), b"4 0 R"))
    (tmp_path / "len.pdf").write_bytes(self_length)
    try:
        assert read_file(tmp_path / "len.pdf").text
    except IngestError as err:
        assert _clear(str(err))
    info = make_cases.raw_pdf(make_cases.text_pdf_objects(make_cases.bt(make_cases.EN)) + [b"6 0 R"],
                              trailer_extra=b"/Info 6 0 R ")
    (tmp_path / "info.pdf").write_bytes(info)
    assert "Japan External Trade" in read_file(tmp_path / "info.pdf").text  # metadata broken, text kept
