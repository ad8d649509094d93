"""Undoable edits of trips, books and outlines.  As in undo_commands.py, each
command calls store functions (one transaction each), keeps what they returned
for undo, and says what changed through ``BookEvents``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from ...store import books as book_store
from ...store import views
from ..runtime.i18n import _
from .undo_commands import StoreCommand


class BookEvents(QObject):
    trips_changed = Signal(int)  # trip id (0 = the list of trips)
    books_changed = Signal()  # a book created, deleted, or its settings changed
    outline_changed = Signal(int)  # book id


def book_events(ctx) -> BookEvents:
    """The book signals of an app context (made on first use; the context stays Qt-light)."""
    events = getattr(ctx, "book_events", None)
    if events is None:
        events = ctx.book_events = BookEvents()
    return events


class _BookCommand(StoreCommand):
    trip_id: int = 0
    book_id: int = 0

    def notify(self):
        ev = book_events(self.ctx)
        if self.trip_id:
            ev.trips_changed.emit(self.trip_id)
        if self.book_id:
            ev.outline_changed.emit(self.book_id)


# -- trips ------------------------------------------------------------------------------

class NewTrip(_BookCommand):
    def __init__(self, ctx, trip: book_store.TripRow):
        super().__init__(ctx, _("New trip"))
        self.trip = trip
        self.snapshot: dict | None = None

    def do(self):
        if self.snapshot is None:
            if not self.trip.title.strip():
                raise ValueError(_("a trip needs a title"))
            self.trip_id = book_store.save_trip(self.lib, replace(self.trip, id=None))
        else:
            views.restore_trip(self.lib, self.snapshot)

    def undo_(self):
        self.snapshot = views.delete_trip(self.lib, self.trip_id)

    def notify(self):
        book_events(self.ctx).trips_changed.emit(0)
        book_events(self.ctx).books_changed.emit()


class EditTrip(_BookCommand):
    def __init__(self, ctx, trip: book_store.TripRow):
        super().__init__(ctx, _("Edit trip"))
        self.after = replace(trip)
        self.trip_id = trip.id
        self.before: book_store.TripRow | None = None

    def do(self):
        if not self.after.title.strip():
            raise ValueError(_("a trip needs a title"))
        before = book_store.get_trip(self.lib, self.trip_id)
        if before is None:
            raise KeyError(_("the trip no longer exists"))
        self.before = self.before or before
        book_store.save_trip(self.lib, replace(self.after))

    def undo_(self):
        book_store.save_trip(self.lib, replace(self.before))

    def notify(self):
        book_events(self.ctx).trips_changed.emit(self.trip_id)
        book_events(self.ctx).trips_changed.emit(0)


class AddTripRow(_BookCommand):
    """A delegation member or an itinerary item."""

    def __init__(self, ctx, table: str, trip_id: int, **fields):
        super().__init__(ctx, _("Add delegation member") if table == "delegation_members" else _("Add itinerary item"))
        self.table, self.trip_id, self.fields = table, trip_id, fields
        self.row_id: int | None = None
        self.saved: dict | None = None

    def do(self):
        if self.saved is not None:
            book_store.restore_row(self.lib, self.table, self.saved)
        elif self.table == "delegation_members":
            self.row_id = book_store.add_member(self.lib, self.trip_id, **self.fields)
        else:
            self.row_id = book_store.add_itinerary_item(self.lib, self.trip_id, **self.fields)

    def undo_(self):
        self.saved = book_store.delete_row(self.lib, self.table, self.row_id)


class UpdateRow(_BookCommand):
    """Change columns of a member, itinerary item, section, section item or book."""

    def __init__(self, ctx, table: str, row_id: int, text: str | None = None, **fields):
        super().__init__(ctx, text or _("Edit"))
        self.table, self.row_id, self.fields = table, row_id, fields
        self.old: dict | None = None
        self.trip_id, self.book_id = book_store.row_owner(ctx.lib, table, row_id)

    def do(self):
        if self.table == "sections" and "title" in self.fields and not str(self.fields["title"]).strip():
            raise ValueError(_("a section needs a title"))
        old = book_store.update_row(self.lib, self.table, self.row_id, **self.fields)
        self.old = self.old if self.old is not None else old

    def undo_(self):
        book_store.update_row(self.lib, self.table, self.row_id, **self.old)

    def notify(self):
        super().notify()
        if self.table == "books":
            book_events(self.ctx).books_changed.emit()


class DeleteRow(_BookCommand):
    """Delete a member, itinerary item or section item."""

    def __init__(self, ctx, table: str, row_id: int, text: str | None = None):
        super().__init__(ctx, text or _("Delete"))
        self.table, self.row_id = table, row_id
        self.saved: dict | None = None
        self.trip_id, self.book_id = book_store.row_owner(ctx.lib, table, row_id)

    def do(self):
        self.saved = book_store.delete_row(self.lib, self.table, self.row_id)
        if self.saved is None:
            raise KeyError(_("the row no longer exists"))

    def undo_(self):
        book_store.restore_row(self.lib, self.table, self.saved)


# -- books and outline ------------------------------------------------------------------------

class NewBook(_BookCommand):
    def __init__(self, ctx, title: str, trip_id: int | None, locale: str, template: str, prepared_by: str,
                 draft: bool, outline=book_store.DEFAULT_OUTLINE):
        super().__init__(ctx, _("New book"))
        self.args = dict(title=title.strip(), trip_id=trip_id, locale=locale, template=template,
                         prepared_by=prepared_by, draft=draft, outline=outline)
        self.snapshot: dict | None = None

    def do(self):
        if self.snapshot is not None:
            views.restore_book(self.lib, self.snapshot)
            return
        if not self.args["title"]:
            raise ValueError(_("a book needs a title"))
        self.book_id = book_store.create_book(self.lib, **self.args)

    def undo_(self):
        self.snapshot = views.delete_book(self.lib, self.book_id)

    def notify(self):
        book_events(self.ctx).books_changed.emit()


class DeleteBook(_BookCommand):
    def __init__(self, ctx, book_id: int):
        super().__init__(ctx, _("Delete book"))
        self.book_id = book_id
        self.snapshot: dict | None = None

    def do(self):
        self.snapshot = views.delete_book(self.lib, self.book_id)
        if not self.snapshot["books"]:
            raise KeyError(_("the book no longer exists"))

    def undo_(self):
        views.restore_book(self.lib, self.snapshot)

    def notify(self):
        book_events(self.ctx).books_changed.emit()


class AddSection(_BookCommand):
    def __init__(self, ctx, book_id: int, kind: str, title: str, parent_id: int | None = None,
                 position: int | None = None, body: str | None = None, settings: dict | None = None):
        super().__init__(ctx, _("Add section"))
        self.book_id = book_id
        self.args = dict(kind=kind, title=title, parent_id=parent_id, position=position, body=body, settings=settings)
        self.section_id: int | None = None
        self.snapshot: dict | None = None

    def do(self):
        if self.snapshot is not None:
            views.restore_section_tree(self.lib, self.snapshot)
        else:
            self.section_id = book_store.add_section(self.lib, self.book_id, **self.args)

    def undo_(self):
        self.snapshot = views.delete_section_tree(self.lib, self.section_id)


class DeleteSection(_BookCommand):
    def __init__(self, ctx, section_id: int):
        super().__init__(ctx, _("Remove section"))
        self.section_id = section_id
        self.book_id = book_store.row_owner(ctx.lib, "sections", section_id)[1]
        self.snapshot: dict | None = None

    def do(self):
        if not self.book_id:
            raise KeyError(_("the section no longer exists"))
        self.snapshot = views.delete_section_tree(self.lib, self.section_id)

    def undo_(self):
        views.restore_section_tree(self.lib, self.snapshot)


class MoveSection(_BookCommand):
    def __init__(self, ctx, section_id: int, parent_id: int | None, position: int):
        super().__init__(ctx, _("Move section"))
        self.section_id, self.parent_id, self.position = section_id, parent_id, position
        self.book_id = book_store.row_owner(ctx.lib, "sections", section_id)[1]
        self.old: tuple[int | None, int] | None = None

    def do(self):
        self.old = book_store.move_section(self.lib, self.section_id, self.parent_id, self.position)

    def undo_(self):
        book_store.move_section(self.lib, self.section_id, *self.old)


class AddItems(_BookCommand):
    """Facts, articles or entities (or a text block) placed in a section; ids already there are skipped."""

    def __init__(self, ctx, section_id: int, kind: str, ids: list[int | None], payload: dict | None = None):
        super().__init__(ctx, _("Add to book section"))
        self.section_id, self.kind, self.payload = section_id, kind, payload
        self.book_id = book_store.row_owner(ctx.lib, "sections", section_id)[1]
        present = {(r["item_kind"], r["item_id"]) for r in book_store.items(ctx.lib, section_id)}
        self.ids = [i for i in dict.fromkeys(ids) if i is None or (kind, i) not in present]
        self.row_ids: list[int] = []
        self.saved: list[dict] = []

    def do(self):
        if not self.book_id:
            raise KeyError(_("the section no longer exists"))
        if not self.ids:
            raise ValueError(_("already in this section"))
        if self.saved:
            for saved in self.saved:
                book_store.restore_row(self.lib, "section_items", saved)
            return
        self.row_ids = [book_store.add_item(self.lib, self.section_id, self.kind, i, self.payload) for i in self.ids]

    def undo_(self):
        self.saved = [s for s in (book_store.delete_row(self.lib, "section_items", r) for r in self.row_ids) if s]
