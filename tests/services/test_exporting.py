from __future__ import annotations

from briefbook.core.book import Book, Paragraph, Section, TextItem
from briefbook.services.exporting import left_out_sections


def test_left_out_sections_names_the_empty_ones():
    book = Book("B", locale="de", sections=[
        Section("talking_points", "Gesprächspunkte", items=[TextItem([Paragraph.plain("Punkt eins")])]),
        Section("background", "Hintergrund"),
        Section("notes", "Notizen", items=[TextItem([])]),
    ])
    assert left_out_sections(book) == ["Hintergrund", "Notizen"]
