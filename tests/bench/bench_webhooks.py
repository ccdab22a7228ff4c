"""Webhook throughput into the store with the window alive, and what it costs the GUI.

Run with ``packaging/dev/bench``; never inside the test suite. The app's real receiving
side (Receiver: listener + store, durable commits) runs on a qasync loop beside a shown
console window whose account pane refreshes on every batched ``stored`` signal. A burst
comes from another process (tests/webhooks/burst.py, aiohttp, 32 connections). A 16 ms
QTimer stands for the UI: its lateness is measured during the burst, and in the same run
with no traffic as the baseline.
"""

from __future__ import annotations

import asyncio
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from zapdesk.accounts.settings import Settings  # noqa: E402
from zapdesk.controller.receiving import Receiver  # noqa: E402

EVENTS = 5000


class TimerProbe:
    """A 16 ms timer recording how late each tick is."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setInterval(16)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.delays.append((now - self._last) * 1000 - 16)
        self._last = now

    def start(self) -> None:
        self.delays, self._last = [], 0.0
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.delays


def summary(delays: list[float]) -> str:
    ordered = sorted(max(0.0, d) for d in delays)
    if not ordered:
        return "no ticks"
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return (f"median {statistics.median(ordered):5.1f} ms, p95 {p95:5.1f} ms, "
            f"max {ordered[-1]:6.1f} ms ({len(ordered)} ticks)")


async def run(directory: Path) -> None:
    settings = Settings(listen_port=0)
    receiver = Receiver(directory, settings)
    await receiver.start()
    token = secrets.token_urlsafe(24)
    await receiver.register("acc_bench", token, kept=True)
    label = QLabel("waiting")
    label.resize(600, 80)
    label.show()
    batches = 0

    def on_stored(changes: object) -> None:
        nonlocal batches
        batches += 1
        health = receiver.health("acc_bench")
        label.setText(f"{health.received if health else 0} received")
        label.repaint()  # what a window update costs, every batch

    receiver.stored.connect(on_stored)
    probe = TimerProbe()
    probe.start()
    await asyncio.sleep(2.0)
    idle = probe.stop()
    url = receiver.url_for("acc_bench")
    assert url is not None
    probe.start()
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.webhooks.burst", url, str(EVENTS), "32", cwd=ROOT,
        stdout=asyncio.subprocess.PIPE)
    out, _ = await process.communicate()
    elapsed = time.perf_counter() - started
    busy = probe.stop()
    answered, client_seconds = out.split()
    stored = await receiver.store.read(
        lambda c: c.execute("SELECT count(*) FROM messages").fetchone()[0])
    commits = receiver.store.writer.commits
    await receiver.close()
    print(f"events answered 200: {int(answered)}/{EVENTS}, stored: {stored}")
    print(f"throughput: {int(answered) / float(client_seconds):.0f} events/s accepted and "
          f"durably stored ({float(client_seconds):.2f} s for the burst, {commits} commits, "
          f"{batches} window updates; {elapsed:.2f} s including the sender's start-up)")
    print(f"UI timer lateness, idle (baseline): {summary(idle)}")
    print(f"UI timer lateness, during the burst: {summary(busy)}")


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp, \
            asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run(Path(tmp)))


if __name__ == "__main__":
    main()
