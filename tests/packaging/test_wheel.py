"""A plain (not editable) `pip install .` carries the translation catalogues and icons."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]

# Runs inside the fresh venv, outside the checkout: the installed zapdesk finds its
# catalogue and translates with it.
PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
import zapdesk
from zapdesk.resources import resource_path, user_guide
app = QCoreApplication([])
t = QTranslator()
assert t.load(QLocale("pt_BR"), "zapdesk", "_", str(resource_path("i18n"))), resource_path()
app.installTranslator(t)
print(zapdesk.__file__)
print(t.filePath())
print(QCoreApplication.translate("LoadingPage", "Loading your accounts…"))
print(resource_path("icons", "hicolor", "256x256", "apps", "zapdesk.png").is_file())
print(user_guide())
"""


@pytest.mark.timeout(600)
def test_an_installed_wheel_finds_its_translations(tmp_path: Path) -> None:
    source = tmp_path / "src"  # a copy: building writes build/ and egg-info beside it
    shutil.copytree(TOP, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "artifacts", "tests", "*.egg-info", "__pycache__",
        ".*_cache"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                    str(tmp_path / "wheels"), str(source)], check=True, timeout=300,
                   capture_output=True)
    (wheel,) = (tmp_path / "wheels").glob("zapdesk-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True, timeout=300, capture_output=True)
    # zapdesk's dependencies come from the test venv (offline); zapdesk itself from the
    # wheel (a .pth path entry does not run the test venv's editable-install hook).
    site = subprocess.run([str(python), "-c", "import sysconfig; "
                           "print(sysconfig.get_paths()['purelib'])"], check=True,
                          capture_output=True, text=True).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run([str(python), "-c", PROBE], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    module, catalogue, text, icon, guide = done.stdout.splitlines()
    assert Path(module).is_relative_to(venv), "zapdesk came from the checkout, not the wheel"
    assert Path(catalogue).is_relative_to(venv)
    assert text == "Carregando suas contas…"
    assert icon == "True"
    assert Path(guide).is_relative_to(venv) and Path(guide).name == "README.md"
