"""After Save and Delete: a short word in the status bar, and after a delete nothing is
selected (the neighbour is not shown, so its QR series is not started by the way)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.language import speaking
from zapdesk.ui.dialogs import DeleteDialog, InstanceDialog

pytestmark = pytest.mark.asyncio


def dialog_of(env: Env, kind: type[QWidget]) -> Any:
    found = [d for d in env.window.findChildren(kind) if d.isVisible()]
    assert found, kind
    return found[-1]


def qr_asked(env: Env) -> list[str]:
    """The ids of every instance whose details (and so its QR) the client asks the sandbox
    for, or whose QR it regenerates, from now on."""
    world = env.sandbox.world
    asked: list[str] = []
    details, regenerate = world.instance_json, world.regenerate_qr

    def details_spy(inst: Any, *, detail: bool) -> Any:
        if detail:
            asked.append(inst.id)
        return details(inst, detail=detail)

    def regenerate_spy(tenant: Any, instance_id: str) -> Any:
        asked.append(instance_id)
        return regenerate(tenant, instance_id)

    world.instance_json = details_spy  # type: ignore[method-assign]
    world.regenerate_qr = regenerate_spy  # type: ignore[method-assign]
    return asked


async def test_save_says_saved(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)
        await until(lambda: account.instance(created.id) is not None)
        env.console.select(account, created.id)
        env.console.open_edit()
        dialog = dialog_of(env, InstanceDialog)
        dialog.name.edit.setText("Vendas SP")
        dialog.ok.click()
        await until(lambda: not env.window.findChildren(InstanceDialog), what="saved")
        assert env.window.statusBar().currentMessage() == "Saved “Vendas SP”"


async def test_delete_says_deleted_and_selects_nothing(qtbot: QtBot, tmp_path: Path,
                                                      theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        doomed = await account.create("Vendas", None)
        neighbour = await account.create("Suporte", None)  # new: selecting it starts its QR
        await until(lambda: len(account.instances) == 2)
        env.console.select(account, doomed.id)
        await until(lambda: env.console.instance_pane.instance is not None)
        asked = qr_asked(env)
        env.console.open_delete()
        dialog = dialog_of(env, DeleteDialog)
        dialog.confirm.edit.setText("Vendas")
        dialog.ok.click()
        await until(lambda: not env.window.findChildren(DeleteDialog), what="deleted")
        assert [i.name for i in account.instances] == ["Suporte"]
        assert env.window.statusBar().currentMessage() == "Deleted “Vendas”"
        assert not env.console.tree.currentIndex().isValid()
        assert env.console.right.currentWidget() is env.console.placeholder
        await until(lambda: env.console.instance_pane.watcher is None, what="no watcher")
        await env.advance(3)  # its first code is due: a pane showing it would fetch it
        await asyncio.sleep(0.5)  # ten rounds of the detail pane's polling (0.05 s here)
        assert neighbour.id not in asked
        shot(env.window, f"keys-deleted-{theme}")
        # In Portuguese too.
        with speaking("pt_BR"):
            env.console.select(account, neighbour.id)
            env.console.open_delete()
            dialog = dialog_of(env, DeleteDialog)
            dialog.confirm.edit.setText("Suporte")
            dialog.ok.click()
            await until(lambda: not env.window.findChildren(DeleteDialog), what="deleted")
            assert env.window.statusBar().currentMessage() == "“Suporte” excluída"
            shot(env.window, f"keys-deleted-{theme}-pt_BR")
