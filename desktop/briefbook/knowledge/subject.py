"""Who or where a figure is about (knowledge/figures.py reads it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Subject:
    """``Subject("青岛", "日本", "between")`` is 青岛–日本; ``"from"`` is 青岛 ← 日本 (investment
    from Japan into Qingdao, imports of Qingdao from Japan); ``"to"`` is 日本 → 中国 (exports of
    Japan to China)."""

    a: str
    b: str | None = None
    relation: str | None = None  # between | from | to | and | None

    def display(self) -> str:
        if not self.b:
            return self.a
        return {"between": f"{self.a}–{self.b}", "from": f"{self.a} ← {self.b}",
                "to": f"{self.a} → {self.b}"}.get(self.relation or "", f"{self.a}, {self.b}")
