"""The one exception ingest raises for a file it cannot take, with a reason a user can read."""


class IngestError(Exception):
    """A file or text that cannot be imported; ``str(err)`` is a one-line reason."""
