"""Switching conversations: the message box follows the header at once, before the
messages have loaded, so nothing typed meanwhile goes to the contact open before."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, until
from tests.ui.test_chat_page import CUSTOMER, ready

pytestmark = pytest.mark.asyncio
ZE = "5521999990000"


async def test_the_box_follows_the_header_while_messages_load(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        page = env.console.chat_page
        for sender, name in ((CUSTOMER, "Maria"), (ZE, "Zé")):
            await env.phone(instance_id, "incoming", **{"from": sender, "pushName": name,
                                                        "text": f"Oi, aqui é {name}"})
        await until(lambda: page.list_model.rowCount() == 2)

        def click(name: str) -> None:
            position = next(n for n, r in enumerate(page.list_model.rows) if r.name == name)
            page.list.clicked.emit(page.list_model.index(position))

        click("Maria")
        await until(lambda: page.composer.to == CUSTOMER, what="Maria's conversation")
        page.composer.edit.setPlainText("Maria, seu pedido")  # typed, not sent
        # Zé's messages take their time to load (a slow disk): held until released.
        release = asyncio.Event()
        load = page.messages.open

        async def slow_open(*args: Any, **kwargs: Any) -> None:
            await release.wait()
            await load(*args, **kwargs)

        page.messages.open = slow_open  # type: ignore[method-assign]
        click("Zé")
        await until(lambda: page.open_row is not None and page.open_row.name == "Zé",
                    what="Zé's name in the header")
        assert page.composer.to == ZE  # before the fix: still Maria's number
        assert page.composer.edit.toPlainText() == ""  # and Maria's draft
        release.set()
        page.messages.open = load  # type: ignore[method-assign]
        await until(lambda: page.messages.rowCount() == 1, what="Zé's messages")
        assert page.composer.to == ZE and page.composer.edit.toPlainText() == ""
        click("Maria")
        await until(lambda: page.composer.edit.toPlainText() == "Maria, seu pedido",
                    what="Maria's draft found again")
