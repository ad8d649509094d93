"""The demo library: the sample articles from seeds/, so a new user sees real content at once."""

from __future__ import annotations

from pathlib import Path

from ..core.progress import CancelToken, ProgressFn, no_progress
from ..paths import seeds_dir, user_data_dir
from ..store.backup import prepare_rebuild
from ..store.db import Library, open_library
from .extraction import extract_library
from .importing import import_paths


def demo_library_path() -> Path:
    return user_data_dir() / "demo.briefbook"


def build_demo_library(path: Path, progress: ProgressFn = no_progress, fresh: bool = True,
                       with_book: bool = False, locale: str = "en") -> Library:
    """Create (or recreate) a library at ``path`` from the seed articles; returns the open Library.

    ``with_book``: also review the seed facts (as a careful officer would) and make the
    demo trip and its finished book, as the demo a new user opens shows them."""
    path = Path(path)
    lock = None
    if fresh:  # refused while the library is in use; what was there is backed up first
        lock, _saved = prepare_rebuild(path, "before-demo")
    lib = open_library(path, lock=lock)
    fill_demo_library(lib, progress=progress, with_book=with_book, locale=locale)
    return lib


def fill_demo_library(lib: Library, progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
                      with_book: bool = True, locale: str = "en") -> int:
    """Import and extract the seed articles into the open ``lib`` (a new, empty library),
    then (``with_book``) make the demo trip and book in the book ``locale`` (the app passes
    the one of its UI language).  The app runs this in the background
    on first start, so its window is usable while the demo fills in; cancelling keeps
    what was stored so far.  Returns the number of articles extracted."""
    seeds = sorted(p for p in seeds_dir().glob("*.txt"))
    import_paths(lib, seeds, progress=progress, cancel=cancel)
    if cancel is not None and cancel.cancelled:
        return 0
    extracted = extract_library(lib, progress=progress, cancel=cancel)
    if with_book and not (cancel is not None and cancel.cancelled):
        from .demo_book import build_demo_book

        build_demo_book(lib, locale=locale)
    return extracted
