"""The `zapdesk` command as a person starts it, in a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "zapdesk", *args, "--data-dir",
                           str(tmp_path / "data")], capture_output=True, text=True,
                          timeout=60, env=env)


def test_sandbox_screenshot_shows_the_demo(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    done = run_app("--sandbox", "--screenshot", str(shot), "--lang", "en", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = Image.open(shot)
    assert image.size[0] >= 800 and image.size[1] >= 500
    # Not a blank window: the text drew dark pixels onto the light background.
    dark = sum(image.convert("L").histogram()[:100])
    assert dark > 500
    assert (tmp_path / "data").is_dir()


def test_the_window_speaks_portuguese(tmp_path: Path) -> None:
    script = (
        "import sys; from PySide6.QtWidgets import QApplication;"
        "from zapdesk.i18n import install_translators;"
        "from zapdesk.ui.main_window import MainWindow;"
        "app = QApplication([]); install_translators(app, 'pt_BR'); w = MainWindow();"
        "w.show_sandbox('http://127.0.0.1:1', 'a@b', 'c');"
        "print(w.headline.text()); print(w.details.text())")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "Modo demonstração" in done.stdout and "Login de demonstração" in done.stdout
