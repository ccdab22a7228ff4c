"""The import rules of ARCHITECTURE.md, checked on the source rather than hoped for."""

from __future__ import annotations

import ast
from pathlib import Path

import zapdesk

ROOT = Path(zapdesk.__file__).parent


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_sandbox_imports_nothing_from_the_client_layers() -> None:
    for path in (ROOT / "sandbox").rglob("*.py"):
        for name in imports_of(path):
            if name.startswith("zapdesk"):
                assert name.startswith("zapdesk.sandbox"), f"{path.name} imports {name}"


def test_core_has_no_qt_and_no_io() -> None:
    for path in (ROOT / "core").rglob("*.py"):
        for name in imports_of(path):
            assert not name.startswith(("PySide6", "httpx", "aiohttp", "sqlite3", "qasync")), \
                f"{path.name} imports {name}"


def test_store_and_webhooks_stay_below_the_controller() -> None:
    allowed = {"store": ("zapdesk.core", "zapdesk.store"),
               "webhooks": ("zapdesk.core", "zapdesk.store", "zapdesk.webhooks")}
    for layer, prefixes in allowed.items():
        for path in (ROOT / layer).rglob("*.py"):
            for name in imports_of(path):
                assert not name.startswith("PySide6"), f"{path.name} imports {name}"
                if name.startswith("zapdesk"):
                    assert name.startswith(prefixes), f"{path.name} imports {name}"


def test_the_ui_reaches_the_store_and_listener_only_through_the_controller() -> None:
    for path in (ROOT / "ui").rglob("*.py"):
        for name in imports_of(path):
            assert not name.startswith(("zapdesk.store", "zapdesk.webhooks", "sqlite3",
                                        "aiohttp")), f"{path.name} imports {name}"
