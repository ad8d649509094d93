"""Leftovers of the UI language: a reader's failure reason in the report, plural
forms of counts, and the reader naming an article's publisher, not its file path."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QLabel

from briefbook.gui.dialogs.small import ImportReportDialog
from briefbook.gui.runtime import i18n
from briefbook.gui.views.knowledge_review import KnowledgeReview


@pytest.fixture
def german():
    i18n.install("de")
    yield
    i18n.install("en")


def _reasons(dialog: ImportReportDialog) -> dict[str, str]:
    table = dialog.table
    return {table.item(n, 0).text(): table.item(n, 2).text() for n in range(table.rowCount())}


def test_hostile_files_are_reported_with_their_reason_in_german(make_window, library_path, tmp_path, german, qtbot):
    window = make_window(library_path)
    (tmp_path / "leer.txt").write_bytes(b"   \n")
    (tmp_path / "kaputt.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage\xff" * 50)
    (tmp_path / "nur.pdf").write_bytes(b"this is no pdf at all")
    window.importer.import_paths([str(tmp_path / n) for n in ("leer.txt", "kaputt.pdf", "nur.pdf")])
    report = window.importer.last_report
    assert [o.status for o in report.outcomes] == ["failed"] * 3
    codes = {o.path.rsplit("/", 1)[-1]: o.reason_code for o in report.outcomes}
    assert codes["leer.txt"] == "empty" and codes["nur.pdf"] == "not_pdf"
    assert report.outcomes[0].reason == "the file is empty"  # the CLI's English text is kept
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    reasons = _reasons(dialog)
    assert reasons["leer.txt"] == "die Datei ist leer"
    assert reasons["nur.pdf"] == "die Datei ist kein PDF (kein %PDF-Kopf)"
    assert reasons["kaputt.pdf"].startswith("PDF: beschädigt, kann nicht gelesen werden (")
    for text in reasons.values():
        assert "the file" not in text and "the PDF" not in text and " is " not in text


def test_a_failure_without_a_code_keeps_its_stored_text(qtbot, german):
    from briefbook.services.importing import FileOutcome, ImportReport

    dialog = ImportReportDialog(ImportReport([FileOutcome("/x/a.txt", "failed", reason="odd reason")]))
    qtbot.addWidget(dialog)
    assert _reasons(dialog) == {"a.txt": "odd reason"}


def _count_text(rows: int, conflicts: int) -> str:
    fake = SimpleNamespace(count_label=QLabel(), model=SimpleNamespace(
        total=rows, rows=[{"kind": "figure", "conflicts": [1] if n < conflicts else []} for n in range(rows)]))
    KnowledgeReview._update_count(fake)
    return fake.count_label.text()


@pytest.mark.parametrize("language, one, two", [
    ("de", "1 Zeile · 1 Widerspruch", "2 Zeilen · 2 Widersprüche"),
    ("zh_CN", "1 行 · 1 处矛盾", "2 行 · 2 处矛盾"),
    ("en", "1 row · 1 conflict", "2 rows · 2 conflicts"),
])
def test_the_conflict_count_has_plural_forms(qapp, language, one, two):
    i18n.install(language)
    try:
        assert _count_text(1, 1) == one
        assert _count_text(2, 2) == two
    finally:
        i18n.install("en")


def test_the_reader_names_the_publisher_not_the_file_path(make_window, library_path, tmp_path):
    folder = tmp_path / "private-folder"
    folder.mkdir()
    for name, city in (("with_publisher.txt", "Tokio"), ("bare.txt", "Osaka")):
        (folder / name).write_text(f"Die Delegation aus Qingdao besuchte die JETRO in {city}.", encoding="utf-8")
    window = make_window(library_path)
    window.importer.import_paths([str(folder / "with_publisher.txt"), str(folder / "bare.txt")])
    ids = {o.path.rsplit("/", 1)[-1]: o.article_id for o in window.importer.last_report.imported}
    lib = window.ctx.lib
    with lib.transaction():
        lib.conn.execute("UPDATE articles SET source = 'Nikkei', published = '2026-06-01', url = NULL, "
                         "published_time = NULL WHERE id = ?", (ids["with_publisher.txt"],))
        lib.conn.execute("UPDATE articles SET source = NULL, published = NULL, url = NULL WHERE id = ?",
                         (ids["bare.txt"],))
    window.show_article(ids["with_publisher.txt"])
    header = window.reader.header.text()
    assert "Nikkei" in header and "6/1/2026" in header  # the date as the UI language writes it
    assert "private-folder" not in header and "with_publisher.txt" not in header
    window.show_article(ids["bare.txt"])
    header = window.reader.header.text()
    assert "bare.txt" in header and "private-folder" not in header  # the last resort: the name only


def test_every_reason_code_of_the_readers_is_worded_in_the_ui():
    import ast
    from pathlib import Path

    import briefbook.ingest as ingest
    from briefbook.gui.models.import_reasons import _REASONS

    codes = set()
    for source in Path(ingest.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "IngestError" and len(node.args) > 1:
                if isinstance(node.args[1], ast.Constant):
                    codes.add(node.args[1].value)
            if isinstance(node, ast.FunctionDef) and node.name == "_kind":  # (code, words) of odd files
                codes |= {r.value.elts[0].value for r in ast.walk(node) if isinstance(r, ast.Return)
                          and isinstance(r.value, ast.Tuple)}
    assert len(codes) > 30
    assert codes - set(_REASONS) == set()


def test_an_empty_paste_is_refused_in_german(make_window, library_path, german, qtbot):
    window = make_window(library_path)
    window.importer.import_text("  \n ")
    dialog = ImportReportDialog(window.importer.last_report)
    qtbot.addWidget(dialog)
    assert list(_reasons(dialog).values()) == ["der eingefügte Text ist leer"]


@pytest.mark.parametrize("language, one, two", [
    ("de", "1 als Beinahe-Dublette markiert", "2 als Beinahe-Dubletten markiert"),
    ("en", "1 flagged as a near-duplicate", "2 flagged as near-duplicates"),
])
def test_the_report_counts_near_duplicates_with_plural_forms(qtbot, language, one, two):
    from briefbook.services.importing import FileOutcome, ImportReport

    i18n.install(language)
    try:
        texts = []
        for n in (1, 2):
            report = ImportReport([FileOutcome(f"/x/{k}.txt", "near_duplicate", 10 + k, duplicate_of=1) for k in range(n)])
            dialog = ImportReportDialog(report)
            qtbot.addWidget(dialog)
            texts.append(dialog.findChild(QLabel, "reportSummary").text())
        assert texts[0].endswith(" · " + one) and texts[1].endswith(" · " + two)
    finally:
        i18n.install("en")


def test_a_text_to_check_is_reported_with_its_warning_in_german(make_window, library_path, tmp_path, german, qtbot):
    german_text = "Die Delegation aus Qingdao besuchte am Montag die Außenhandelskammer in München. " * 5
    (tmp_path / "kaputt.txt").write_bytes(german_text.encode("utf-8").decode("latin-1").encode("utf-8"))
    (tmp_path / "gut.txt").write_text("Die Stadt Yantai plant neue Investitionen im Hafen. " * 5, encoding="utf-8")
    window = make_window(library_path)
    window.importer.import_paths([str(tmp_path / "gut.txt"), str(tmp_path / "kaputt.txt")])
    report = window.importer.last_report
    assert {o.path.rsplit("/", 1)[-1]: o.status for o in report.outcomes} == {"gut.txt": "imported",
                                                                               "kaputt.txt": "imported"}
    warned = next(o for o in report.outcomes if o.path.endswith("kaputt.txt"))
    assert warned.warning_codes == [["mojibake", {}]] and "mojibake" in warned.warning  # the CLI's English
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    reasons = _reasons(dialog)
    assert reasons["gut.txt"] == ""
    assert "UTF-8" in reasons["kaputt.txt"] and "prüfen" in reasons["kaputt.txt"]
    assert dialog.table.item(0, 0).text() == "kaputt.txt"  # the text to check comes first
    assert dialog.table.item(0, 1).text().startswith("⚠")
    assert "1 zu prüfen" in dialog.findChild(QLabel, "reportSummary").text()
