"""Library errors, each with a message a user can act on."""


class LibraryError(Exception):
    """The library file cannot be used; ``str(err)`` says why and what to do."""


class LibraryBusy(LibraryError):
    """Another Briefbook process has the library open for writing, or another
    program held its write lock for longer than we wait."""


class LibraryTooNew(LibraryError):
    """The file was written by a newer Briefbook."""


class LibraryCorrupt(LibraryError):
    """The file is not a Briefbook library or is damaged."""


class LibraryReadOnly(LibraryError):
    """The library is open read-only (read-only media, no write permission, or asked so)."""


class LibraryFull(LibraryError):
    """The disk is full: the change in progress was not stored (everything committed before it is)."""
