"""The console's columns at 1024x640 and 1920x1080, the foldable instance column, and the
layout and window geometry coming back after a restart (a new window over the same data
folder), also when the saved file is missing or damaged."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.language import speaking
from tests.ui.test_chat_page import ready
from zapdesk.ui.panes import FILE_NAME, WindowState, load_state, restore_geometry


def widths(env: Env) -> tuple[int, int, int]:
    """(instance column, conversation list, open conversation) as laid out now."""
    page = env.console.chat_page
    return env.console.panes.column.width(), page.splitter.widget(0).width(), \
        page.chat_side.width()


async def laid_out(env: Env, width: int, height: int) -> tuple[int, int, int]:
    env.window.resize(width, height)
    await until(lambda: env.window.width() == width and env.console.chat_page.isVisible())
    await until(lambda: sum(widths(env)) > width * 0.9, what="the columns laid out")
    return widths(env)


@pytest.mark.asyncio
async def test_the_columns_share_the_window(qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await ready(env)
        column, listing, chat = await laid_out(env, 1024, 640)
        assert 200 <= column <= 300, column  # was 380, leaving the chat 330
        assert listing >= 200 and chat >= 460, (listing, chat)
        shot(env.window, f"keys-layout-1024-{theme}")
        column, listing, chat = await laid_out(env, 1920, 1080)
        # A wide window widens the lists too, not only the wallpaper.
        assert column >= 420 and listing >= 420, (column, listing)
        assert chat <= 1920 * 0.55, chat
        shot(env.window, f"keys-layout-1920-{theme}")
        # Folded: a thin rail, the chat takes the room; shown again at its width.
        env.console.panes.toggle.click()
        column, listing, chat = await laid_out(env, 1024, 640)
        assert column <= 40 and not env.console.tree.isVisible()
        assert chat >= 600, chat
        shot(env.window, f"keys-layout-1024-folded-{theme}")
        await laid_out(env, 1920, 1080)
        shot(env.window, f"keys-layout-1920-folded-{theme}")
        env.console.panes.toggle.click()
        column, _, _ = await laid_out(env, 1920, 1080)
        assert column >= 420 and env.console.tree.isVisible()


@pytest.mark.asyncio
async def test_ctrl_b_and_the_view_menu_fold_the_column(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await ready(env)
        console = env.console
        env.window.activateWindow()
        await until(env.window.isActiveWindow)
        console.chat_page.composer.edit.setFocus()
        QTest.keyClick(console.chat_page.composer.edit, Qt.Key.Key_B,
                       Qt.KeyboardModifier.ControlModifier)
        assert console.panes.hidden and not console.keys.column_action.isChecked()
        assert console.panes.toggle.accessibleName() == "Show the instance list"
        console.keys.column_action.trigger()
        assert not console.panes.hidden and console.tree.isVisible()
        console.panes.set_hidden(True)
        console.tree.setFocus()  # Ctrl+F wants the filter: the column unfolds for it
        console.chat_page.composer.edit.setFocus()
        console.focus_filter()
        assert not console.panes.hidden and QApplication.focusWidget() is console.filter
        with speaking("pt_BR"):
            console.panes.set_hidden(True)
            assert console.panes.toggle.accessibleName() == "Mostrar a lista de instâncias"
            shot(env.window, "keys-layout-folded-pt_BR")
            console.panes.set_hidden(False)


@pytest.mark.asyncio
async def test_the_layout_comes_back_after_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await ready(env)
        await laid_out(env, 790, 560)  # within the test screen (800x800): restorable
        for splitter, first in ((env.console.panes.console, 240),
                                (env.console.chat_page.splitter, 220)):
            splitter.setSizes([first, sum(splitter.sizes()) - first])  # as if dragged
        await until(lambda: widths(env)[0] == 240, what=f"240 wide, not {widths(env)}")
        before = env.console.panes.state()
        env.console.panes.set_hidden(True)  # remembered at once
        assert load_state(tmp_path).instances_hidden
    # quitting saved it all
    saved = load_state(tmp_path)
    assert saved.instances_hidden and saved.console_sizes == before.console_sizes
    assert saved.chat_sizes == before.chat_sizes and saved.geometry
    async with console_env(qtbot, tmp_path) as env:  # the next run, same data folder
        assert restore_geometry(env.window, tmp_path)  # as main() does before showing it
        assert (env.window.width(), env.window.height()) == (790, 560)
        assert env.console.panes.hidden and env.console.keys.column_action.isChecked() is False
        await ready(env)
        env.window.resize(790, 560)
        await until(lambda: env.console.chat_page.isVisible())
        env.console.panes.set_hidden(False)
        await until(lambda: widths(env)[0] == 240, what="the column's width back")
        assert tuple(env.console.chat_page.splitter.sizes()) == before.chat_sizes


@pytest.mark.asyncio
async def test_a_damaged_layout_file_means_the_default_layout(qtbot: QtBot, tmp_path: Path
                                                             ) -> None:
    path = tmp_path / FILE_NAME
    path.write_text("{not json", encoding="utf-8")
    assert load_state(tmp_path) == WindowState()
    path.write_text(json.dumps({"geometry": "%%%", "instances_hidden": True,
                                "console_sizes": "wide", "chat_sizes": [200, -5]}),
                    encoding="utf-8")
    assert load_state(tmp_path) == WindowState(instances_hidden=True)  # each value alone
    path.write_text(json.dumps({"geometry": "AAAA", "instances_hidden": True}),
                    encoding="utf-8")
    window = QWidget()
    window.resize(640, 480)
    assert not restore_geometry(window, tmp_path) and window.width() == 640
    async with console_env(qtbot, tmp_path) as env:
        assert env.console.panes.hidden
        env.console.panes.set_hidden(False)
        await ready(env)
        column, _listing, chat = await laid_out(env, 1024, 640)
        assert 200 <= column <= 300 and chat >= 460
    assert json.loads(path.read_text(encoding="utf-8"))["instances_hidden"] is False


def test_the_app_restores_its_window_before_showing_it(qapp: QApplication, tmp_path: Path
                                                       ) -> None:
    data = tmp_path / "data"
    data.mkdir()
    window = QWidget()
    window.resize(700, 500)
    window.show()
    geometry = bytes(window.saveGeometry().data())
    window.close()
    (data / FILE_NAME).write_text(json.dumps({"geometry": base64.b64encode(geometry).decode(),
                                              "instances_hidden": True}), encoding="utf-8")
    picture = tmp_path / "window.png"
    done = subprocess.run([sys.executable, "-m", "zapdesk", "--sandbox", "--screenshot",
                           str(picture), "--lang", "en", "--data-dir", str(data)],
                          capture_output=True, text=True, timeout=90,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    with Image.open(picture) as image:
        assert image.size == (700, 500)
    after = json.loads((data / FILE_NAME).read_text(encoding="utf-8"))
    assert after["instances_hidden"] is True and after["geometry"]  # kept through the run


@pytest.mark.asyncio
async def test_the_screens_in_portuguese(qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    with speaking("pt_BR"):
        async with console_env(qtbot, tmp_path) as env:
            await ready(env)
            page = env.console.chat_page
            await laid_out(env, 1024, 640)
            assert page.nothing.title.text() == "Selecione uma conversa"
            shot(env.window, f"keys-layout-1024-{theme}-pt_BR")
            env.console.panes.set_hidden(True)
            await laid_out(env, 1920, 1080)
            assert env.console.panes.toggle.accessibleName() == "Mostrar a lista de instâncias"
            shot(env.window, f"keys-layout-1920-folded-{theme}-pt_BR")
            env.console.panes.set_hidden(False)
            page.new_conversation()
            assert page.header.text() == "Nova conversa"
            shot(env.window, f"keys-new-conversation-{theme}-pt_BR")
