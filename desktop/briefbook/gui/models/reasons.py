"""Merge-suggestion reasons in the UI language.

The linker (link/matching.py, services/linking.py) stores each reason as an
English sentence built from a few fixed patterns; the review shows it
translated by matching those patterns (an unknown reason is shown as stored)."""

from __future__ import annotations

import re

from ..runtime.i18n import N_, _

ORIGIN_LABELS = {"extractor": N_("found in an article"), "user": N_("added by you"), "demo": N_("sample data"),
                 "dictionary": N_("from the dictionary")}

_WHAT = {"legal form or group suffix": N_("legal form or group suffix"), "市/省": "市/省"}
_PATTERNS = (
    (re.compile(r"^pinyin: (?P<a>.+) is read as (?P<b>.+)$"), N_("pinyin: {a} is read as {b}")),
    (re.compile(r"^Japanese reading: (?P<a>.+) can be read as (?P<b>.+)$"),
     N_("Japanese reading: {a} can be read as {b}")),
    (re.compile(r"^same name in another order: (?P<a>.+) / (?P<b>.+)$"), N_("same name in another order: {a} / {b}")),
    (re.compile(r"^same name apart from the (?P<what>legal form or group suffix|市/省): (?P<a>.+) / (?P<b>.+)$"),
     N_("same name apart from the {what}: {a} / {b}")),
    (re.compile(r"^same words apart from inflection: (?P<a>.+) / (?P<b>.+)$"),
     N_("same words apart from inflection: {a} / {b}")),
    (re.compile(r"^(?P<a>.+) in an article that also names (?P<b>.+)$"), N_("{a} in an article that also names {b}")),
    (re.compile(r"^(?P<a>.+) in an article about (?P<place>.+) may be (?P<b>.+)$"),
     N_("{a} in an article about {place} may be {b}")),
    (re.compile(r"^(?P<name>.+): named with (?P<a>.+) here, with (?P<b>.+) elsewhere$"),
     N_("{name}: named with {a} here, with {b} elsewhere")),
)


def reason_text(reason: str) -> str:
    for pattern, message in _PATTERNS:
        m = pattern.match(reason or "")
        if m:
            parts = m.groupdict()
            if "what" in parts:
                parts["what"] = _(_WHAT.get(parts["what"], parts["what"]))
            return _(message).format(**parts)
    return reason or ""
