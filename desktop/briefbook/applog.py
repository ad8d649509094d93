"""Where the warnings of Briefbook and of its libraries go: a log file, not the terminal.

pypdf, trafilatura and others log or warn about every oddity of a file they
read ("Invalid parent xref", "fontTools is required..."); a desk officer
importing a folder needs the import report, not that noise.  The log lives in
the user data folder (briefbook.log, rotated); ``--verbose`` also shows it on
stderr.  Worker processes started for a large import append to the same file.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

LOG_ENV = "BRIEFBOOK_LOG_FILE"
_FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"
_handlers: list[logging.Handler] = []


def log_path() -> Path:
    explicit = os.environ.get(LOG_ENV)
    if explicit:
        return Path(explicit)
    from .paths import user_data_dir

    return user_data_dir() / "briefbook.log"


class _LogFile(logging.Handler):
    """The rotating log file, made at the first record: a command that logs nothing
    (most do) does not import logging.handlers (and the socket and pickle modules it
    loads)."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None:
            self.file = _rotating_file(self.path)
        self.file.handle(record)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def _rotating_file(path: Path) -> logging.Handler:
    import logging.handlers

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2 * 1024 * 1024, backupCount=2, encoding="utf-8", delay=True)
    except OSError:  # a read-only home must not stop the program: the warnings are dropped
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


def _file_handler(path: Path) -> logging.Handler:
    return _LogFile(path)


def setup_logging(verbose: bool = False) -> Path:
    """Send warnings (and with ``verbose`` also information) to the log file; idempotent."""
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()
    path = log_path()
    _handlers.append(_file_handler(path))
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s"))
        _handlers.append(stream)
    for handler in _handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.captureWarnings(True)
    os.environ[LOG_ENV] = str(path)  # inherited by spawned workers
    return path


def setup_worker_logging() -> None:
    """In a worker process: the parent's log file, unless logging is already set up."""
    root = logging.getLogger()
    if root.handlers:
        return
    explicit = os.environ.get(LOG_ENV)
    root.addHandler(_file_handler(Path(explicit)) if explicit else logging.NullHandler())
    root.setLevel(logging.WARNING)
    logging.captureWarnings(True)
