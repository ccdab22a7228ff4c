"""Closing the window with a tray keeps zapdesk receiving (said once); the tray's Show and
Quit; without a tray closing quits; start on login in Preferences."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, shot, until
from tests.ui.language import speaking
from tests.ui.notification_server import notification_bus
from tests.ui.test_chat_page import CUSTOMER, ready
from tests.ui.test_links import second_launch
from tests.ui.test_preferences import open_preferences, save
from zapdesk.accounts.settings import SettingsStore
from zapdesk.desktop.autostart import Autostart
from zapdesk.desktop.single_instance import SingleInstance
from zapdesk.ui.background import Background
from zapdesk.ui.link_opener import LinkOpener

pytestmark = pytest.mark.asyncio
HINT = "zapdesk is still running"


def temporary_autostart(tmp_path: Path) -> Autostart:
    return Autostart(["/opt/zapdesk/zapdesk", "--hidden"], platform="linux",
                     home=tmp_path / "home", environ={})


async def test_closing_with_a_tray_keeps_zapdesk_receiving(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with notification_bus() as server:
        if server is None:
            pytest.skip("no dbus-daemon here (packaging/dev/setup installs it on Debian)")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", server.address)
        async with console_env(qtbot, tmp_path) as env:
            tray = env.console.tray
            await until(lambda: tray.desktop is not None, what="the desktop service found")
            account, instance_id = await ready(env)
            quits: list[int] = []
            env.window.close_requested.connect(lambda: quits.append(1))
            # No test machine has a tray (offscreen): this says the desktop has one.
            background = Background(env.window, env.console, None,
                                    autostart=temporary_autostart(tmp_path),
                                    has_tray=lambda: True)
            instance = SingleInstance(tmp_path)
            assert instance.claim() and instance.listen()
            opener = LinkOpener(env.window, [])
            instance.received.connect(opener.handed_over)
            opener.attach(env.console)
            try:
                assert not SettingsStore(tmp_path).load().tray_hint_shown
                env.window.close()
                assert not env.window.isVisible() and quits == []
                await until(lambda: HINT in [s for s, _b in server.shown.values()],
                            what="told once where zapdesk went")
                assert SettingsStore(tmp_path).load().tray_hint_shown
                # Still receiving: a contact writes while the window is closed.
                await env.phone(instance_id, "incoming", **{"from": CUSTOMER,
                                                            "text": "Ainda aí?"})
                conversations = env.console.conversations

                async def stored() -> list[str | None]:
                    rows = await conversations.of_instance(account.profile.id, instance_id)
                    return [r.last_text for r in rows]

                for _ in range(100):
                    if await stored():
                        break
                    await asyncio.sleep(0.05)
                assert await stored() == ["Ainda aí?"]
                await until(lambda: "Ainda aí?" in [b for _s, b in server.shown.values()],
                            what="the message notified")
                # The single-instance socket still answers: a second launch shows it.
                code, err = await second_launch(data_dir=tmp_path)
                assert code == 0, err
                await until(env.window.isVisible, what="the window back")
                env.window.close()  # a second time: not said again
                assert not env.window.isVisible()
                await until(lambda: not env.window.isVisible())
                assert [s for s, _b in server.shown.values()].count(HINT) == 1
                assert quits == []
                background.show_action.trigger()  # the tray menu's Show
                assert env.window.isVisible()
                assert [a.text() for a in background.menu.actions() if a.text()] == \
                    ["Show zapdesk", "Quit"]
                background.quit_action.trigger()  # the one quit path
                assert quits == [1]
            finally:
                instance.close()


async def test_without_a_tray_closing_quits(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        quits: list[int] = []
        env.window.close_requested.connect(lambda: quits.append(1))
        Background(env.window, env.console, None, autostart=temporary_autostart(tmp_path))
        env.window.close()  # offscreen there is no tray: the real check says so
        assert quits == [1]
        assert not SettingsStore(tmp_path).load().tray_hint_shown


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "pt_BR")],
                         indirect=["theme"])
async def test_start_on_login_in_preferences(qtbot: QtBot, tmp_path: Path, theme: str,
                                             lang: str) -> None:
    with speaking(lang):
        async with console_env(qtbot, tmp_path) as env:
            await env.app.start_receiving()  # the listener's fields hold its real port
            Background(env.window, env.console, None, autostart=temporary_autostart(tmp_path))
            entry = tmp_path / "home" / ".config" / "autostart" / "zapdesk.desktop"
            dialog = open_preferences(env)
            box = dialog.start_on_login
            assert box.isVisible() and not box.isChecked()  # off by default
            box.setChecked(True)
            shot(dialog, f"desktop-preferences-start-on-login-{theme}-{lang}")
            await save(env, dialog)
            assert entry.exists()
            assert "Exec=/opt/zapdesk/zapdesk --hidden" in entry.read_text(encoding="utf-8")
            dialog = open_preferences(env)  # opened again: it shows what the system will do
            assert dialog.start_on_login.isChecked()
            dialog.start_on_login.setChecked(False)
            await save(env, dialog)
            assert not entry.exists()
            # A folder that cannot be written: said in the dialog, which stays open.
            (tmp_path / "blocked").write_text("a file where a folder should be")
            env.console.help.autostart = Autostart(["zapdesk"], platform="linux",
                                                   home=tmp_path / "blocked", environ={})
            dialog = open_preferences(env)
            dialog.start_on_login.setChecked(True)
            dialog.ok.click()
            await until(lambda: dialog.error.isVisible(), what="the refusal")
            if lang == "en":
                assert "could not change whether it starts when you log in" in \
                    dialog.error.text()
            assert dialog.isVisible()
            dialog.reject()


async def test_no_start_on_login_box_where_the_app_does_not_offer_it(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:  # no Background: tests, --screenshot
        dialog = open_preferences(env)
        assert not dialog.start_on_login.isVisible()
        dialog.reject()
