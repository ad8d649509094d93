"""The demo library: the sample articles from seeds/, so a new user sees real content at once."""

from __future__ import annotations

from pathlib import Path

from ..core.progress import ProgressFn, no_progress
from ..paths import seeds_dir, user_data_dir
from ..store.db import Library, open_library
from .extraction import extract_library
from .importing import import_paths


def demo_library_path() -> Path:
    return user_data_dir() / "demo.briefbook"


def build_demo_library(path: Path, progress: ProgressFn = no_progress, fresh: bool = True) -> Library:
    """Create (or recreate) a library at ``path`` from the seed articles; returns the open Library."""
    path = Path(path)
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            candidate = path.with_name(path.name + suffix)
            if candidate.exists():
                candidate.unlink()
    lib = open_library(path)
    seeds = sorted(p for p in seeds_dir().glob("*.txt"))
    import_paths(lib, seeds, progress=progress)
    extract_library(lib, progress=progress)
    return lib
