"""Checking the command line before any work starts: ids, numbers, text, search terms.

Every value a user types is checked here, so a mistyped id or a number SQLite
cannot hold (9223372036854775808, 1e20, 2**63) is a one-line message and exit
status 2 from argparse, never an OverflowError deep in the store.
"""

from __future__ import annotations

import argparse

# SQLite integers are signed 64-bit.
MAX_ID = 2**63 - 1
MAX_SEARCH_LIMIT = 10_000


def _whole_number(text: str, what: str, low: int, high: int) -> int:
    cleaned = text.strip().replace("_", "")
    if not cleaned.isascii() or not cleaned.lstrip("+").isdigit():
        raise argparse.ArgumentTypeError(f"{what} must be a whole number from {low} to {high:,}, not {shown(text)}")
    value = int(cleaned)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high:,}, not {shown(text)}")
    return value


def item_id(text: str) -> int:
    """An article's or book's id: a whole number SQLite can hold."""
    return _whole_number(text, "an id", 1, MAX_ID)


def search_limit(text: str) -> int:
    return _whole_number(text, "the limit", 1, MAX_SEARCH_LIMIT)


def shown(text: str, width: int = 40) -> str:
    """A value quoted for a message: printable, short, undecodable bytes as \\xNN."""
    printable = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if len(printable) > width:
        printable = printable[: width - 1] + "…"
    return f"'{printable}'"


def is_valid_text(text: str) -> bool:
    """False for arguments holding bytes that are not valid UTF-8 (lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# The search command's own options; every other word, even one starting with '-'
# (an exclusion: briefbook search Albanese -Wong), belongs to the query.
_SEARCH_VALUE_OPTIONS = ("--limit", "--library", "-L")
_SEARCH_FLAGS = ("--json", "-h", "--help", "--verbose")
GLOBAL_VALUE_OPTIONS = ("--library", "-L")


def search_terms_last(argv: list[str]) -> list[str]:
    """``argv`` with the search command's query words moved behind ``--``, in their order,
    so argparse does not take an exclusion term ``-word`` for an unknown option."""
    i = 0
    while i < len(argv):  # find the command word past the global options
        token = argv[i]
        if token in GLOBAL_VALUE_OPTIONS:
            i += 2
            continue
        if token.startswith("-"):
            i += 1
            continue
        break
    if i >= len(argv) or argv[i] != "search":
        return argv
    head, rest = argv[: i + 1], argv[i + 1:]
    options: list[str] = []
    words: list[str] = []
    j = 0
    while j < len(rest):
        token = rest[j]
        if token == "--":
            words.extend(rest[j + 1:])
            break
        if token in _SEARCH_VALUE_OPTIONS and j + 1 < len(rest):
            options.extend(rest[j: j + 2])
            j += 2
            continue
        if token in _SEARCH_FLAGS or token.startswith(("--limit=", "--library=")):
            options.append(token)
        else:
            words.append(token)
        j += 1
    return head + options + (["--", *words] if words else [])
