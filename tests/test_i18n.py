"""Every user-visible string is translated, and the compiled catalogue matches its source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from zapdesk.resources import resource_path

BIN = Path(sys.executable).parent
CATALOGUE = resource_path("i18n", "zapdesk_pt_BR.ts")
SOURCES = sorted(str(p) for p in (Path(__file__).parents[1] / "zapdesk").rglob("*.py")
                 if "sandbox" not in p.parts)


def test_the_catalogue_covers_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(CATALOGUE, fresh)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *SOURCES, "-ts", str(fresh)], check=True, capture_output=True)
    messages = list(ET.parse(fresh).iter("message"))
    assert messages
    missing = [m.findtext("source") for m in messages
               if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
               or not m.findtext("translation")]
    assert not missing, f"untranslated (run packaging/dev/i18n, then translate): {missing}"


def test_the_compiled_catalogue_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "pt_BR.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(CATALOGUE), "-qm",
                    str(compiled)], check=True)
    assert compiled.read_bytes() == CATALOGUE.with_suffix(".qm").read_bytes(), \
        "resources/i18n/*.qm is stale: run packaging/dev/i18n"


def test_translations_keep_their_placeholders() -> None:
    import re

    fields = re.compile(r"\{[a-z_]*\}")
    for message in ET.parse(CATALOGUE).iter("message"):
        source, target = message.findtext("source") or "", message.findtext("translation") or ""
        assert sorted(fields.findall(source)) == sorted(fields.findall(target)), source


def test_translate_is_never_aliased_to_a_name_lupdate_cannot_see() -> None:
    # lupdate finds QCoreApplication.translate(...), translate(...) and tr(...), nothing
    # else: a string called through another alias would silently stay untranslated.
    import re

    alias = re.compile(r"^\s*(\w+)\s*=\s*QCoreApplication\.translate\b", re.M)
    for source in SOURCES:
        for name in alias.findall(Path(source).read_text(encoding="utf-8")):
            assert name == "translate", f"{source}: alias {name!r} hides strings from lupdate"


def test_lupdate_saw_every_string_the_code_translates(tmp_path: Path) -> None:
    # lupdate's Python parser silently skips some calls (seen: translate(ctx, text, None,
    # obj.count), a dotted fourth argument); Python's own parser finds them all.
    import ast

    fresh = tmp_path / "fresh.ts"
    shutil.copy(CATALOGUE, fresh)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *SOURCES, "-ts", str(fresh)], check=True, capture_output=True)
    catalogue = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    position = {"translate": 1, "QT_TRANSLATE_NOOP": 1, "tr": 0}
    unseen = []
    for source in SOURCES:
        for node in ast.walk(ast.parse(Path(source).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                getattr(node.func, "id", None)
            at = position.get(name or "")
            if at is None or len(node.args) <= at:
                continue
            text = node.args[at]
            if isinstance(text, ast.Constant) and isinstance(text.value, str) \
                    and text.value not in catalogue:
                unseen.append(f"{Path(source).name}:{node.lineno}: {text.value!r}")
    assert not unseen, f"strings lupdate did not extract (rephrase the call): {unseen}"
