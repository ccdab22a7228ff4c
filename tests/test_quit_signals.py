"""The app ended from outside (a logout's SIGTERM, a terminal's Ctrl+C, Qt or the session
manager quitting) shuts down as after Quit: exit code 0, the log says so, the store is
closed cleanly and what was queued is still there. The real app, in its own process."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sandbox.helpers import closed_port
from zapdesk.store import outbox
from zapdesk.store.database import connect, database_path

ROOT = Path(__file__).resolve().parents[1]
READY = "account Demo (sandbox): 4 instances"
# Stands for the session manager asking Qt to quit: the app started by a script that calls
# QCoreApplication.quit when sent SIGUSR1.
QT_QUIT = """
import signal, sys
from PySide6.QtCore import QCoreApplication
def stop(*_):
    QCoreApplication.quit()
signal.signal(signal.SIGUSR1, stop)
from zapdesk.main import main
sys.exit(main(sys.argv[2:]))
"""


def log_of(data: Path) -> str:
    path = data / "logs" / "zapdesk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def start(data: Path, how: str) -> subprocess.Popen[str]:
    args = ["--sandbox", "--lang", "en", "--data-dir", str(data), "--listen",
            f"127.0.0.1:{closed_port()}"]
    command = [sys.executable, "-m", "zapdesk", *args] if how.startswith("SIG") else \
        [sys.executable, "-c", QT_QUIT, how, *args]
    env = {k: v for k, v in os.environ.items() if k != "ZAPDESK_DATA_DIR"}
    return subprocess.Popen(command, cwd=ROOT, env={**env, "QT_QPA_PLATFORM": "offscreen"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(process: subprocess.Popen[str], data: Path, line: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while line not in log_of(data):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            _out, err = process.communicate()
            raise AssertionError(f"no {line!r} in the log; stderr:\n{err}")
        time.sleep(0.1)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT", "quit"])
def test_ended_from_outside_it_shuts_down_cleanly(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    process = start(data, how)
    wait_for(process, data, READY, seconds=60)
    # A message queued for an account that cannot send it now: it must outlive the quit.
    conn = connect(database_path(data))
    with conn:
        outbox.enqueue(conn, account_id="acc_later", instance="loja", recipient="5511999990000",
                       kind="text", body="enviar depois", media_url=None, now=time.time())
    conn.close()
    asked = time.monotonic()
    # Once per child: see ARCHITECTURE.md.
    process.send_signal(getattr(signal, how) if how.startswith("SIG") else signal.SIGUSR1)
    try:
        _out, err = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
        raise AssertionError(f"still running 15 s after {how}; stderr:\n{err}") from None
    took = time.monotonic() - asked
    assert process.returncode == 0, err
    assert "Traceback" not in err, err
    assert took < 10, f"{took:.1f} s to quit"
    log = log_of(data)
    if how.startswith("SIG"):
        assert f"{how} received: quitting" in log, log
    assert "shutdown finished" in log, log
    # Closed cleanly: whole, and nothing queued lost. (A -wal file is still left even by
    # the menu's Quit: some connection of the app's outlives the store's close.)
    check = sqlite3.connect(database_path(data))
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("SELECT body FROM outbox WHERE account_id = 'acc_later'"
                             ).fetchall() == [("enviar depois",)]
    finally:
        check.close()
