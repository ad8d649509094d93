"""What reading the stored figures needs, apart from building them: the measure
vocabulary with the user's own measures, and which stored figures contradict each
other.  Kept out of services/knowledge.py so that listing figures (an export, the
review views) does not load the readers that build figures from text
(knowledge/figures.py and the pattern tables behind it).

    vocabulary(lib) -> knowledge.measures.Vocabulary (shipped + the user's measures)
    figure_conflicts(lib) -> {figure id: [ids of its rivals]} (the rule: knowledge/conflicts.py)
"""

from __future__ import annotations

from ..knowledge.conflicts import rivals
from ..knowledge.measures import Measure, Vocabulary
from ..store import knowledge as K
from ..store.db import Library


def figure_conflicts(lib: Library) -> dict[int, list[int]]:
    """{figure id: ids of the figures that give another value for the same claim}: the
    store's candidates judged by the one conflict rule (knowledge.conflicts)."""
    rows = K.conflict_candidates(lib)
    return {rows[i]["id"]: [rows[j]["id"] for j in others] for i, others in rivals(rows).items()}


def vocabulary(lib: Library) -> Vocabulary:
    extra = [Measure(key=m["key"], kinds=tuple(m["kinds"]), labels=m["labels"],
                     triggers={k: tuple(v) for k, v in m["triggers"].items()}, origin="user")
             for m in K.user_measures(lib)]
    return Vocabulary(extra)
