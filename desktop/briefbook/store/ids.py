"""Stable identities: every entity, statement, figure and decision has a uuid that
never changes, so a library can later be synced with a team's shared copy."""

from __future__ import annotations


def new_uuid() -> str:
    import uuid  # with the platform module it loads: at the first new identity, not at every start

    return str(uuid.uuid4())
