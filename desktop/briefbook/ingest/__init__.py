"""Files and pasted text -> clean Articles (encoding, boilerplate, noise, language, metadata)."""

from .errors import IngestError
from .pipeline import ImportReport, import_pasted, import_paths, read_file, read_pasted

__all__ = ["IngestError", "ImportReport", "import_paths", "import_pasted", "read_file", "read_pasted"]
