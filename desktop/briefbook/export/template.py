"""Book templates: readable JSON files under resources/templates/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefbook.export.errors import ExportError
from briefbook.paths import resource


def templates_dir() -> Path:
    return resource("templates")


def available_templates() -> list[str]:
    return sorted(p.stem for p in templates_dir().glob("*.json"))


@dataclass(frozen=True)
class Template:
    name: str
    data: dict

    def get(self, dotted: str, default=None):
        node = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def color(self, key: str, default: str = "#000000") -> str:
        return self.get(f"colors.{key}", default)

    def heading_size(self, level: int) -> float:
        sizes = self.get("fonts.heading_sizes", [16, 13, 11])
        return float(sizes[min(level, len(sizes)) - 1])

    def docx_east_asia(self, loc: str) -> str:
        table = self.get("fonts.docx_east_asia", {}) or {}
        return table.get(loc) or table.get("default") or ("BIZ UDGothic" if loc == "ja" else "WenQuanYi Micro Hei")


def load_template(name: str | None) -> Template:
    name = name or "official"
    path = templates_dir() / f"{name}.json"
    if not path.is_file():
        raise ExportError(f"Template “{name}” not found (available: {', '.join(available_templates()) or 'none'}).")
    try:
        return Template(name, json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise ExportError(f"Template “{name}” cannot be read: {exc}") from exc
