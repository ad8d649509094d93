"""The briefbook command over a real library (the seed articles)."""

import json

from briefbook.cli import main


def run(capsys, *argv) -> str:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def test_import_search_show(tmp_path, capsys, seeds):
    lib = str(tmp_path / "lib.briefbook")
    report = json.loads(run(capsys, "import", "--library", lib, "--no-extract", "--json", str(seeds)))
    assert report["imported"] == 5 and report["failed"] == 0

    hits = json.loads(run(capsys, "search", "--library", lib, "--json", "高燕"))
    assert len(hits) == 1 and "高燕" in hits[0]["snippet"]
    assert len(json.loads(run(capsys, "search", "--library", lib, "--json", "張琳"))) == 1
    assert len(json.loads(run(capsys, "search", "--library", lib, "--json", "Hatoyama"))) == 1

    listing = json.loads(run(capsys, "list", "--library", lib, "--json"))
    ids = {row["path"].rsplit("/", 1)[-1][:3]: row["id"] for row in listing}
    shown = run(capsys, "show", "--library", lib, str(ids["000"]))
    assert "經貿" in shown and "(jīng)" not in shown
    shown = run(capsys, "show", "--library", lib, str(ids["002"]))
    assert "打开APP" not in shown and "领衔鲁日合作" in shown
    original = run(capsys, "show", "--library", lib, "--original", str(ids["002"]))
    assert "打开APP" in original

    again = json.loads(run(capsys, "import", "--library", lib, "--no-extract", "--json", str(seeds)))
    assert again["imported"] == 0 and again["duplicates"] == 5


def test_import_report_lists_failures_with_reasons(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("Die Delegation aus Qingdao besucht Tokio und trifft Vertreter der JETRO.", encoding="utf-8")
    out = run(capsys, "import", "--library", str(tmp_path / "lib.briefbook"), "--no-extract", str(tmp_path / "in"))
    assert "1 imported" in out and "1 failed" in out
    assert "empty.txt: the file is empty" in out


def test_clear_errors(tmp_path, capsys):
    bogus = tmp_path / "bogus.briefbook"
    bogus.write_text("not a database")
    assert main(["list", "--library", str(bogus)]) == 2
    assert "not a Briefbook library" in capsys.readouterr().err
    assert main(["search", "--library", str(tmp_path / "missing.briefbook"), "x"]) == 2
    assert "no library" in capsys.readouterr().err


def test_extract_file_contract(capsys, seeds):
    data = json.loads(run(capsys, "extract", "--json", str(seeds / "002_c320e77e199fd4ca.txt")))
    text = data["article"]["text"]
    assert data["article"]["lang"] == "zh-Hans" and data["article"]["published"] == "2020-07-31"
    assert data["facts"]
    for fact in data["facts"]:
        assert text[fact["start"]:fact["end"]] == fact["text"]
    assert any(f["kind"] == "amount" and f["currency"] == "USD" for f in data["facts"])


def test_export_demo_book_pdf_and_docx(tmp_path, capsys):
    pdf = tmp_path / "demo.pdf"
    run(capsys, "export", "--demo", "--format", "pdf", "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    docx_path = tmp_path / "demo.docx"
    run(capsys, "export", "--demo", "--locale", "de", "-o", str(docx_path))
    import docx

    text = "\n".join(p.text for p in docx.Document(docx_path).paragraphs)
    assert "Gesprächspunkte" in text


def test_export_to_unwritable_place_is_a_clear_error(tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "book.pdf"
    assert main(["export", "--demo", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefbook: ") and len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_backup_and_restore_commands(tmp_path, capsys, seeds):
    lib = str(tmp_path / "lib.briefbook")
    run(capsys, "import", "--library", lib, "--no-extract", str(seeds / "001_d130a965e8ac6871.txt"))
    manual = run(capsys, "backup", "--library", lib).split("Backup written: ")[1].splitlines()[0]
    run(capsys, "import", "--library", lib, "--no-extract", str(seeds / "002_c320e77e199fd4ca.txt"))
    listed = run(capsys, "restore", "--library", lib, "--list")
    assert manual in listed and "on-close" in listed, "the import made its own backup when it closed"
    run(capsys, "restore", "--library", lib, manual)
    import json

    assert len(json.loads(run(capsys, "list", "--library", lib, "--json"))) == 1


def test_self_test_passes(capsys):
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "self-test passed" in out and "FAIL" not in out


def test_demo_export_is_reproducible(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for fmt in ("pdf", "docx"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        run(capsys, "export", "--demo", "-o", str(a))
        run(capsys, "export", "--demo", "-o", str(b))
        assert a.read_bytes() == b.read_bytes(), fmt


def test_export_lays_the_book_out_once(tmp_path, capsys, monkeypatch):
    """The check on left-out sections and the file share one layout of the book."""
    from briefbook.export import layout

    built = []
    real = layout.build_document
    monkeypatch.setattr(layout, "build_document", lambda *a, **kw: built.append(1) or real(*a, **kw))
    target = tmp_path / "demo.docx"
    run(capsys, "export", "--demo", "-o", str(target))
    assert target.stat().st_size > 10_000 and len(built) == 1
