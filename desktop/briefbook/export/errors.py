"""Errors the export raises: one line a user can act on."""

from __future__ import annotations


class ExportError(Exception):
    """The export failed; ``str(err)`` is a one-line message for the user."""


class ExportCancelled(ExportError):
    """The user cancelled; nothing was written under the final name."""
