"""What every view shares: the serialised library, the undo stack, the background
executor and query runner, settings, and the "what changed" signals views refresh from."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from .gateway import SerialLibrary
from .queries import SyncQueries
from .settings import Settings


class LibraryEvents(QObject):
    """Emitted after a change is committed; views reload what the change touched."""

    articles_changed = Signal()  # added, deleted, tags or metadata
    facts_changed = Signal(list)  # article ids whose facts changed ([] = many)
    entities_changed = Signal()
    annotations_changed = Signal(int)  # article id (0 = not tied to an article)
    fact_returned = Signal(int)  # an undo touched this fact: the window selects and shows it


class AppContext:
    def __init__(self, lib: SerialLibrary, settings: Settings, executor, queries=None):
        self.lib = lib
        self.settings = settings
        self.executor = executor  # jobs that write (import, extraction, bulk review), in order
        self.queries = queries if queries is not None else SyncQueries(lib)  # reads off the GUI thread
        self.events = LibraryEvents()
        self.undo = QUndoStack()
        self.undo.setUndoLimit(500)
