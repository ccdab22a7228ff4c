"""Small things that make zapdesk read well: one gender for an instance in pt_BR, footers
readable on their bubbles, a group's note that is not an error, a name field that stops at
its limit and says it, and a Sign in button that says what it waits for."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, shot, until
from tests.ui.language import speaking
from tests.ui.test_chat_page import CUSTOMER, connected, ready, statuses
from zapdesk.controller.conversations import MessageRow
from zapdesk.core.events import Tick
from zapdesk.resources import resource_path
from zapdesk.ui import theme
from zapdesk.ui.dialogs import InstanceDialog, SignInDialog
from zapdesk.ui.message_delegate import footer_colour
from zapdesk.ui.theme import dark_palette

CATALOGUE = resource_path("i18n") / "zapdesk_pt_BR.ts"
FEMININE = {"Connected": "Conectada", "Disconnected": "Desconectada", "Created": "Criada",
            "Banned": "Banida"}


def colours_in(widget: QWidget) -> set[int]:
    image: QImage = widget.grab().toImage()
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}


def nearest(colour: QColor, widget: QWidget) -> int:
    """How close the painted pixels come to ``colour`` (0: exactly; text is antialiased)."""
    def distance(pixel: int) -> int:
        seen = QColor.fromRgb(pixel)
        return max(abs(seen.red() - colour.red()), abs(seen.green() - colour.green()),
                   abs(seen.blue() - colour.blue()))
    return min(distance(pixel) for pixel in colours_in(widget))


def test_an_instance_is_feminine_in_every_status_string() -> None:
    """"a instância": "Conectada", never "Conectado como…" beside it."""
    checked = 0
    for message in ET.parse(CATALOGUE).iter("message"):
        source = message.findtext("source") or ""
        target = message.findtext("translation") or ""
        word = re.match(r"(Connected|Disconnected|Created|Banned)\b", source)
        if word:
            checked += 1
            assert target.startswith(FEMININE[word.group(1)]), (source, target)
    assert checked >= 6


@pytest.mark.asyncio
async def test_the_status_words_agree_on_screen_in_pt_br(qtbot: QtBot, tmp_path: Path,
                                                         qapp: QApplication) -> None:
    with speaking("pt_BR"):
        async with console_env(qtbot, tmp_path) as env:
            account = await env.signed_in()
            instance_id = await connected(env, account, "Vendas")
            env.window.resize(1200, 800)
            env.console.select(account, instance_id)
            pane = env.console.instance_pane
            env.console.instance_tabs.setCurrentWidget(pane)
            await until(lambda: pane.connection.currentWidget() is pane.connected)
            assert pane.status.text() == "● Conectada"
            assert pane.connected.title.text().startswith("Conectada como +55")
            await env.phone(instance_id, "phone-disconnect")
            await until(lambda: pane.connection.currentWidget() is pane.disconnected,
                        what="disconnected in place")
            assert pane.status.text() == "● Desconectada"
            assert pane.disconnected.title.text() == "Desconectada do WhatsApp"
            shot(env.window, "polish-gender-pt_BR")


def row(from_me: bool, status: int | None) -> MessageRow:
    return MessageRow(1, 1, "X", from_me, None, None, None, 0, "text", "oi", None, None, None,
                      None, None, status, False, False, None, None, ())


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_footer_reads_on_its_bubble(dark: bool, qapp: QApplication) -> None:
    """WCAG contrast of the palette's actual colours: 4.5:1 for the small footer text."""
    palette = dark_palette() if dark else QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124" if dark else "#efefef"))
    for from_me, status in ((True, Tick.FAILED), (True, Tick.SENT), (True, Tick.READ),
                            (True, None), (False, None)):
        bubble = theme.pick(theme.BUBBLE_OUT if from_me else theme.BUBBLE_IN, palette)
        ratio = theme.contrast(footer_colour(row(from_me, status), palette), bubble)
        assert ratio >= 4.5, (from_me, status, round(ratio, 2))


@pytest.mark.asyncio
async def test_a_failed_send_reads_on_the_dark_bubble(qtbot: QtBot, tmp_path: Path,
                                                      look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, _instance = await ready(env)
        page = env.console.chat_page
        await env.control.post("/_sandbox/faults", json={
            "path": "/whatsapp/instances/*/send-text", "status": 500})
        page.new_conversation()
        page.composer.recipient.edit.setText("(11) 98765-4321")
        page.composer.edit.setPlainText("vai falhar")
        page.composer.submit()
        await until(lambda: statuses(env) == [("vai falhar", Tick.FAILED)], what="failed")
        await until(lambda: page.header.text() == "+55 11 98765-4321")
        palette = page.view.palette()
        red = theme.pick(theme.FOOTER_FAILED, palette)
        assert theme.contrast(red, theme.pick(theme.BUBBLE_OUT, palette)) >= 4.5
        assert nearest(red, page.view.viewport()) <= 16  # the footer is painted so
        shot(env.window, f"polish-failed-footer-{look}")


@pytest.mark.asyncio
async def test_the_group_note_is_information_not_an_error(qtbot: QtBot, tmp_path: Path,
                                                          look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        page = env.console.chat_page
        r = await env.phone(instance_id, "groups", subject="Equipe Loja",
                            members=[CUSTOMER, "5521999990000"])
        group = r.json()["data"]["id"]
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                    "text": "Bom dia, equipe", "group": group})
        await until(lambda: page.list_model.rowCount() == 1, what="the group listed")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.composer.reason.isVisible() and
                    page.header.text() == "Equipe Loja", what="the group open, with its note")
        note = page.composer.reason
        assert "phone numbers only" in note.text() or "números" in note.text()
        warning = theme.pick(theme.WARNING, note.palette())
        assert warning.rgb() not in colours_in(note)  # not red like an error
        assert note.palette().color(note.foregroundRole()) == \
            page.palette().color(QPalette.ColorRole.WindowText)
        shot(env.window, f"polish-group-note-{look}")


@pytest.mark.asyncio
async def test_the_name_stops_at_its_limit_and_says_the_rule(qtbot: QtBot, tmp_path: Path,
                                                             look: str) -> None:
    translate = QCoreApplication.translate
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        env.console.select(account)
        env.console.open_create()
        dialog = env.window.findChildren(InstanceDialog)[-1]
        rule = translate("InstanceDialog", "{min} to {max} characters.").format(min=3, max=50)
        assert dialog.name.hint.isVisible() and dialog.name.hint.text() == rule
        assert dialog.missing_hint.isVisible()  # why Create is disabled
        QTest.keyClicks(dialog.name.edit, "x" * 80)
        assert dialog.name.text() == "x" * 50  # nothing past the limit gets in
        assert dialog.ok.isEnabled() and not dialog.missing_hint.isVisible()
        dialog.name.edit.setText("ab")
        assert dialog.name.problem.isVisible() and not dialog.name.hint.isVisible()
        assert not dialog.missing_hint.isVisible()  # said once, under the field
        shot(dialog, f"polish-name-too-short-{look}")
        dialog.reject()


@pytest.mark.asyncio
async def test_sign_in_says_what_it_waits_for(qtbot: QtBot, tmp_path: Path, look: str
                                              ) -> None:
    translate = QCoreApplication.translate
    async with console_env(qtbot, tmp_path) as env:
        env.console.open_sign_in()
        dialog = env.window.findChildren(SignInDialog)[-1]
        hint = dialog.missing_hint

        def says(text: str) -> bool:
            return hint.isVisible() and hint.text() == translate("SignInDialog", text)

        assert not dialog.ok.isEnabled()
        assert says("Type your email and password to sign in.")
        shot(dialog, f"polish-sign-in-hint-{look}")
        dialog.email.edit.setText("ana")
        assert says("Type your whole email address, e.g. you@company.com.")
        dialog.email.edit.setText("ana@example.test")
        assert says("Type your password to sign in.")
        dialog.password.edit.setText("pw-123456")
        assert dialog.ok.isEnabled() and not hint.isVisible()
        dialog.mode.setCurrentIndex(dialog.mode.findData("api_key"))
        assert says("Type the API key to sign in.")
        dialog.api_key.edit.setText("zpk_test_x")
        assert dialog.ok.isEnabled() and not hint.isVisible()
        dialog.server.edit.setText("")
        assert says("Type the server's address to sign in.")
        dialog.reject()
