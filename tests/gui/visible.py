"""The texts a user sees in a widget tree, for the tests that check the UI language."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)


def visible_texts(root: QWidget, *, content: bool = False) -> list[str]:
    """Labels, buttons, group and tab titles, placeholders, headers, menus and tooltips.

    With ``content`` also what the widgets show of the library: combo box entries,
    read-only text views (cards, previews, the reader), the first 40 rows of item views
    and window titles.  Texts are returned as they are; blank ones are left out."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QAbstractButton | QLabel):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QHeaderView) and w.model() is not None:
            texts += [str(w.model().headerData(i, w.orientation()) or "") for i in range(w.count())]
        elif content and isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
            for r in range(min(model.rowCount(top), 40)):
                for c in range(columns):
                    value = model.index(r, c).data()
                    if isinstance(value, str):
                        texts.append(value)
        if content and isinstance(w, QTextEdit) and w.isReadOnly():
            texts.append(w.toPlainText())
        if content and isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QMenu):
            texts += [a.text() for a in w.actions()]
        if content and isinstance(w, QDialog | QWidget) and w.isWindow():
            texts.append(w.windowTitle())
        texts.append(w.toolTip())
    return [t for t in texts if t and t.strip()]
