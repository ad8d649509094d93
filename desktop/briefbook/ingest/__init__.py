"""Files and pasted text -> clean Articles (encoding, boilerplate, noise, language, metadata)."""

from .errors import IngestError
from .files import collect_files, display_path
from .pipeline import read_file, read_file_or_error, read_pasted

__all__ = ["IngestError", "collect_files", "display_path", "read_file", "read_file_or_error", "read_pasted"]
