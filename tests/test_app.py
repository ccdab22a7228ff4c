"""The `zapdesk` command as a person starts it, in a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "zapdesk", *args, "--data-dir",
                           str(tmp_path / "data")], capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.parametrize("start", ["--sandbox", "--demo-if-empty"])
def test_sandbox_screenshot_shows_the_demo(tmp_path: Path, start: str) -> None:
    shot = tmp_path / "window.png"
    done = run_app(start, "--screenshot", str(shot), "--lang", "en", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = Image.open(shot)
    assert image.size[0] >= 800 and image.size[1] >= 500
    # Not a blank window: the text drew dark pixels onto the light background.
    dark = sum(image.convert("L").histogram()[:100])
    assert dark > 500
    # The list it shows is the demo's: the log says what was listed before the picture.
    log = (tmp_path / "data" / "logs" / "zapdesk.log").read_text(encoding="utf-8")
    assert "account Demo (sandbox): 4 instances" in log
    assert "demo@zapdesk.local" not in log or "zapdesk-demo" not in log


def test_the_window_speaks_portuguese(tmp_path: Path) -> None:
    script = (
        "from PySide6.QtWidgets import QApplication;"
        "from zapdesk.i18n import install_translators;"
        "from zapdesk.ui.console import WelcomePage;"
        "from zapdesk.ui.status import status_word;"
        "app = QApplication([]); install_translators(app, 'pt_BR'); w = WelcomePage();"
        "print(w.sign_in.text()); print(w.demo.text()); print(status_word('qr'))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Entrar no ZapFlare", "Experimentar a demonstração",
                                        "Aguardando leitura do QR"]
