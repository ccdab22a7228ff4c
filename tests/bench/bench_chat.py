"""Opening a 100,000-message conversation and scrolling it end to end.

Run with ``packaging/dev/bench``; never inside the test suite. zapdesk's chat view (the
sliding-window model over the real store, the bubble delegate) against a bare QListView
holding the same 100,000 texts in a QStringListModel, in the same run and the same window
size. Scrolling goes from the newest message to the oldest, one viewport per frame, as
PageUp would; a frame is the scroll step plus a synchronous repaint, including any page
the model loads on the way. zapdesk scrolls twice: flat out (frames back to back, no idle
time at all) and paced at 60 frames a second, as a display shows them, which leaves the
idle time between frames in which the view reads and measures the next page ahead; there a
frame is timed from when it was due, so work done between frames that delays it counts.
Reported: open time, frames, and frame times.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import qasync
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QListView

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from zapdesk.accounts.keychain import SecretStore  # noqa: E402
from zapdesk.controller.app import AppController  # noqa: E402
from zapdesk.controller.conversations import Conversations  # noqa: E402
from zapdesk.ui.chat_view import ChatView  # noqa: E402
from zapdesk.ui.message_model import MessageModel  # noqa: E402

COUNT = 100_000
SIZE = (720, 900)
WORDS = ["olá", "tudo", "bem", "pedido", "entrega", "amanhã", "boleto", "pix", "obrigado",
         "valor", "frete", "produto", "nota", "fiscal", "endereço", "rua", "número",
         "cidade", "prazo", "desconto", "cupom"]


def texts(count: int) -> list[str]:
    rng = random.Random(7)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.choice((2, 5, 9, 18, 40))))
            for _ in range(count)]


def rss_mib() -> float:
    """This process's resident memory now (Linux), to see what each view adds."""
    with Path("/proc/self/statm").open() as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def figures(frames: list[float]) -> str:
    ordered = sorted(frames)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    late = sum(1 for f in frames if f > 1000 / 60)
    return (f"{len(frames)} frames, median {statistics.median(ordered):.2f} ms, "
            f"p95 {p95:.2f} ms, max {ordered[-1]:.1f} ms, over 16.7 ms: {late}, "
            f"total {sum(frames) / 1000:.1f} s")


async def fill(app: AppController, bodies: list[str]) -> int:
    def write(conn):  # type: ignore[no-untyped-def]
        conn.execute("INSERT INTO conversations (account_id, instance, jid) VALUES "
                     "('acc', 'inst', '5511987654321@s.whatsapp.net')")
        conversation = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        conn.executemany(
            "INSERT INTO messages (conversation_id, account_id, instance, message_id, from_me,"
            " at, kind, body, status, received_at) VALUES (?, 'acc', 'inst', ?, ?, ?, 'text',"
            " ?, ?, 0)",
            [(conversation, f"M{n}", n % 3 == 0, 1_700_000_000 + n * 40, body,
              4 if n % 3 == 0 else None) for n, body in enumerate(bodies)])
        return conversation

    return int(await app.receiver.store.write(write))


async def bench_zapdesk(app: AppController, conversation: int, *, fps: float | None) -> None:
    before = rss_mib()
    model = MessageModel(Conversations(app))
    view = ChatView(model, app.tasks.spawn)
    view.resize(*SIZE)
    view.show()
    started = time.perf_counter()
    await model.open(conversation, is_group=False)
    view.doItemsLayout()
    view.scrollToBottom()
    view.viewport().repaint()
    opened = (time.perf_counter() - started) * 1000
    frames: list[float] = []
    bar = view.verticalScrollBar()
    step = view.viewport().height()
    due = time.perf_counter()
    while True:
        # Paced, a frame counts from when it was due: work the loop did between frames
        # (a page inserted and laid out) delays it, and that delay is what a person sees.
        started = due if fps else time.perf_counter()
        bar.setValue(bar.value() - step)
        while model.busy:  # noqa: ASYNC110 - a page loading is part of this frame
            await asyncio.sleep(0)
        view.viewport().repaint()
        frames.append((time.perf_counter() - started) * 1000)
        due += 1 / fps if fps else 0
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        if bar.value() == 0 and not model.has_older and not model.busy:
            break
    first = model.rows[0].message_id
    pace = f"at {fps:.0f} frames/s" if fps else "flat out"
    print(f"zapdesk chat view: open {opened:.1f} ms (first page {model.last_load_ms:.1f} ms); "
          f"scroll to the oldest ({first}) {pace}: {figures(frames)}; rows in the model at "
          f"the end: {model.rowCount()}; memory added by the view: "
          f"{rss_mib() - before:.1f} MiB")
    view.close()


def bench_bare(bodies: list[str]) -> None:
    before = rss_mib()
    view = QListView()
    view.resize(*SIZE)
    view.show()
    started = time.perf_counter()
    model = QStringListModel(bodies)
    view.setModel(model)
    view.scrollToBottom()
    view.viewport().repaint()
    opened = (time.perf_counter() - started) * 1000
    frames = []
    bar = view.verticalScrollBar()
    step = max(1, view.viewport().height() // max(1, view.sizeHintForRow(0)))
    while bar.value() > 0:
        started = time.perf_counter()
        bar.setValue(bar.value() - step)
        view.viewport().repaint()
        frames.append((time.perf_counter() - started) * 1000)
    print(f"bare QListView (baseline): open {opened:.1f} ms; scroll to the oldest: "
          f"{figures(frames)}; memory added by the view: {rss_mib() - before:.1f} MiB")
    view.close()
    view.deleteLater()
    del model
    gc.collect()


async def run(directory: Path) -> None:
    from tests.accounts.backends import MemoryKeyring

    app = AppController(directory, secrets=SecretStore(MemoryKeyring()),
                        listen=("127.0.0.1", 0))
    await app.start_receiving()
    bodies = texts(COUNT)
    started = time.perf_counter()
    conversation = await fill(app, bodies)
    print(f"{COUNT} messages stored in {time.perf_counter() - started:.1f} s")
    bench_bare(bodies)
    await bench_zapdesk(app, conversation, fps=None)
    await bench_zapdesk(app, conversation, fps=60)
    await app.close()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # the benchmark closes its windows as it goes
    with tempfile.TemporaryDirectory() as tmp, \
            asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run(Path(tmp)))


if __name__ == "__main__":
    main()
