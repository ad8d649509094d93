"""The small rich-text format of the user's own book text: a Markdown subset.

Paragraphs separated by blank lines, "- " or "* " bullets, "1. " numbered items,
**bold** and *italic*.  Qt's QTextDocument reads and writes this subset
(setMarkdown/toMarkdown), so the editor and the exporter share one format.
"""

from __future__ import annotations

import re

from .book import Block, BulletList, Paragraph, Run

_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_INLINE = re.compile(r"(\*\*|__)(.+?)\1|(\*|_)(?!\s)(.+?)(?<!\s)\3")


def parse_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos:m.start()]))
        if m.group(1):
            runs.append(Run(m.group(2), bold=True))
        else:
            runs.append(Run(m.group(4), italic=True))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return runs


def parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    current_list: BulletList | None = None

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(Paragraph(parse_runs(" ".join(s.strip() for s in paragraph))))
            paragraph.clear()

    for line in (text or "").splitlines():
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        item = bullet or numbered
        if item:
            flush_paragraph()
            is_numbered = numbered is not None and bullet is None
            if current_list is None or current_list.numbered != is_numbered:
                current_list = BulletList([], numbered=is_numbered)
                blocks.append(current_list)
            current_list.items.append(parse_runs(item.group(1).strip()))
        elif not line.strip():
            flush_paragraph()
            current_list = None
        else:
            if current_list is not None and line.startswith("  "):
                current_list.items[-1].extend(parse_runs(" " + line.strip()))
                continue
            current_list = None
            paragraph.append(line)
    flush_paragraph()
    return blocks
