"""A contact known only by a private ``@lid``: the real window, the real listener over
loopback, the real store. The composer says why it cannot answer, and unlocks in place
when a later payload tells the number."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_chat_page import ready
from tests.webhooks import identity_payloads as ip
from zapdesk.controller.account import AccountController
from zapdesk.ui.message_model import MessageRole

pytestmark = pytest.mark.asyncio
INSTANCE_NAME = "Vendas"  # ready() names it so


async def post(env: Env, account: AccountController, payload: dict[str, Any]) -> None:
    url = env.app.webhook_url(account)
    assert url is not None
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.post(url, json=payload)
    assert r.status_code == 200, r.text


def texts(env: Env) -> list[str]:
    model = env.console.chat_page.messages
    return [model.index(i).data(MessageRole.MESSAGE).text for i in range(model.rowCount())]


async def open_lid_chat(env: Env) -> tuple[AccountController, str]:
    account, instance_id = await ready(env)
    page = env.console.chat_page
    await post(env, account, ip.message("L1", "Oi, vocês têm o modelo azul?", remote=ip.LID,
                                        instance_id=instance_id, name=INSTANCE_NAME))
    await until(lambda: page.list_model.rowCount() == 1, what="the LID conversation listed")
    page.list.clicked.emit(page.list_model.index(0))
    await until(lambda: page.open_row is not None and texts(env) == [
        "Oi, vocês têm o modelo azul?"], what="the LID conversation open")
    return account, instance_id


async def test_a_lid_only_chat_cannot_be_answered_until_its_number_comes(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await open_lid_chat(env)
        page = env.console.chat_page
        composer = page.composer
        await until(lambda: composer.reason.isVisible(), what="the reason shown")
        assert not composer.send_button.isEnabled() and not composer.edit.isEnabled()
        assert not composer.media_button.isEnabled()
        said = composer.reason.text()
        assert ("private ID" in said) if look != "pt_BR" else ("ID privado" in said), said
        assert page.header.text() == "Maria Souza"
        assert ip.LID.split("@")[0] not in page.subtitle.text()  # never shown as a number
        await asyncio.sleep(0.1)
        shot(env.window, f"identity-lid-blocked-{look}")
        # In place: the contact's details arrive with the number.
        await post(env, account, {**ip.contact(ip.LID, jid=ip.PHONE_JID),
                                  "instance": INSTANCE_NAME})
        await until(lambda: composer.send_button.isEnabled(), what="Send enabled in place")
        assert composer.edit.isEnabled() and composer.reason.isHidden()
        assert composer.to == ip.PHONE
        assert page.open_row is not None and page.open_row.jid == ip.PHONE_JID
        assert "99876-5432" in page.subtitle.text() or "98765-4321" in page.subtitle.text()
        assert texts(env) == ["Oi, vocês têm o modelo azul?"]
        await until(lambda: page.list_model.rowCount() == 1
                    and page.list_model.rows[0].jid == ip.PHONE_JID, what="the list follows")
        await asyncio.sleep(0.1)
        shot(env.window, f"identity-lid-unlocked-{look}")
        del instance_id


async def test_the_open_lid_chat_joins_the_numbers_conversation_in_place(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        await post(env, account, ip.message("P0", "Bom dia", instance_id=instance_id,
                                            name=INSTANCE_NAME, at=1767225000))
        await post(env, account, ip.message("L1", "sou eu de novo", remote=ip.LID,
                                            instance_id=instance_id, name=INSTANCE_NAME,
                                            at=1767225500))
        await until(lambda: page.list_model.rowCount() == 2, what="two threads, one person")
        lid_row = next(i for i, r in enumerate(page.list_model.rows) if r.jid == ip.LID)
        page.list.clicked.emit(page.list_model.index(lid_row))
        await until(lambda: texts(env) == ["sou eu de novo"], what="the LID thread open")
        assert not page.composer.send_button.isEnabled()
        # A message with both identities tells the number: one thread, still on screen.
        await post(env, account, ip.message("P1", "alô?", remote=ip.PHONE_JID, alt=ip.LID,
                                            mode="pn", instance_id=instance_id,
                                            name=INSTANCE_NAME, at=1767225600))
        await until(lambda: texts(env) == ["Bom dia", "sou eu de novo", "alô?"],
                    what="both threads joined in the open chat")
        await until(lambda: page.composer.send_button.isEnabled(), what="answerable")
        assert page.open_row is not None and page.open_row.jid == ip.PHONE_JID
        await until(lambda: [r.jid for r in page.list_model.rows] == [ip.PHONE_JID],
                    what="one conversation listed")
        await until(lambda: page.list.currentIndex().row() == 0, what="it stays selected")
