"""Regression guard for the PySide6 6.12.0 None-refcount abort (ARCHITECTURE.md): 20,000
Python-overridden timer events on the qasync loop must not crash the interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import asyncio, qasync
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

class Ticker(QObject):
    count = 0
    def timerEvent(self, event):
        self.count += 1

app = QApplication([])
ticker = Ticker()
ticker.startTimer(0)

async def spin():
    for _ in range(20_000):
        await asyncio.sleep(0)
    while ticker.count < 20_000:
        await asyncio.sleep(0.001)

with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
    runner.run(spin())
print("ok", ticker.count)
"""


def test_twenty_thousand_timer_events_do_not_abort() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok ")
