"""When two figures are rivals: the one rule for a figure conflict.

Two figures conflict when they give different values for the same measure, subject and
identical period (Jan-May is not the year), in the same unit and currency, of the same
counted thing (``scope``), and, for a growth rate or share, of the same measure it
qualifies (the growth of exports is no rival of the growth of the number of projects;
a change in percentage points is no rival of a growth rate in percent).  A figure with
an unknown measure, no subject or no period cannot conflict: there is nothing to
compare it with.

    conflict_key(figure) -> hashable key, or None when the figure cannot conflict
    rivals(figures) -> {index: [indices of the figures that give another value]}

A figure is a mapping with ``measure``, ``subject``, ``period_start``, ``period_end``,
``scope``, ``unit``, ``currency``, ``qualified`` (the measure of the figure it qualifies,
or None) and ``value``.  The store (store/knowledge.py) and the review grouping
(knowledge/grouping.py) both decide conflicts here.  Pure logic: no store, no Qt.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence


def conflict_key(figure: Mapping) -> Hashable | None:
    if figure.get("measure") in (None, "unknown") or not figure.get("subject"):
        return None
    start, end = figure.get("period_start"), figure.get("period_end")
    if start is None and end is None:
        return None
    return (figure["measure"], figure["subject"], start, end, figure.get("scope") or "", figure.get("unit"),
            figure.get("currency"), figure.get("qualified"))


def rivals(figures: Sequence[Mapping]) -> dict[int, list[int]]:
    groups: dict[Hashable, list[int]] = {}
    for i, f in enumerate(figures):
        key = conflict_key(f)
        if key is not None:
            groups.setdefault(key, []).append(i)
    out: dict[int, list[int]] = {}
    for members in groups.values():
        for a in members:
            others = [b for b in members if b != a and figures[b].get("value") != figures[a].get("value")]
            if others:
                out[a] = others
    return out
