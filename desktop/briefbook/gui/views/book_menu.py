"""The Book menu and "drag into a book section" for the main window's lists, made at
start without the Book tab itself: the tab (book_view.BookView, with the trip editor,
the outline and the export dialog) is built the first time it is shown or asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ..models.book_mime import DragSource
from ..runtime.i18n import _


def add_book_drag(window, table, kind: str, ids) -> None:
    """Rows of ``table`` (items of ``kind``, ``ids()`` the selected ones) can be dragged into a
    book section, or added with "Add to book section…" (Ctrl+Shift+B)."""
    source = DragSource(table, kind, ids)
    window.book_drag_sources.append(source)
    window.after_first_paint.call(source.watch)
    action = QAction(_("Add to book section…"), table)
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _c=False: window.book.add_items(kind, ids()))
    table.addAction(action)
    if table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


def show_entity(window, entity_id: int) -> None:
    """The Entities tab with ``entity_id`` selected (the export dialog's check asks for it)."""
    entities = window.entities
    window.tabs.setCurrentWidget(entities)
    if not entities.select_entity(entity_id):  # filtered out of the list: show every entity
        entities.name_filter.clear()
        entities.kind_box.setCurrentIndex(max(0, entities.kind_box.count() - 1))  # "All" is last
        entities.select_entity(entity_id)
    window.raise_()
    window.activateWindow()


def add_book_menu(window) -> None:
    """The Book menu (before Help, which stays last)."""
    def show_book():
        window.tabs.setCurrentWidget(window.book)
        return window.book

    menu = window.menuBar().addMenu(_("&Book"))
    show = menu.addAction(_("Show &book"), show_book)
    show.setShortcut(QKeySequence("Ctrl+4"))
    menu.addAction(_("New &trip"), lambda: show_book().new_trip())
    menu.addAction(_("New b&ook…"), lambda: show_book().new_book())
    menu.addSeparator()
    export = menu.addAction(_("&Export book…"), lambda: window.book.export())
    export.setShortcut(QKeySequence("Ctrl+Shift+E"))
    actions = window.menuBar().actions()
    if len(actions) >= 2:
        window.menuBar().insertAction(actions[-2], actions[-1])
