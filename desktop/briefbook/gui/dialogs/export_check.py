"""The check before export, shown in the export dialog: the sections left out of the
book because they are empty, and what is not yet in the book's language, each worded by
its stable code. It informs; it never blocks the export. Double-clicking a finding opens
where it is fixed (an entity in the Entities tab, a section or item in the outline, a
member, programme item or the purpose in the trip form); a quote's finding can take its
translation in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...services import entity_texts
from ...services.exporting import book_for_export, book_language_check, left_out_sections
from ..runtime.i18n import N_, _, ngettext

FINDING = Qt.ItemDataRole.UserRole

# What to do about each finding, by the check's stable code (services/language.IssueCode);
# a code not here (a newer check) shows the check's own sentence.
_FIXES = {
    "quote_untranslated": N_("Quoted in another language: left out of the book until you add your translation."),
    "title_untranslated": N_("Type the title in the book's language (it is not in the glossary)."),
    "organisation_untranslated": N_("Type the organisation in the book's language (it is not in the glossary)."),
    "place_untranslated": N_("Type the place in the book's language (it is not in the glossary)."),
    "measure_untranslated": N_("Choose a measure from the vocabulary or translate its label."),
    "note_untranslated": N_("Add your translation of the note."),
    "text_untranslated": N_("Write this text in the book's language."),
    "section_title_untranslated": N_("Give the section a title in the book's language."),
    "member_untranslated": N_("Type the delegation member's details in the book's language."),
    "programme_untranslated": N_("Type the programme item in the book's language."),
    "trip_purpose_untranslated": N_("Write the trip's purpose in the book's language."),
}
# Where a finding of the trip is: the trip form's parts (a section's finding names the section).
_TRIP_PARTS = {"member": N_("Delegation"), "itinerary": N_("Itinerary"), "trip": N_("Trip overview")}


def fix_message(finding: dict) -> str:
    message = _FIXES.get(finding.get("code") or "")
    return _(message) if message else finding.get("fix") or ""


def where_label(finding: dict) -> str:
    part = _TRIP_PARTS.get((finding.get("target") or {}).get("kind") or "")
    return _(part) if part else finding.get("where") or ""


def entity_of(finding: dict) -> int | None:
    target = finding.get("target") or {}
    return target.get("id") if target.get("kind") == "entity" else None


class ExportCheck(QGroupBox):
    entity_requested = Signal(int)
    jump_requested = Signal(object)  # a finding's target (dict: kind, id, within, field) that is not an entity

    def __init__(self, ctx, book_id: int, parent=None):
        super().__init__(_("Before export"), parent)
        self.ctx, self.book_id = ctx, book_id
        self.book_locale: str = ""
        self.template: str | None = None
        self.left_out: list[str] = []
        self.findings: list[dict] = []
        self.setObjectName("exportCheck")
        self.summary = QLabel()
        self.summary.setObjectName("exportCheckSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("exportCheckList")
        self.tree.setHeaderLabels([_("Where"), _("Text"), _("What to do")])
        self.tree.setRootIsDecorated(True)
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(1, 260)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.show_button = QPushButton(_("Go to"))
        self.show_button.setToolTip(_("Open where this is fixed"))
        self.show_button.clicked.connect(lambda: self._activated(self.tree.currentItem()))
        self.translate_button = QPushButton(_("Type translation…"))
        self.translate_button.clicked.connect(self.translate_current)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(_("The export is not blocked; double-click a finding to open where it is fixed.")), 1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.translate_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def refresh(self, locale: str, template: str | None = None) -> None:
        lib = self.ctx.lib
        self.book_locale, self.template = locale, template
        self.left_out = left_out_sections(book_for_export(lib, self.book_id, locale=locale, template=template))
        self.findings = book_language_check(lib, self.book_id, locale)
        self.tree.clear()
        if self.left_out:
            group = QTreeWidgetItem([_("Left out because empty ({n})").format(n=len(self.left_out))])
            for title in self.left_out:
                group.addChild(QTreeWidgetItem([title, "", _("Empty: this section is left out of the book.")]))
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
        if self.findings:
            group = QTreeWidgetItem([_("Not yet in the book's language ({n})").format(n=len(self.findings))])
            for finding in self.findings:
                item = QTreeWidgetItem([where_label(finding), finding["text"], fix_message(finding)])
                item.setData(0, FINDING, finding)
                item.setToolTip(1, finding.get("original") or finding["text"])
                item.setToolTip(2, item.text(2))
                group.addChild(item)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
        self.tree.expandAll()
        if not self.left_out and not self.findings:
            self.summary.setText(_("Nothing to check: every section has content and all is in the book's language."))
        else:
            s, f = len(self.left_out), len(self.findings)
            self.summary.setText(ngettext("{s} empty section left out", "{s} empty sections left out", s).format(s=s)
                                 + " · " + ngettext("{f} item not yet in the book's language",
                                                    "{f} items not yet in the book's language", f).format(f=f))
        self._update_buttons()

    def _current_finding(self) -> dict | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING) if item is not None else None

    def _update_buttons(self) -> None:
        finding = self._current_finding()
        self.show_button.setEnabled(bool(finding and finding.get("target")))
        self.translate_button.setEnabled(bool(finding and entity_of(finding) and finding.get("original")))

    def _activated(self, item, _column: int = 0) -> None:
        """Open where the finding is fixed: the entity, the section or placed item in the
        outline, the member, programme item or purpose in the trip form."""
        finding = item.data(0, FINDING) if item is not None else None
        target = (finding or {}).get("target")
        if not target:
            return
        if target["kind"] == "entity":
            self.entity_requested.emit(target["id"])
        else:
            self.jump_requested.emit(dict(target))

    def translate_current(self, text: str | None = None) -> bool:
        """Keep the user's translation of the selected quote (``text`` given: no prompt)."""
        finding = self._current_finding()
        entity_id = entity_of(finding) if finding else None
        if finding is None or entity_id is None or not finding.get("original"):
            return False
        if not isinstance(text, str):
            text, ok = QInputDialog.getMultiLineText(
                self, _("Type translation"), _("Your translation of:\n{original}").format(
                    original=finding["original"]), "")
            if not ok:
                return False
        if not text.strip():
            return False
        entity_texts.translate(self.ctx.lib, entity_id, self.book_locale, "quote", text, finding["original"])
        self.refresh(self.book_locale, self.template)
        return True


__all__ = ["ExportCheck", "entity_of", "fix_message", "where_label"]
