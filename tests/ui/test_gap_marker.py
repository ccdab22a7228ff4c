"""The timeline says when messages may be missing: zapdesk was closed (the span since its
last run), or an account stayed quiet past its warning. The real window, the real
listener over loopback, the real store; the quiet span appears and ends in place."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_chat_page import ready
from tests.ui.test_lid_chat import INSTANCE_NAME, post
from tests.webhooks import identity_payloads as ip
from zapdesk.accounts import paths
from zapdesk.store import gaps
from zapdesk.store.database import connect, database_path
from zapdesk.ui.message_model import MessageRole

pytestmark = pytest.mark.asyncio
HOUR = 3600


def closed_since(tmp_path: Path, seconds_ago: float) -> float:
    """The data folder of a zapdesk that last received ``seconds_ago``."""
    conn = connect(database_path(paths.data_dir(tmp_path)))
    try:
        last = time.time() - seconds_ago
        gaps.alive(conn, last)
        return last
    finally:
        conn.close()


def timeline(env: Env) -> list[tuple[str, str | None, str | None]]:
    """(message text, note above it, note below it) for every row on screen."""
    model = env.console.chat_page.messages
    out = []
    for i in range(model.rowCount()):
        row, _day, _sender, (above, below) = model.index(i).data(MessageRole.LAYOUT)
        out.append((row.text, above, below))
    return out


async def test_a_closed_span_and_a_quiet_one_are_marked_in_place(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    closed_since(tmp_path, 2 * HOUR)
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        now = int(time.time())
        await post(env, account, ip.message("B1", "Antes de fechar", instance_id=instance_id,
                                            name=INSTANCE_NAME, at=now - 3 * HOUR))
        await post(env, account, ip.message("A1", "Depois de abrir", instance_id=instance_id,
                                            name=INSTANCE_NAME, at=now))
        await until(lambda: page.list_model.rowCount() == 1, what="the conversation listed")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: len(timeline(env)) == 2, what="both messages on screen")
        [(first, none_above, none_below), (second, above, below)] = timeline(env)
        assert (first, none_above, none_below, second, below) == \
            ("Antes de fechar", None, None, "Depois de abrir", None)
        assert above is not None
        assert ("zapdesk was closed" in above) if look != "pt_BR" else \
            ("o zapdesk estava fechado" in above), above
        await asyncio.sleep(0.2)
        shot(env.window, f"gap-closed-{look}")
        # An hour without events while the number is connected: the quiet warning's span
        # shows below the newest message, without reopening anything.
        watch = env.app.receiver.gap_watch
        await watch.tick(time.time() + HOUR)
        await until(lambda: timeline(env)[-1][2] is not None, what="the quiet note in place")
        quiet_note = timeline(env)[-1][2]
        assert quiet_note is not None and (
            ("No events have arrived since" in quiet_note) if look != "pt_BR"
            else ("Nenhum evento chegou desde" in quiet_note)), quiet_note
        await asyncio.sleep(0.2)
        shot(env.window, f"gap-quiet-{look}")
        # The next event ends the span: the note moves above it, with both ends.
        await post(env, account, ip.message("A2", "Voltou", instance_id=instance_id,
                                            name=INSTANCE_NAME, at=int(time.time()) + 60))
        await until(lambda: [t[0] for t in timeline(env)][-1] == "Voltou"
                    and timeline(env)[-1][1] is not None, what="the quiet span ended")
        assert timeline(env)[-1][2] is None and timeline(env)[-2][2] is None
