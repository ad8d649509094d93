"""Library errors, each with a message a user can act on."""


class LibraryError(Exception):
    """The library file cannot be used; ``str(err)`` says why and what to do."""


class LibraryBusy(LibraryError):
    """Another Briefbook process has the library open for writing."""


class LibraryTooNew(LibraryError):
    """The file was written by a newer Briefbook."""


class LibraryCorrupt(LibraryError):
    """The file is not a Briefbook library or is damaged."""
