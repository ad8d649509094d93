"""The fact editor: the fields of the fact's kind, checked by the store's validator
before OK is allowed (person: name/title/org; amount: value + currency; date: ISO or range)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ...core.facts import KIND_FIELDS, KINDS, Fact
from ...store.facts import validate_fact
from ..models import kinds
from ..runtime.i18n import N_, _

FIELD_LABELS = {
    "name": N_("Name"), "title": N_("Title"), "org": N_("Organisation"), "date": N_("Date"),
    "place": N_("Place"), "parties": N_("Parties (separated by ;)"), "value": N_("Value"),
    "currency": N_("Currency (ISO code)"), "unit": N_("Unit"), "approx": N_("Approximation"),
    "iso": N_("Date (YYYY-MM-DD)"), "end_iso": N_("Until (optional)"),
}
NUMERIC = {"value"}
APPROX = ("", "about", "more_than", "less_than")


def parse_value(kind: str, fields: dict[str, str]) -> dict:
    """Form text -> the value dict of the extraction contract (numbers as numbers)."""
    value: dict = {}
    for name in KIND_FIELDS.get(kind, ()):
        raw = (fields.get(name) or "").strip()
        if name in NUMERIC:
            try:
                number = float(raw.replace(",", "").replace(" ", ""))
                value[name] = int(number) if number.is_integer() and kind != "percentage" else number
            except ValueError:
                value[name] = raw or None
        elif name == "parties":
            value[name] = [p.strip() for p in raw.split(";") if p.strip()]
        elif name == "currency":
            value[name] = raw.upper() or None
        else:
            value[name] = raw or None
    return value


def format_field(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


class FactEditor(QDialog):
    """Edit (or create, from a selected span) one fact."""

    def __init__(self, article_text: str, start: int, end: int, kind: str = "person",
                 value: dict | None = None, parent=None, title: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or _("Edit fact"))
        self.article_text = article_text
        self.start, self.end = start, end
        self._initial = dict(value or {})

        self.kind_box = QComboBox()
        for k in KINDS:
            self.kind_box.addItem(kinds.label(k), k)
        self.kind_box.setCurrentIndex(KINDS.index(kind) if kind in KINDS else 0)
        self.kind_box.currentIndexChanged.connect(self._rebuild)

        quote = QLabel(article_text[start:end])
        quote.setWordWrap(True)
        quote.setObjectName("factQuote")
        self.form = QFormLayout()
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        outer = QFormLayout()
        outer.addRow(_("Text"), quote)
        outer.addRow(_("Kind"), self.kind_box)
        layout = QVBoxLayout(self)
        layout.addLayout(outer)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._rebuild()

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def _rebuild(self) -> None:
        keep = {name: self.field_text(name) for name in self.fields} or {
            k: format_field(v) for k, v in self._initial.items()}
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        for name in KIND_FIELDS.get(self.kind, ()):
            if name == "approx":
                widget = QComboBox()
                for option in APPROX:
                    widget.addItem(option or "—", option)
                widget.setCurrentIndex(max(0, APPROX.index(keep.get(name, "")) if keep.get(name, "") in APPROX else 0))
                widget.currentIndexChanged.connect(self.validate)
            else:
                widget = QLineEdit(keep.get(name, ""))
                widget.textChanged.connect(self.validate)
            widget.setObjectName(f"field_{name}")
            self.fields[name] = widget
            self.form.addRow(_(FIELD_LABELS.get(name, name)), widget)
        if self.kind in ("person", "organization", "place") and not keep.get("name"):
            self.set_field("name", self.article_text[self.start:self.end])
        self.validate()

    def field_text(self, name: str) -> str:
        widget = self.fields.get(name)
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        return widget.text() if widget is not None else ""

    def set_field(self, name: str, text: str) -> None:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(text)))
        else:
            widget.setText(text)

    def value(self) -> dict:
        return parse_value(self.kind, {name: self.field_text(name) for name in self.fields})

    def fact(self) -> Fact:
        return Fact(kind=self.kind, start=self.start, end=self.end, text=self.article_text[self.start:self.end],
                    value=self.value(), status="accepted", origin="user")

    def problems_list(self) -> list[str]:
        return validate_fact(self.fact(), self.article_text)

    def validate(self) -> bool:
        problems = self.problems_list()
        self.problems.setText("\n".join("• " + p for p in problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return not problems
