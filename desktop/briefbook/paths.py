"""Where Briefbook finds its shipped files and keeps the user's library.

Shipped data (``resources/``, ``seeds/``) lives at the top of the source tree, as
the design lays out.  The app runs from an editable install or a frozen build, so
the lookup tries, in order: an explicit BRIEFBOOK_HOME, PyInstaller's bundle
folder, and the checkout this package sits in.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Briefbook"


def app_home() -> Path:
    explicit = os.environ.get("BRIEFBOOK_HOME")
    if explicit:
        return Path(explicit)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    # desktop/briefbook/paths.py -> the checkout root
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return app_home() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def notices_path() -> Path:
    """THIRD-PARTY-NOTICES.md: the licences of the data, fonts and libraries shipped."""
    return app_home() / "THIRD-PARTY-NOTICES.md"


def seeds_dir() -> Path:
    return app_home() / "seeds"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_library_path() -> Path:
    explicit = os.environ.get("BRIEFBOOK_LIBRARY")
    if explicit:
        return Path(explicit)
    return user_data_dir() / "library.briefbook"


def user_cache_dir() -> Path:
    """Where Briefbook keeps what it can compute again (parsed font tables); BRIEFBOOK_CACHE
    names another folder."""
    explicit = os.environ.get("BRIEFBOOK_CACHE")
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
