"""Being told of new messages: notifications while the window is not focused, previews
hidden on request, the unread total in the title, and a click that opens the chat."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import SHOTS, console_env, until
from tests.ui.notification_server import notification_bus
from tests.ui.test_chat_page import CUSTOMER, ready
from zapdesk.ui.attention import Notice, tray_icon

pytestmark = pytest.mark.asyncio


class Recorder:
    def __init__(self) -> None:
        self.notices: list[Notice] = []
        self.unread: list[int] = []
        self.withdrawn: list[int] = []

    def notify(self, notice: Notice) -> None:
        self.notices.append(notice)

    def show_unread(self, total: int) -> None:
        self.unread.append(total)

    def withdraw(self, conversation_id: int) -> None:
        self.withdrawn.append(conversation_id)


async def test_a_new_message_notifies_and_a_click_opens_it(qtbot: QtBot, tmp_path: Path
                                                           ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        attention = env.console.attention
        recorder = Recorder()
        attention.notifier = recorder
        attention.focused = lambda: False  # the operator is in another window
        attention.check()
        await until(lambda: recorder.unread, what="the first count")
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                    "text": "Bom dia, tem estoque?"})
        await until(lambda: recorder.notices, what="a notification")
        (notice,) = recorder.notices
        assert (notice.title, notice.body) == ("Maria", "Bom dia, tem estoque?")
        assert recorder.unread[-1] == 1
        env.console.tray.show_unread(recorder.unread[-1])
        assert env.window.windowTitle() == "zapdesk (1 unread)"
        for count in (0, 7, 42, 1234):  # the tray's picture, at the size trays use
            picture = tray_icon(count).pixmap(32, 32)
            assert not picture.isNull()
            SHOTS.mkdir(parents=True, exist_ok=True)
            assert picture.save(str(SHOTS / f"tray-{count}.png"))
        env.console._notification_clicked(notice.conversation)
        page = env.console.chat_page
        await until(lambda: page.open_row is not None and page.messages.rowCount() == 1,
                    what="the click opened the conversation")
        await until(lambda: recorder.unread[-1] == 0, what="reading cleared the count")
        env.console.tray.show_unread(0)
        assert env.window.windowTitle() == "zapdesk"


async def test_previews_can_be_hidden_and_focus_means_no_notification(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        attention = env.console.attention
        recorder = Recorder()
        attention.notifier = recorder
        attention.previews = False
        focused = [True]
        attention.focused = lambda: focused[0]
        attention.check()
        await until(lambda: recorder.unread)
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "text": "segredo"})
        await until(lambda: recorder.unread[-1] == 1)
        assert recorder.notices == []  # the window had the focus
        focused[0] = False
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "text": "segredo 2"})
        await until(lambda: recorder.notices)
        assert recorder.notices[0].body == "New message"
        assert all("segredo" not in n.body and "segredo" not in n.title
                   for n in recorder.notices)


async def test_desktop_notifications_open_the_chat_and_go_away_once_read(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with notification_bus() as server:
        if server is None:
            pytest.skip("no dbus-daemon here (packaging/dev/setup installs it on Debian)")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", server.address)
        async with console_env(qtbot, tmp_path) as env:
            tray = env.console.tray
            await until(lambda: tray.desktop is not None, what="the desktop service found")
            _account, instance_id = await ready(env)
            env.console.attention.focused = lambda: False
            await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                        "text": "Chegou quebrado 😢"})
            await until(lambda: server.shown, what="a desktop notification")
            ((notification_id, shown),) = server.shown.items()
            assert shown == ("Maria", "Chegou quebrado 😢")
            assert server.closed == []
            server.click(notification_id)  # the operator clicks it
            page = env.console.chat_page
            await until(lambda: page.open_row is not None and page.open_row.name == "Maria",
                        what="the click opened the conversation")
            await until(lambda: server.closed == [notification_id],
                        what="read, so the notification was withdrawn")


async def test_the_optional_sound(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    beeps: list[int] = []
    monkeypatch.setattr("zapdesk.ui.attention.QApplication.beep", lambda: beeps.append(1))
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        attention = env.console.attention
        recorder = Recorder()
        attention.notifier = recorder
        attention.focused = lambda: False
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "text": "sem som"})
        await until(lambda: recorder.notices)
        assert beeps == []  # off by default
        attention.sound = True
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "text": "com som"})
        await until(lambda: len(recorder.notices) == 2)
        assert beeps == [1]
