"""The faces (gui/, the CLI, the self-test) change what figures and statements are read
from -- mentions, articles, entity links, review decisions -- only through
services/mention_edits.py, which re-reads the knowledge after each write.  Asserted from
the modules' source, like test_layers.py: a face that called one of these store writes
(or re-read the knowledge itself) would leave the figures and statements behind."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.test_layers import PACKAGE, module_name

# (module, function): the writes whose effect the knowledge must follow
KNOWLEDGE_INPUT_WRITES = {
    "store.facts": {"set_status", "accept_proposals", "restore_statuses", "update_fact", "write_fact_back",
                    "add_user_fact", "delete_fact", "restore_fact", "save_extracted"},
    "store.views": {"set_fact_statuses", "restore_fact_statuses", "delete_article", "restore_article"},
    "store.entities": {"merge_entities", "unmerge_entities", "split_entity", "link_fact", "link_facts"},
    "store.entity_edits": {"split", "undo_split", "redo_split"},
    "store.knowledge": {"split_mention", "unsplit_mention", "replace_article_figures", "replace_article_statements",
                        "decide", "decide_many", "undo_decision"},
    "services.knowledge": {"refresh_articles", "build_article_knowledge", "build_knowledge"},
    "services.review": {"decide", "decide_many", "decide_rows", "pick_value", "undo", "split_mention",
                        "unsplit_mention"},
}


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return (node.module or "").removeprefix("briefbook.")
    base = module.split(".")[1:] if is_package else module.split(".")[1:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def forbidden_uses(module: str, source: str, is_package: bool = False) -> list[str]:
    """The knowledge-input writes ``module`` (a face) imports or calls: "store.views.delete_article"."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # local name -> module of ours
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node)
            for a in node.names:
                local = a.asname or a.name
                if a.name in KNOWLEDGE_INPUT_WRITES.get(target, ()):
                    found.append(f"{target}.{a.name}")
                aliases[local] = f"{target}.{a.name}" if f"{target}.{a.name}" in KNOWLEDGE_INPUT_WRITES else target
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            target = aliases.get(node.value.id)
            if target and node.attr in KNOWLEDGE_INPUT_WRITES.get(target, ()):
                found.append(f"{target}.{node.attr}")
    return sorted(set(found))


def _faces() -> dict[str, Path]:
    paths = [*(PACKAGE / "gui").rglob("*.py"), *PACKAGE.glob("cli*.py"), PACKAGE / "selftest.py"]
    return {module_name(p): p for p in paths}


def test_the_faces_change_mentions_only_through_the_mention_edits_service():
    offenders = {}
    for name, path in _faces().items():
        uses = forbidden_uses(name, path.read_text(encoding="utf-8"), path.name == "__init__.py")
        if uses:
            offenders[name] = uses
    assert offenders == {}


def test_the_undo_commands_no_longer_re_read_the_knowledge_themselves():
    commands = PACKAGE / "gui" / "commands"
    for path in commands.glob("*.py"):
        assert "refresh_articles" not in path.read_text(encoding="utf-8"), path.name


def test_the_check_finds_a_direct_write_however_it_is_imported():
    module = "briefbook.gui.views.some_view"
    assert forbidden_uses(module, "from ...services.knowledge import refresh_articles\n") == \
        ["services.knowledge.refresh_articles"]
    assert forbidden_uses(module, "from ...store import views\nviews.delete_article(lib, 1)\n") == \
        ["store.views.delete_article"]
    assert forbidden_uses(module, "from ...store import facts as fs\nfs.update_fact(lib, 1)\n") == \
        ["store.facts.update_fact"]
    assert forbidden_uses("briefbook.cli_review", "from .services import review\nreview.decide_rows(lib, [], 'x')\n") == \
        ["services.review.decide_rows"]
    assert forbidden_uses(module, "from ...store import views\nviews.fact_article_ids(lib, [1])\n") == []
