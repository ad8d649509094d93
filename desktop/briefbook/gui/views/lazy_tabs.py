"""Tabs whose page is built the first time it is shown or asked for.

The main window opens on one tab; building the others (their widgets, their first
queries, the modules behind them) before the window shows would make every start
wait for pages the user may not open.  A placeholder stands in for each until then."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs:
    def __init__(self, tabs: QTabWidget):
        self.tabs = tabs
        self._builders: dict[QWidget, Callable[[], QWidget]] = {}
        tabs.currentChanged.connect(self._shown)

    def add(self, label: str, build: Callable[[], QWidget]) -> QWidget:
        """A tab labelled ``label`` whose page ``build()`` makes when needed; returns its placeholder."""
        placeholder = QWidget()
        self._builders[placeholder] = build
        self.tabs.addTab(placeholder, label)
        return placeholder

    def built(self, placeholder: QWidget) -> bool:
        return placeholder not in self._builders

    def realise(self, placeholder: QWidget) -> None:
        """Build the page of ``placeholder`` now (nothing when it is built already)."""
        build = self._builders.pop(placeholder, None)
        if build is None:
            return
        page = build()
        tabs = self.tabs
        index, current = tabs.indexOf(placeholder), tabs.currentIndex()
        label = tabs.tabText(index)
        tabs.blockSignals(True)  # the same tab stays current: nobody needs to hear of the swap
        try:
            tabs.removeTab(index)
            tabs.insertTab(index, page, label)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(False)
        placeholder.deleteLater()

    def _shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page in self._builders:
            self.realise(page)
