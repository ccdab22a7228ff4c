"""What the bundle leaves out (packaging/zapdesk.spec's excludes, the phonenumbers hook's
unused parts) must stay unused: an import of one of them from zapdesk works from a
checkout and fails only in the installed app."""

from __future__ import annotations

import ast
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]


def left_out() -> set[str]:
    spec = ast.parse((TOP / "packaging" / "zapdesk.spec").read_text(encoding="utf-8"))
    excludes = next(keyword.value for node in ast.walk(spec) if isinstance(node, ast.Call)
                    for keyword in node.keywords if keyword.arg == "excludes")
    hook = ast.parse((TOP / "packaging" / "hooks" / "hook-phonenumbers.py").read_text())
    unused = next(node.value for node in ast.walk(hook) if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "UNUSED" for t in node.targets))
    return set(ast.literal_eval(excludes)) | {
        f"phonenumbers.{name}" for name in ast.literal_eval(unused)}


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_zapdesk_imports_nothing_the_bundle_leaves_out() -> None:
    out = left_out()
    assert {"pygments", "doctest", "phonenumbers.geocoder"} <= out  # the parse found them
    found = []
    for source in sorted((TOP / "zapdesk").rglob("*.py")):
        for name in imported(ast.parse(source.read_text(encoding="utf-8"))):
            if any(name == gone or name.startswith(gone + ".") for gone in out):
                found.append(f"{source.relative_to(TOP)}: {name}")
    assert not found, "left out of the bundle (packaging/zapdesk.spec) but imported:\n" + \
        "\n".join(found)
