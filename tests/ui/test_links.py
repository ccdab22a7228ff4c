"""A link opens the composer on the instance the operator picks, whether given at start or
handed over by a second launch (a real process, over the real local socket). Nothing is
ever sent by a link."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.language import speaking
from tests.ui.test_chat_page import connected
from zapdesk.accounts.settings import SettingsStore
from zapdesk.controller.account import AccountController
from zapdesk.desktop.single_instance import SingleInstance
from zapdesk.ui.link_opener import LinkOpener
from zapdesk.ui.main_window import MainWindow

LINK = "https://wa.me/5511988887777?text=Ol%C3%A1%20%F0%9F%98%80%0Asegunda%20linha"


async def two_connected(env: Env) -> tuple[AccountController, str, str]:
    account = await env.signed_in()
    first = await connected(env, account, "Vendas")
    second = await connected(env, account, "Suporte")
    env.window.resize(1200, 800)
    return account, first, second


async def second_launch(*args: str, data_dir: Path) -> tuple[int, str]:
    """``zapdesk --data-dir DIR LINK`` in its own process, while this loop keeps running."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "zapdesk", "--data-dir", str(data_dir), *args,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    async with asyncio.timeout(60):
        _out, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, err.decode()


async def nothing_sent(env: Env) -> bool:
    count = await env.app.receiver.store.read(lambda c: c.execute(
        "SELECT (SELECT count(*) FROM messages WHERE from_me = 1) + "
        "(SELECT count(*) FROM outbox)").fetchone()[0])
    return bool(count == 0)


@pytest.mark.asyncio
@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "en"),
                                             ("light", "pt_BR")], indirect=["theme"])
async def test_a_second_launch_opens_the_composer_with_the_links_number(
        qtbot: QtBot, tmp_path: Path, theme: str, lang: str) -> None:
    with speaking(lang):
        async with console_env(qtbot, tmp_path) as env:
            account, first, second = await two_connected(env)
            instance = SingleInstance(tmp_path)
            assert instance.claim() and instance.listen()
            opener = LinkOpener(env.window, [])
            instance.received.connect(opener.handed_over)
            opener.attach(env.console)
            env.console.select(account, first)  # the operator is elsewhere
            env.window.showMinimized()
            try:
                code, err = await second_launch(LINK, data_dir=tmp_path)
                assert code == 0, err
                await until(lambda: opener.picker is not None, what="the picker")
                picker = opener.picker
                assert picker is not None
                assert not env.window.isMinimized() and env.window.isVisible()
                assert "+55 11 98888-7777" in picker.windowTitle()
                labels = [picker.list.item(i).text() for i in range(picker.list.count())]
                assert [label.split(" · ")[0] for label in labels] == ["Vendas", "Suporte"]
                assert all(label.endswith("Loja Centro") for label in labels)
                assert picker.list.currentRow() == 0  # nothing used yet: the first
                assert "segunda linha" in picker.text.text()
                picker.list.setCurrentRow(1)
                await until(lambda: picker.isVisible())
                shot(picker, f"desktop-link-picker-{theme}-{lang}")
                picker.accept()
                page = env.console.chat_page
                await until(lambda: page.instance is not None and page.instance.id == second,
                            what="the picked instance selected")
                composer = page.composer
                assert env.console.instance_tabs.currentWidget() is page
                assert composer.to is None and composer.recipient.isVisible()
                assert composer.recipient.text() == "+55 11 98888-7777"
                assert composer.edit.toPlainText() == "Olá 😀\nsegunda linha"
                assert composer.edit.hasFocus() or not QApplication.focusWindow()
                await until(lambda: page.isVisible())
                shot(env.window, f"desktop-link-composer-{theme}-{lang}")
                assert await nothing_sent(env)
                assert SettingsStore(tmp_path).load().link_instance == \
                    f"{account.profile.id}/{second}"
                # The next link preselects the instance picked last.
                code, err = await second_launch("whatsapp://send?phone=5511977776666",
                                                data_dir=tmp_path)
                assert code == 0, err
                await until(lambda: opener.picker is not None, what="the second picker")
                assert opener.picker is not None and opener.picker.list.currentRow() == 1
                opener.picker.reject()  # cancelled: nothing changes
                await until(lambda: opener.picker is None)
                assert composer.recipient.text() == "+55 11 98888-7777"
                assert await nothing_sent(env)
            finally:
                instance.close()


@pytest.mark.asyncio
async def test_a_link_given_at_start_waits_for_the_accounts(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        opener = LinkOpener(env.window, ["tel:+55 11 98888-7777"])
        opener.attach(env.console)
        await until(lambda: "sign in" in env.window.statusBar().currentMessage(),
                    what="told the link waits")
        assert opener.picker is None and opener.pending
        env.console.start_demo()  # its instances load a moment later
        await until(lambda: opener.picker is not None, seconds=20,
                    what="the picker, once the demo's instances are listed")
        assert opener.picker is not None
        demo = env.app.accounts[0]
        connected_ones = [i.id for i in demo.instances if i.status == "connected"]
        assert opener.picker.list.count() == len(connected_ones) == 2
        opener.picker.accept()
        page = env.console.chat_page
        await until(lambda: page.instance is not None and page.instance.id == connected_ones[0])
        assert page.composer.recipient.text() == "+55 11 98888-7777"
        assert page.composer.edit.toPlainText() == ""
        assert await nothing_sent(env)


@pytest.mark.asyncio
async def test_bad_links_are_refused_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await two_connected(env)
        opener = LinkOpener(env.window, [])
        opener.attach(env.console)
        for link, said in (("https://wa.me/55abc", "is not a valid phone number"),
                           ("mailto:ana@example.test", "is not a link zapdesk can open"),
                           ("whatsapp://send?text=oi", "does not say which number")):
            opener.handed_over([link])
            box = opener.problem
            assert isinstance(box, QMessageBox) and box.isVisible()
            assert said in box.text(), box.text()
            assert opener.picker is None
            box.close()
        assert await nothing_sent(env)


@pytest.mark.asyncio
async def test_no_connected_instance_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Nova", None)
        await until(lambda: account.instance(created.id) is not None)
        opener = LinkOpener(env.window, [])
        opener.attach(env.console)
        opener.handed_over(["https://wa.me/5511988887777"])
        await until(lambda: opener.problem is not None, what="the refusal")
        assert opener.problem is not None and "No instance is connected" in \
            opener.problem.text()
        assert opener.picker is None


@pytest.mark.asyncio
async def test_a_draft_in_the_box_is_kept_under_the_links_text(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, first, _second = await two_connected(env)
        env.console.select(account, first)
        page = env.console.chat_page
        page.new_conversation()
        page.composer.edit.setPlainText("rascunho meu")
        opener = LinkOpener(env.window, [])
        opener.attach(env.console)
        opener.handed_over(["https://wa.me/5511988887777?text=do%20link"])
        await until(lambda: opener.picker is not None)
        assert opener.picker is not None
        opener.picker.list.setCurrentRow(0)
        opener.picker.accept()
        await until(lambda: page.composer.recipient.text() == "+55 11 98888-7777")
        assert page.composer.edit.toPlainText() == "rascunho meu\ndo link"
        # Saving Preferences afterwards keeps the instance picked (it saves from its copy).
        await env.app.start_receiving()
        await env.app.preferences.apply(env.app.preferences.settings)
        assert SettingsStore(tmp_path).load().link_instance == f"{account.profile.id}/{first}"


@pytest.mark.asyncio
async def test_a_link_macos_gives_as_an_event_opens_the_picker(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await two_connected(env)
        opener = LinkOpener(env.window, [])
        opener.attach(env.console)
        app = QApplication.instance()
        assert app is not None
        event = QFileOpenEvent(QUrl("whatsapp://send?phone=5511988887777&text=oi"))
        assert opener.eventFilter(app, event)  # what the filter does with it on macOS
        await until(lambda: opener.picker is not None, what="the picker")
        assert opener.picker is not None and "+55 11 98888-7777" in opener.picker.windowTitle()
        opener.picker.reject()
        document = QFileOpenEvent(QUrl.fromLocalFile("/srv/some.pdf"))
        assert not opener.eventFilter(app, document)  # not a link: not ours


@pytest.mark.parametrize(("hidden", "links", "shown"), [
    (False, [], "normal"), (True, [], "minimised"), (True, [LINK], "normal")])
def test_starting_hidden(qtbot: QtBot, hidden: bool, links: list[str], shown: str) -> None:
    """Started on login (--hidden): only in the tray; here (offscreen) there is no tray, so
    minimised, never lost. A link always shows the window."""
    window = MainWindow()
    qtbot.addWidget(window)
    LinkOpener(window, links).show_window(hidden=hidden)
    assert window.isVisible()
    assert window.isMinimized() == (shown == "minimised")
    # MainWindow ignores close(): left visible, it would be deleted during the next test's
    # loop as the last window, and Qt's quit-on-last-window would stop that loop.
    window.hide()
