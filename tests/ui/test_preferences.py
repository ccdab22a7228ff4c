"""Preferences through the real dialog: each one applies at once and is saved; wrong values
are refused with a message; the Test button against the real listener; a hand-edited
settings.json with wrong values still starts, saying which were ignored and why."""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.language import speaking
from tests.ui.test_console_instances import dialog_of
from zapdesk.accounts.settings import Settings, SettingsStore
from zapdesk.main import look_and_language
from zapdesk.store import queries
from zapdesk.store.rawlog import RawLogLimits
from zapdesk.ui import theme as looks
from zapdesk.ui.preferences import PreferencesDialog


def open_preferences(env: Env) -> PreferencesDialog:
    env.console.help.preferences_action.trigger()
    dialog = dialog_of(env, PreferencesDialog)
    assert dialog.isVisible()
    return dialog


def closed_port() -> int:
    """A loopback port nothing listens on (bound for an instant, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def save(env: Env, dialog: PreferencesDialog) -> None:
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    await until(lambda: "preferences" not in env.console.help.dialogs, what="saved and closed")


@pytest.mark.asyncio
async def test_each_preference_applies_at_once_and_is_saved(qtbot: QtBot, tmp_path: Path
                                                            ) -> None:
    app_qt = QApplication.instance()
    assert isinstance(app_qt, QApplication)
    looks.apply_theme(app_qt, "light")
    try:
        async with console_env(qtbot, tmp_path) as env:
            account = await env.signed_in()
            await env.app.start_receiving()
            assert env.console.help.preferences_action.shortcut().toString() == "Ctrl+,"
            dialog = open_preferences(env)
            assert dialog.port.text() == str(env.app.receiver.listener.port)
            assert not dialog.language_note.isVisible()
            dialog.language.setCurrentIndex(dialog.language.findData("pt_BR"))
            assert dialog.language_note.isVisible()  # "applies when zapdesk starts again"
            dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
            dialog.previews.setChecked(False)
            dialog.sound.setChecked(True)
            new_port = closed_port()
            dialog.port.edit.setText(str(new_port))
            dialog.raw_days.edit.setText("7")
            dialog.raw_megabytes.edit.setText("50,5")  # a decimal comma is fine
            dialog.quiet.edit.setText("12")
            await save(env, dialog)

            # applied, without a restart
            assert looks.is_dark(QApplication.palette()) and looks.current() == "dark"
            env.console.select(account)
            await asyncio.sleep(0.1)
            shot(env.window, "prefs-theme-switched-live-to-dark")
            assert env.console.attention.previews is False
            assert env.console.attention.sound is True
            receiver = env.app.receiver
            assert receiver.listening and receiver.listener.port == new_port
            url = env.app.webhook_url(account)
            assert url is not None and f":{new_port}/hooks/" in url
            assert receiver.store.raw_limits == RawLogLimits(7, 50.5)
            receiver.listener.health[account.profile.id].last_event_at = time.time() - 13 * 60
            assert receiver.quiet_minutes(account.profile.id, connected=True) is not None
            assert env.window.statusBar().currentMessage() == "Preferences saved."

            # saved, and read back at the next start
            expected = Settings(listen_port=new_port, raw_log_days=7, raw_log_megabytes=50.5,
                                quiet_minutes=12, notification_previews=False,
                                notification_sound=True, theme="dark", language="pt_BR")
            assert SettingsStore(tmp_path).load() == expected
            args = argparse.Namespace(data_dir=tmp_path, lang=None, theme=None)
            assert look_and_language(args) == ("pt_BR", "dark")
            args.lang, args.theme = "en", "light"  # the command line wins for one run
            assert look_and_language(args) == ("en", "light")

            # back to the system's look, also at once
            dialog = open_preferences(env)
            assert dialog.theme.currentData() == "dark" and not dialog.previews.isChecked()
            dialog.theme.setCurrentIndex(dialog.theme.findData("system"))
            await save(env, dialog)
            assert looks.current() == "system"
    finally:
        looks.apply_theme(app_qt, "light")


@pytest.mark.asyncio
async def test_wrong_values_are_refused_with_a_message_and_nothing_is_saved(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.app.start_receiving()
        dialog = open_preferences(env)
        for field, text, said in (
                (dialog.port, "70000", "whole number from 1 to 65535"),
                (dialog.port, "http", "whole number from 1 to 65535"),
                (dialog.host, "example.com", "IP address"),
                (dialog.public, "ftp://tunnel.example", "http:// or https://"),
                (dialog.public, "tunnel.example", "http:// or https://"),
                (dialog.raw_days, "-1", "greater than 0"),
                (dialog.raw_megabytes, "lots", "greater than 0"),
                (dialog.quiet, "0", "greater than 0")):
            before = field.text()
            field.edit.setText(text)
            assert not dialog.ok.isEnabled(), text
            assert field.problem.isVisible() and said in field.problem.text(), text
            field.edit.setText(before)
            assert dialog.ok.isEnabled() and not field.problem.isVisible(), text
        dialog.public.edit.setText("ftp://x")
        assert not dialog.test_button.isEnabled()  # nothing to test until it is an address
        dialog.reject()
        assert not (tmp_path / "settings.json").exists()


@pytest.mark.asyncio
async def test_a_port_in_use_is_refused_in_the_dialog_and_the_listener_stays(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.app.start_receiving()
        before = env.app.receiver.listener.port
        with socket.socket() as holder:
            holder.bind(("127.0.0.1", 0))
            holder.listen()
            dialog = open_preferences(env)
            dialog.port.edit.setText(str(holder.getsockname()[1]))
            dialog.ok.click()
            await until(dialog.error.isVisible, what="the refusal")
            assert "already using port" in dialog.error.text()
            assert dialog.isVisible() and dialog.ok.isEnabled()
        assert env.app.receiver.listening and env.app.receiver.listener.port == before
        assert not (tmp_path / "settings.json").exists()
        assert not env.console.chat_page.banner.isVisibleTo(env.console.chat_page)
        dialog.reject()


@pytest.mark.asyncio
async def test_the_test_button_posts_through_the_address_to_the_real_listener(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.app.start_receiving()
        port = env.app.receiver.listener.port
        dialog = open_preferences(env)

        async def tested(address: str) -> str:
            dialog.public.edit.setText(address)
            dialog.test_button.click()
            await until(lambda: dialog.probe_task is None and dialog.test_result.text()
                        != "Sending a test request…", seconds=15, what="the test's answer")
            return dialog.test_result.text()

        said = await tested("")  # the listener's own address
        assert said.startswith("It arrived") and "only from this computer" in said
        assert (await tested(f"http://127.0.0.1:{port}")).startswith("It arrived")
        assert (await tested(f"http://localhost:{port}/")).startswith("It arrived")
        nothing = closed_port()
        assert (await tested(f"http://127.0.0.1:{nothing}")).startswith(
            f"Nothing answered at http://127.0.0.1:{nothing}/hooks/_probe/…")
        elsewhere = await tested(env.sandbox.url)  # a server, but not this listener
        assert "never reached zapdesk" in elsewhere and "HTTP 404" in elsewhere
        label = dialog.test_result  # the longest answer is shown whole, not cut
        assert label.height() >= label.heightForWidth(label.width()), "cut off"
        # a stray or repeated probe is refused like any unknown path
        assert not env.app.receiver.listener.probe_arrived("made-up")
        shot(dialog, "prefs-preferences-test-light")
        dialog.reject()


@pytest.mark.asyncio
async def test_a_hand_edited_settings_file_with_wrong_values_starts_and_says_why(
        qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({
        "listen_port": "eighty", "quiet_minutes": -5, "raw_log_days": 3,
        "theme": "purple", "notification_sound": "yes", "public_base_url": "ftp://x",
        "colour": "blue"}), encoding="utf-8")
    async with console_env(qtbot, tmp_path) as env:
        settings = env.app.preferences.settings
        assert settings == Settings(raw_log_days=3)  # the good value kept, the rest defaults
        box = env.console.help.ignored_box
        assert box is not None and box.isVisible()
        text = box.text()
        for name, why in (("listen_port", "not \"eighty\""), ("quiet_minutes", "not -5"),
                          ("theme", "not \"purple\""), ("notification_sound", "not \"yes\""),
                          ("public_base_url", "not \"ftp://x\""),
                          ("colour", "no such setting")):
            assert f"• {name}: " in text and why in text, name
        assert "raw_log_days" not in text
        shot(box, "prefs-ignored-settings-light")
        account = await env.signed_in()  # the app works on
        await until(lambda: account.loaded, what="the account's instances")
        opened = next(b for b in box.buttons() if b.text() == "Open Preferences…")
        opened.click()
        dialog = dialog_of(env, PreferencesDialog)
        await until(dialog.isVisible)
        await env.app.start_receiving()
        dialog.port.edit.setText(str(closed_port()))
        await save(env, dialog)  # saving writes a file without the refused values
        store = SettingsStore(tmp_path)
        store.load()
        assert store.ignored == []


@pytest.mark.asyncio
async def test_a_file_that_is_not_json_starts_with_the_defaults_and_says_so(
        qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"listen_port": 9000,\n "theme": }',
                                            encoding="utf-8")
    async with console_env(qtbot, tmp_path) as env:
        assert env.app.preferences.settings == Settings()
        box = env.console.help.ignored_box
        assert box is not None and "not valid JSON (line 2, column" in box.text()
        box.reject()


@pytest.mark.asyncio
@pytest.mark.parametrize("language", ["en", "pt_BR"])
async def test_preferences_pictures(qtbot: QtBot, tmp_path: Path, theme: str,
                                    language: str) -> None:
    with speaking(language):
        async with console_env(qtbot, tmp_path) as env:
            await env.app.start_receiving()
            dialog = open_preferences(env)
            dialog.public.edit.setText("https://")
            dialog.adjustSize()
            path = shot(dialog, f"prefs-preferences-{theme}-{language}")
            assert path.exists()
            assert dialog.public.problem.isVisible()
            dialog.reject()


@pytest.mark.asyncio
async def test_ctrl_comma_opens_preferences_wherever_the_focus_is(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        await until(lambda: account.loaded)
        env.window.activateWindow()
        await until(env.window.isActiveWindow, what="the main window active")
        account_menu = env.window.menuBar().actions()[0].menu()
        texts = [a.text() for a in account_menu.actions() if not a.isSeparator()]
        assert texts[-2:] == ["&Preferences…", "&Quit"]  # File-menu style, above Quit
        for widget in (env.console.tree, env.console.chat_page.composer.edit,
                       env.console.filter):
            widget.setFocus()
            QTest.keyClick(widget, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
            dialog = dialog_of(env, PreferencesDialog)
            await until(dialog.isVisible, what="Preferences")
            env.console.help.preferences_action.trigger()  # one window, brought forward
            assert len(env.window.findChildren(PreferencesDialog)) == 1
            dialog.reject()
            await until(lambda: "preferences" not in env.console.help.dialogs)
            env.window.activateWindow()
            await until(env.window.isActiveWindow, what="the main window active")


@pytest.mark.asyncio
async def test_a_new_public_address_is_given_to_the_instances_that_called_zapdesk(
        qtbot: QtBot, tmp_path: Path) -> None:
    from tests.ui.test_receiving import connected_instance

    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        await env.app.start_receiving()
        ours = await connected_instance(env, account, env.app.webhook_url(account))
        other = (await account.create("Outro sistema", "https://crm.example/hook")).id
        port = env.app.receiver.listener.port
        dialog = open_preferences(env)
        dialog.public.edit.setText(f"http://localhost:{port}/")  # as a tunnel would be
        await save(env, dialog)
        url = env.app.webhook_url(account)
        assert url is not None and url.startswith(f"http://localhost:{port}/hooks/")
        await until(lambda: account.instance(ours).webhook_url == url,
                    what="zapdesk's instance told the new address")
        assert account.instance(other).webhook_url == "https://crm.example/hook"  # not ours
        r = await env.phone(ours, "incoming", **{"from": "5511987654321", "text": "Pelo túnel"})
        assert r.status_code == 201

        async def arrived() -> bool:
            rows = await env.app.receiver.store.read(queries.conversations)
            return any(row.last_text == "Pelo túnel" for row in rows)

        deadline = time.monotonic() + 10
        while not await arrived():
            assert time.monotonic() < deadline, "the event through the new address"
            await asyncio.sleep(0.05)


@pytest.mark.asyncio
async def test_preferences_that_cannot_be_written_still_apply_and_say_so(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.app.start_receiving()
        (tmp_path / "settings.json").mkdir()  # in the way of the file
        dialog = open_preferences(env)
        dialog.sound.setChecked(True)
        dialog.ok.click()
        await until(dialog.error.isVisible, what="the message")
        assert dialog.error.text().startswith(
            f"The preferences cannot be saved in {tmp_path / 'settings.json'}")
        assert env.console.attention.sound is True  # applied for this run
        dialog.reject()
