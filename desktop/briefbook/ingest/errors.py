"""The one exception ingest raises for a file it cannot take, with a reason a user can read."""

from __future__ import annotations


class IngestError(Exception):
    """A file or text that cannot be imported; ``str(err)`` is a one-line reason in English.

    ``code`` names the reason stably (``"empty"``, ``"pdf_encrypted"`` ...) and ``params``
    holds its values (numbers, a format, a library's own detail), so that a user interface
    can word the reason in its own language; ``"other"`` when a reason has no code."""

    def __init__(self, message: str, code: str = "other", **params: object):
        super().__init__(message)
        self.code = code
        self.params = params

    def __reduce__(self):  # worker processes send these back: keep code and params
        return (_rebuild, (str(self), self.code, self.params))


def _rebuild(message: str, code: str, params: dict) -> IngestError:
    return IngestError(message, code, **params)


class IngestWarning(str):
    """A warning about text that was imported but should be checked: the English text
    (it is a ``str``, so a report can print it as it is) plus a stable ``code`` and its
    ``params``, so that a user interface can word it in its own language."""

    code: str
    params: dict

    def __new__(cls, message: str, code: str = "other", **params: object) -> IngestWarning:
        warning = super().__new__(cls, message)
        warning.code = code
        warning.params = params
        return warning

    def __reduce__(self):  # worker processes send these back: keep code and params
        return (_rebuild_warning, (str(self), self.code, self.params))


def _rebuild_warning(message: str, code: str, params: dict) -> IngestWarning:
    return IngestWarning(message, code, **params)
