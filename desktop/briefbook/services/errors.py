"""The errors whose message is written for the user: a face (cli.py, gui/) shows
the message in one line instead of a traceback."""

from __future__ import annotations

from ..export.errors import ExportError
from ..ingest.errors import IngestError
from ..store.errors import LibraryError

USER_ERRORS: tuple[type[Exception], ...] = (LibraryError, IngestError, ExportError)

__all__ = ["USER_ERRORS", "ExportError", "IngestError", "LibraryError"]
