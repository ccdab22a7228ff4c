"""The whole app as a person starts it: a running zapdesk gets a second launch's link; two
data folders run side by side; terminal commands are not affected."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
LINK = "https://wa.me/5511988887777?text=Ol%C3%A1"


def log_of(data_dir: Path) -> str:
    path = data_dir / "logs" / "zapdesk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_for(data_dir: Path, text: str, proc: subprocess.Popen[str], seconds: float = 60
             ) -> None:
    deadline = time.monotonic() + seconds
    while text not in log_of(data_dir):
        assert proc.poll() is None, f"zapdesk ended ({proc.returncode}): {log_of(data_dir)}"
        assert time.monotonic() < deadline, f"no {text!r} in {log_of(data_dir)[-3000:]}"
        time.sleep(0.1)


@contextmanager
def running(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """The demo in its own process, on free ports, until its instances are listed."""
    proc = subprocess.Popen([sys.executable, "-m", "zapdesk", "--sandbox", "--data-dir",
                             str(data_dir), "--listen", "127.0.0.1:0", "--log-level", "INFO"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
                            env=ENV)
    try:
        wait_for(data_dir, "account Demo (sandbox): 4 instances", proc)
        yield proc
    finally:
        proc.terminate()
        proc.wait(30)


def launch(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zapdesk", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=60, env=ENV)


def test_a_running_zapdesk_takes_the_link_of_a_second_launch(tmp_path: Path) -> None:
    first, other = tmp_path / "first", tmp_path / "other"
    with running(first) as proc, running(other):  # two folders: two zapdesks at once
        started = time.monotonic()
        done = launch(first, LINK)
        took = time.monotonic() - started
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        wait_for(first, "a later launch handed over 1 link(s)", proc)
        wait_for(first, "a link to 5511988887777 waits for an instance to be picked", proc)
        assert "handed over" not in log_of(other)
        assert proc.poll() is None  # still the one zapdesk of that folder
        assert log_of(first).count("webhook listener on") == 1  # never a second listener
        assert took < 30
        # Terminal commands are not affected by a running zapdesk.
        accounts = subprocess.run([sys.executable, "-m", "zapdesk", "accounts", "--data-dir",
                                   str(first)], capture_output=True, text=True, timeout=60,
                                  env=ENV)
        assert accounts.returncode == 0, accounts.stderr
        assert "Demo (sandbox)" in accounts.stdout or "no accounts" in accounts.stdout
