"""Text <-> full-text-index tokens, and user queries -> safe FTS5 queries.

SQLite's tokenizers cannot find a two-character Chinese name (unicode61 makes a
whole CJK run one token; trigram needs three characters), so we index our own
token stream: Traditional folded to Simplified (张琳 and 張琳 become one), every
CJK run split into overlapping bigrams plus its last character, everything else
left for unicode61.  A query goes through the same folding and becomes a phrase
of bigrams.  Queries are built from parsed terms, never passed through, so a
user's stray quote or parenthesis cannot raise an FTS5 syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Deliberately not core.text.CJK: every library's index was built with this class, and
# a query must be cut the way its text was; a wider class needs a re-index migration.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_QUERY_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def fold(text: str) -> str:
    # core.text compiles its script classes: imported at the first search, not at start
    from .text import to_simplified

    return to_simplified(text).lower()


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    grams = [run[i:i + 2] for i in range(len(run) - 1)]
    grams.append(run[-1])  # lets a one-character query find a run's last character
    return grams


def index_tokens(text: str) -> str:
    """The token stream stored in the FTS table for ``text``."""
    folded = fold(text)
    out: list[str] = []
    pos = 0
    for m in _CJK_RUN.finditer(folded):
        if m.start() > pos:
            out.append(folded[pos:m.start()])
        out.append(" ".join(_bigrams(m.group())))
        pos = m.end()
    out.append(folded[pos:])
    return " ".join(out)


@dataclass
class QueryTerm:
    text: str
    negated: bool = False
    phrase: bool = False


def parse_query(query: str) -> list[QueryTerm]:
    terms: list[QueryTerm] = []
    for m in _QUERY_TERM.finditer(query or ""):
        if m.group(2) is not None:
            text = m.group(2).strip()
            if text:
                terms.append(QueryTerm(text, negated=bool(m.group(1)), phrase=True))
            continue
        raw = m.group(3)
        if raw in ("OR", "AND", "NOT", "|"):
            terms.append(QueryTerm(raw))
            continue
        negated = raw.startswith("-") and len(raw) > 1
        text = raw[1:] if negated else raw
        if _WORD.search(text) or _CJK_RUN.search(text):
            terms.append(QueryTerm(text, negated=negated))
    return terms


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _term_expression(term: QueryTerm) -> str | None:
    folded = fold(term.text)
    pos = 0
    pieces: list[tuple[str, bool]] = []
    for m in _CJK_RUN.finditer(folded):
        if m.start() > pos:
            pieces.append((folded[pos:m.start()], False))
        pieces.append((m.group(), True))
        pos = m.end()
    pieces.append((folded[pos:], False))
    tokens: list[str] = []
    for piece, is_cjk in pieces:
        if is_cjk:
            tokens.extend(_bigrams(piece)[:-1] if len(piece) > 1 else [piece])
        else:
            tokens.extend(_WORD.findall(piece))
    if not tokens:
        return None
    if len(tokens) == 1:
        token = tokens[0]
        # Prefix search: one CJK character matches the bigrams it starts; a
        # German word finds its compounds (Wirtschaft -> Wirtschaftsförderung).
        if _CJK_RUN.fullmatch(token) and len(token) == 2:
            return _quote(token)
        return _quote(token) + "*"
    # Several tokens: one phrase, so the bigrams of a name must stand together.
    return _quote(" ".join(tokens))


def build_fts_query(query: str) -> str | None:
    """A syntactically safe FTS5 MATCH expression, or None when nothing is searchable."""
    positives: list[str] = []
    negatives: list[str] = []
    pending_or = False
    for term in parse_query(query):
        if term.text in ("OR", "|"):
            pending_or = bool(positives)
            continue
        if term.text in ("AND", "NOT"):
            continue
        expr = _term_expression(term)
        if expr is None:
            continue
        if term.negated:
            negatives.append(expr)
        elif pending_or and positives:
            positives[-1] = f"({positives[-1]} OR {expr})"
            pending_or = False
        else:
            positives.append(expr)
    if not positives:
        return None
    result = " AND ".join(positives)
    for neg in negatives:
        result = f"({result}) NOT {neg}"
    return result


def highlight_terms(query: str) -> list[str]:
    """Surface forms to look for when marking hits in a snippet (both scripts)."""
    from .text import to_simplified, to_traditional

    forms: list[str] = []
    for term in parse_query(query):
        if term.negated or term.text in ("OR", "AND", "NOT", "|"):
            continue
        for variant in {term.text, to_simplified(term.text), to_traditional(term.text)}:
            if variant and variant not in forms:
                forms.append(variant)
    return sorted(forms, key=len, reverse=True)


def make_snippet(text: str, query: str, width: int = 120) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first hit, with the hit spans inside it."""
    forms = highlight_terms(query)
    lowered = text.lower()
    first = None
    for form in forms:
        idx = lowered.find(form.lower())
        if idx >= 0 and (first is None or idx < first):
            first = idx
    if first is None:
        snippet = text[:width].replace("\n", " ")
        return snippet, []
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    window = text[start:end]
    spans: list[tuple[int, int]] = []
    low_window = window.lower()
    for form in forms:
        f = form.lower()
        pos = low_window.find(f)
        while pos >= 0 and f:
            if not any(s <= pos < e for s, e in spans):
                spans.append((pos, pos + len(f)))
            pos = low_window.find(f, pos + len(f))
    spans.sort()
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shifted = [(s + len(prefix), e + len(prefix)) for s, e in spans]
    return prefix + window.replace("\n", " ") + suffix, shifted
