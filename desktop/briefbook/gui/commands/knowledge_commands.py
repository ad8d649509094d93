"""Undoable decisions on knowledge (services.review): accept / reject / edit an entity,
figure or statement once for all its mentions, split a mention off its entity, choose
the measure of a figure.  Undo puts back exactly what the services returned, and tells
the view which rows it touched so that it can select and show them again."""

from __future__ import annotations

from collections.abc import Callable

from ...services import review
from ...services.knowledge import add_user_measure, undo_user_measure
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
        self.rows = [{"kind": r["kind"], "uuid": r["uuid"], "entity_id": r.get("entity_id"),
                      "conflict": r.get("conflict", False),
                      "members": [dict(m) for m in r.get("members") or ()]} for r in rows]
        self.status, self.edit, self.shown = status, edit, shown
        self.records: list[dict] = []
        self.previous: dict[str, list[int]] = {}
        self.article_ids: list[int] = []
        self._mention_ids: list[int] | None = None
        self._undone = False

    def _mentions(self) -> list[int]:
        if self._mention_ids is None:
            ids, arts = [], set()
            entity_ids = {m["entity_id"] for r in self.rows for m in r["members"] or [r] if m.get("entity_id") is not None}
            for entity_id in sorted(entity_ids):
                for f in subject_mentions(self.lib, entity_id):
                    ids.append(f["id"])
                    arts.add(f["article_id"])
            self._mention_ids, self.article_ids = sorted(set(ids)), sorted(arts)
        return self._mention_ids

    def do(self):
        self.records = review.decide_rows(self.lib, self.rows, self.status, self.edit)
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


class PickValue(DecideKnowledge):
    """Resolve a conflict row: keep one value (accepted), reject the others; one undo step."""

    def __init__(self, ctx, row: dict, keep_uuid: str, shown: Shown | None = None):
        super().__init__(ctx, [row], "accepted", None, shown)
        keep = next((a for a in row.get("alternatives") or () if a["uuid"] == keep_uuid), None)
        verb = _("Keep value")
        self.setText(f"{verb} {keep['display'] if keep else ''}".strip())
        self.row, self.keep_uuid = row, keep_uuid

    def do(self):
        self.records = review.pick_value(self.lib, self.row, self.keep_uuid)
        self.previous, self._undone = {}, False


class AddMeasure(DecideKnowledge):
    """A new measure for the user's vocabulary, chosen for a figure: one undo step, and its
    undo takes the measure out of the vocabulary again (not only off the figure)."""

    def __init__(self, ctx, row: dict, key: str, labels: dict[str, str], shown: Shown | None = None):
        super().__init__(ctx, [row], "edited", {"measure": key}, shown)
        verb = _("New measure")
        self.setText(f"{verb} {labels.get('en', key)}")
        self.key, self.labels = key, labels
        self.kinds = [row.get("figure_kind") or "amount"]
        self.measure_record: dict | None = None

    def do(self):
        self.measure_record = add_user_measure(self.lib, self.key, self.kinds, self.labels)
        super().do()

    def undo_(self):
        super().undo_()
        if self.measure_record is not None:
            undo_user_measure(self.lib, self.measure_record)


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
