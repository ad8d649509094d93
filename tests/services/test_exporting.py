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


def test_book_and_programme_fields_reach_the_book(tmp_path):
    from briefbook.services.assembling import assemble_book
    from briefbook.store import books as book_store
    from briefbook.store.db import open_library

    lib = open_library(tmp_path / "l.briefbook")
    trip = book_store.save_trip(lib, book_store.TripRow(None, "Trip"))
    book_store.add_itinerary_item(lib, trip, "2020-11-30", "14:00", "Tokyo", end_time="15:30", venue="HQ",
                                  address="Akasaka", participants="Zhao Hao\nLi Wen\n")
    book = book_store.create_book(lib, "Book", trip, outline=[])
    book_store.update_row(lib, "books", book, document_number="N-1", version="1.1", distribution="A\nB")
    assembled = assemble_book(lib, book)
    assert (assembled.document_number, assembled.version, assembled.distribution) == ("N-1", "1.1", ["A", "B"])
    item = assembled.trip.itinerary[0]
    assert (item.end, item.venue, item.address, item.participants) == ("15:30", "HQ", "Akasaka",
                                                                      ["Zhao Hao", "Li Wen"])
    lib.close()
