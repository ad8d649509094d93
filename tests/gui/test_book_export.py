"""The export dialog: PDF and DOCX written through it (synchronous executor), the
preview of the first pages, the path remembered, and a read-only folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefbook.gui.dialogs import export_dialog as ed
from briefbook.store import books as book_store


def _book(window) -> int:
    lib = window.ctx.lib
    trip_id = book_store.save_trip(lib, book_store.TripRow(None, "Qingdao delegation to Tokyo", ["Tokyo"],
                                                           "2026-12-01", "2026-12-05", "Trade", "内部资料"))
    book_store.add_member(lib, trip_id, "高燕", "会长", "中国贸促会", "Head")
    book_id = book_store.create_book(lib, "Tokyo briefing", trip_id, prepared_by="Asia desk")
    sid = [s for s in book_store.sections(lib, book_id) if s["kind"] == "talking_points"][0]["id"]
    book_store.update_row(lib, "sections", sid, body="- **Invite** JETRO\n- Follow up 高燕")
    window.book.reload_trips(select=trip_id)
    assert window.book.book_id() == book_id
    return book_id


def test_export_pdf_and_docx_through_the_dialog(make_window, library_path, tmp_path):
    window = make_window(library_path)
    _book(window)
    dialog = window.book.export()
    dialog.pdf.setChecked(True)
    dialog.path.setText(str(tmp_path / "out" / "book.pdf"))
    (tmp_path / "out").mkdir()
    dialog.start_export()
    assert dialog.error is None, dialog.error
    pdf = tmp_path / "out" / "book.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert dialog.result_path == pdf and dialog.open_button.isVisibleTo(dialog)
    assert dialog.progress.value() == 1000 and "book.pdf" in dialog.status.text()
    if shutil.which("pdftoppm"):
        assert 1 <= len(dialog.preview_files) <= ed.PREVIEW_PAGES
        assert dialog.pages.findChildren(type(dialog.status), "previewPage")

    dialog.docx.setChecked(True)
    assert dialog.path.text().endswith("book.docx")
    dialog.draft.setChecked(False)
    dialog.start_export()
    assert dialog.error is None, dialog.error
    import docx

    document = docx.Document(str(tmp_path / "out" / "book.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tokyo briefing" in text and "JETRO" in text
    dialog.close()
    # the folder and the format are remembered for the next export
    again = window.book.export()
    assert again.docx.isChecked() and Path(again.path.text()).parent == tmp_path / "out"
    again.close()


def test_export_to_read_only_folder_reports_and_leaves_nothing(make_window, library_path, tmp_path):
    window = make_window(library_path)
    _book(window)
    if os.geteuid() == 0:  # root writes anywhere chmod allows nothing; /sys is read-only for root too
        folder = Path("/sys")
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
    try:
        dialog = window.book.export()
        dialog.pdf.setChecked(True)
        dialog.path.setText(str(folder / "book.pdf"))
        dialog.start_export()
        assert dialog.error and "\n" not in dialog.error
        assert "read-only" in dialog.error or "permission" in dialog.error
        assert "Export failed" in dialog.status.text()
        assert not (folder / "book.pdf").exists()
        assert not list(folder.glob(".book.pdf.*"))
        assert not dialog.open_button.isVisibleTo(dialog) and dialog.export_button.isEnabled()
        dialog.close()
    finally:
        if folder != Path("/sys"):
            folder.chmod(0o755)


def test_cancel_leaves_no_file(make_window, library_path, tmp_path, monkeypatch):
    window = make_window(library_path)
    _book(window)
    dialog = window.book.export()
    dialog.pdf.setChecked(True)
    dialog.path.setText(str(tmp_path / "book.pdf"))
    from briefbook.services import exporting  # the dialog's job imports the writer when it runs

    real = exporting.export_book

    def cancelled_at_once(book, path, fmt=None, progress=None, cancel=None):
        return real(book, path, fmt=fmt, progress=progress, cancel=lambda: True)

    monkeypatch.setattr(exporting, "export_book", cancelled_at_once)
    dialog.start_export()
    assert dialog.error is None and dialog.result_path is None
    assert "cancelled" in dialog.status.text()
    assert not list(tmp_path.glob("*book.pdf*"))


@pytest.mark.parametrize("has_tool", [False])
def test_preview_note_without_pdftoppm(make_window, library_path, monkeypatch, has_tool):
    window = make_window(library_path)
    _book(window)
    monkeypatch.setattr(ed.shutil, "which", lambda _name: None)
    assert ed.render_preview(Path("x.pdf")) == []
    dialog = window.book.export()
    dialog.pdf.setChecked(True)
    dialog.show_preview([])
    assert "pdftoppm" in dialog.preview_note.text()
    dialog.close()
