"""Undoable decisions on knowledge (services.review): accept / reject / edit an entity,
figure or statement once for all its mentions, split a mention off its entity, choose
the measure of a figure.  Undo puts back exactly what the services returned, and tells
the view which rows it touched so that it can select and show them again."""

from __future__ import annotations

from collections.abc import Callable

from ...services import review
from ...store import entities as ent
from ...store import views
from ..runtime.i18n import N_, _
from .undo_commands import StoreCommand

_VERBS = {"accepted": N_("Accept"), "rejected": N_("Reject"), "edited": N_("Edit")}
# An entity decision is also the decision on each of its mentions (the mention-level
# queue, the reader and the book read the mentions' statuses).
_MENTION_STATUS = {"accepted": "accepted", "edited": "accepted", "rejected": "rejected"}

Shown = Callable[[list[tuple[str, str]], bool], None]  # (row keys, undone?)


def subject_mentions(lib, entity_id: int) -> list[dict]:
    """The facts that name the entity itself (a person's fact that names an organisation
    as the person's employer is a mention of the person, not one to decide with the
    organisation)."""
    return [f for f in ent.entity_facts(lib, entity_id) if f["role"] == "subject"]


class DecideKnowledge(StoreCommand):
    def __init__(self, ctx, rows: list[dict], status: str, edit: dict | None = None, shown: Shown | None = None):
        n = len(rows)
        label = rows[0].get("name") or rows[0].get("label") or "" if n == 1 else str(n)
        super().__init__(ctx, f"{_(_VERBS.get(status, status))} {label}".strip())
        self.rows = [{"kind": r["kind"], "uuid": r["uuid"], "entity_id": r.get("entity_id")}  for r in rows]
        self.status, self.edit, self.shown = status, edit, shown
        self.records: list[dict] = []
        self.previous: dict[str, list[int]] = {}
        self.article_ids: list[int] = []
        self._mention_ids: list[int] | None = None
        self._undone = False

    def _mentions(self) -> list[int]:
        if self._mention_ids is None:
            ids, arts = [], set()
            for r in self.rows:
                if r["entity_id"] is not None:
                    for f in subject_mentions(self.lib, r["entity_id"]):
                        ids.append(f["id"])
                        arts.add(f["article_id"])
            self._mention_ids, self.article_ids = sorted(set(ids)), sorted(arts)
        return self._mention_ids

    def do(self):
        by_kind: dict[str, list[str]] = {}
        for r in self.rows:
            by_kind.setdefault(r["kind"], []).append(r["uuid"])
        self.records = []
        for kind, uuids in by_kind.items():
            self.records += review.decide_many(self.lib, kind, uuids, self.status, self.edit)
        mentions = self._mentions()
        self.previous = views.set_fact_statuses(self.lib, mentions, _MENTION_STATUS[self.status]) if mentions else {}
        self._undone = False

    def undo_(self):
        review.undo(self.lib, self.records)
        if self.previous:
            views.restore_fact_statuses(self.lib, self.previous)
        self._undone = True

    def notify(self):
        if self._mention_ids:
            self.ctx.events.facts_changed.emit(self.article_ids)
        self.ctx.events.entities_changed.emit()
        if self.shown is not None:
            self.shown([(r["kind"], r["uuid"]) for r in self.rows], self._undone)


class SplitMention(StoreCommand):
    """Take one mention off its entity (it becomes an entity of its own)."""

    def __init__(self, ctx, fact_id: int, entity_id: int, article_id: int, shown: Callable[[], None] | None = None):
        super().__init__(ctx, _("Split mention off"))
        self.fact_id, self.entity_id, self.article_id, self.shown = fact_id, entity_id, article_id, shown
        self.record: dict | None = None

    def do(self):
        self.record = review.split_mention(self.lib, self.fact_id, self.entity_id)

    def undo_(self):
        if self.record is not None:
            review.unsplit_mention(self.lib, self.record)

    def notify(self):
        self.ctx.events.entities_changed.emit()
        if self.shown is not None:
            self.shown()
