"""Stable identities: every entity, statement, figure and decision has a uuid that
never changes, so a library can later be synced with a team's shared copy."""

from __future__ import annotations

import uuid


def new_uuid() -> str:
    return str(uuid.uuid4())
