"""Dragging facts, articles and entities into a book section.

The payload is one MIME type carrying the kind and the ids as JSON, so a drop
never depends on which view it came from.  ``DragSource`` adds dragging to an
existing table without touching its model: it watches the mouse on the view's
viewport and starts a ``QDrag`` with the view's selected ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QPointF, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

ITEMS_MIME = "application/x-briefbook-items"
SECTION_MIME = "application/x-briefbook-sections"
ITEM_KINDS = ("fact", "article", "entity")


def encode_items(kind: str, ids: list[int]) -> QMimeData:
    if kind not in ITEM_KINDS:
        raise ValueError(kind)
    mime = QMimeData()
    mime.setData(ITEMS_MIME, QByteArray(json.dumps({"kind": kind, "ids": [int(i) for i in ids]}).encode()))
    mime.setText(f"briefbook:{kind}:" + ",".join(str(int(i)) for i in ids))
    return mime


def decode_items(mime: QMimeData | None) -> tuple[str, list[int]] | None:
    """(kind, ids) from a drop, or None when it carries no Briefbook items."""
    if mime is None or not mime.hasFormat(ITEMS_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(ITEMS_MIME)).decode())
        kind, ids = data["kind"], [int(i) for i in data["ids"]]
    except (ValueError, KeyError, TypeError):
        return None
    return (kind, ids) if kind in ITEM_KINDS and ids else None


def encode_sections(ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(SECTION_MIME, QByteArray(json.dumps([int(i) for i in ids]).encode()))
    return mime


def decode_sections(mime: QMimeData | None) -> list[int]:
    if mime is None or not mime.hasFormat(SECTION_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(SECTION_MIME)).decode())]
    except (ValueError, TypeError):
        return []


class DragSource(QObject):
    """Starts a drag of ``ids()`` (items of ``kind``) from ``view`` once the mouse moves
    far enough with the left button down.  A press on a row of a multi-row selection is
    held back until the release, so dragging several selected rows keeps them selected."""

    def __init__(self, view: QAbstractItemView, kind: str, ids: Callable[[], list[int]]):
        super().__init__(view)
        self.view, self.kind, self.ids = view, kind, ids
        self._start: QPointF | None = None
        self._held: QMouseEvent | None = None
        self._replaying = False

    def watch(self) -> None:
        """Start watching the mouse on the view (the main window does so after its first paint)."""
        self.view.viewport().installEventFilter(self)

    def mime(self) -> QMimeData | None:
        ids = [i for i in self.ids() if i is not None]
        return encode_items(self.kind, ids) if ids else None

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if self._replaying:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._start = event.position()
            index = self.view.indexAt(event.position().toPoint())
            multi = len(self.view.selectionModel().selectedRows()) > 1
            if (index.isValid() and multi and self.view.selectionModel().isSelected(index)
                    and event.modifiers() == Qt.KeyboardModifier.NoModifier):
                self._held = _copy(event)
                return True
            self._held = None
        elif kind == QEvent.Type.MouseMove and self._start is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if (event.position() - self._start).manhattanLength() >= QApplication.startDragDistance():
                self._start, self._held = None, None
                mime = self.mime()
                if mime is None:
                    return False
                drag = QDrag(self.view)
                drag.setMimeData(mime)
                drag.exec(Qt.DropAction.CopyAction)
                self._release(event.position())
                return True
        elif kind == QEvent.Type.MouseButtonRelease:
            self._start = None
            if self._held is not None:  # a plain click on a selected row: let the view have it now
                held, self._held = self._held, None
                self._replay(held)
        return False

    def _replay(self, event: QMouseEvent) -> None:
        self._replaying = True
        try:
            QApplication.sendEvent(self.view.viewport(), event)
        finally:
            self._replaying = False

    def _release(self, pos: QPointF) -> None:
        """The drag swallowed the button release: tell the view, so it leaves its selecting state."""
        self._replay(QMouseEvent(QEvent.Type.MouseButtonRelease, pos, self.view.viewport().mapToGlobal(pos),
                                 Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def _copy(event: QMouseEvent) -> QMouseEvent:
    return QMouseEvent(event.type(), event.position(), event.globalPosition(), event.button(), event.buttons(),
                       event.modifiers())
