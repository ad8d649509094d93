"""Traditional/Simplified conversion: moved to ``core/text.py``.

These names stay importable from here only until the branches that still import
them have moved to ``briefbook.core.text``; new code imports that module.
"""

from __future__ import annotations

from .text import to_simplified, to_simplified_per_char, to_traditional

__all__ = ["to_simplified", "to_simplified_per_char", "to_traditional"]
