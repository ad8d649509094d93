"""Files and pasted text -> clean Articles (encoding, boilerplate, noise, language, metadata)."""

from .errors import IngestError
from .pipeline import collect_files, read_file, read_file_or_error, read_pasted

__all__ = ["IngestError", "collect_files", "read_file", "read_file_or_error", "read_pasted"]
