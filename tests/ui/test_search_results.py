"""Search results and "Needs reply" say whose conversation each row is; what matched is
marked; the "Needs reply" toggle plainly shows when it is on. Through the real window,
against the sandbox, with the real store."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, shot, until
from tests.ui.test_chat_page import CUSTOMER, connected, ready, statuses
from zapdesk.core.match import fold
from zapdesk.ui import chip, theme
from zapdesk.ui.conversation_list import ROW_HEIGHT, WHERE_HEIGHT, ConversationRole
from zapdesk.ui.search_results import SearchRole

pytestmark = pytest.mark.asyncio
LONG = ("Bom dia! " + "Estou esperando o pedido há vários dias e ninguém me responde. " * 3
        + "Quero saber a SITUAÇÃO do tamanho da blusa.")


def dominant(widget: QWidget) -> QColor:
    image: QImage = widget.grab().toImage()
    counts = Counter(image.pixel(x, y) for x in range(image.width())
                     for y in range(image.height()))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def pixels_of(widget: QWidget, colour: QColor) -> int:
    image: QImage = widget.grab().toImage()
    wanted = colour.rgb()
    return sum(image.pixel(x, y) == wanted for x in range(image.width())
               for y in range(image.height()))


async def test_search_results_name_the_chat_and_mark_what_matched(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    translate = QCoreApplication.translate
    async with console_env(qtbot, tmp_path) as env:
        _account, first = await ready(env)
        page = env.console.chat_page
        await env.phone(first, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                              "text": LONG})
        await until(lambda: page.list_model.rowCount() == 1, what="the conversation")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.open_row is not None)
        page.composer.edit.setPlainText("Situação: tamanho M.")
        page.composer.submit()
        # Stored is enough to be found (whether it has gone out is the outbox's business).
        await until(lambda: statuses(env), what="the answer stored")
        page.search.setText("situacao TAMAN")  # no accent, other case, a prefix
        model = page.results_model
        await until(lambda: page.lists.currentWidget() is page.results
                    and model.rowCount() == 2, what="two hits")
        rows = sorted((model.index(n) for n in range(2)),
                      key=lambda i: not i.data(SearchRole.HIT).message.from_me)
        # the operator's answer names its chat too, and says it was "You"
        assert [r.data(Qt.ItemDataRole.DisplayRole) for r in rows] == ["Maria", "Maria"]
        you = translate("chat", "You")
        mine, theirs = (r.data(SearchRole.SNIPPET) for r in rows)
        assert mine == f"{you}: Situação: tamanho M." and not theirs.startswith(you)
        assert [r.data(SearchRole.HIT).where for r in rows] == ["Vendas · Loja Centro"] * 2
        assert "Vendas · Loja Centro" in rows[0].data(Qt.ItemDataRole.AccessibleTextRole)
        # the long message starts near what matched, and the marks cover exactly the matches
        assert theirs.startswith("…") and len(theirs) < len(LONG)
        for index, expected in ((rows[0], ["Situação", "taman"]),
                                (rows[1], ["SITUAÇÃO", "taman"])):
            text = index.data(SearchRole.SNIPPET)
            marked = [text[s:s + n] for s, n in index.data(SearchRole.MARKED)]
            assert marked == expected, (text, marked)
            assert [fold(m) for m in marked] == ["situacao", "taman"]
        # wrapped to the column: no horizontal scrolling, the long hit takes several lines
        view = page.results
        assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        short_rect, long_rect = view.visualRect(rows[0]), view.visualRect(rows[1])
        assert long_rect.height() > short_rect.height()
        assert long_rect.width() <= view.viewport().width()
        # the marks are painted, readable in this theme
        mark = theme.pick(theme.SEARCH_MARK, view.palette())
        assert theme.contrast(mark, theme.pick(theme.SEARCH_MARK_TEXT, view.palette())) >= 4.5
        assert pixels_of(view, mark) > 100
        shot(env.window, f"polish-search-{look}")
        env.window.resize(1024, 640)
        await until(lambda: view.visualRect(rows[1]).width() <= view.viewport().width())
        shot(env.window, f"polish-search-1024-{look}")


async def test_needs_reply_rows_say_where_they_belong_and_the_toggle_shows_it_is_on(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, first = await ready(env)
        second = await connected(env, account, "Suporte")
        await env.phone(first, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                              "text": "Quero trocar a blusa"})
        await env.phone(second, "incoming", **{"from": "5521999990000", "pushName": "Zé",
                                               "text": "Nota fiscal por favor"})
        page = env.console.chat_page
        await until(lambda: page.list_model.rowCount() == 1)
        toggle = page.needs_reply
        window = page.palette().color(QPalette.ColorRole.Window)
        off = dominant(toggle)
        assert theme.contrast(off, window) < 1.5  # off: it sits on the background
        toggle.click()
        model = page.list_model
        await until(lambda: model.rowCount() == 2, what="both waiting conversations")
        wheres = [model.index(n).data(ConversationRole.WHERE) for n in range(2)]
        assert sorted(wheres) == ["Suporte · Loja Centro", "Vendas · Loja Centro"]
        assert page.list.visualRect(model.index(0)).height() == ROW_HEIGHT + WHERE_HEIGHT
        # on: filled, ticked, its words readable on the fill, the fill apart from the window
        on = dominant(toggle)
        fill, text, _border = chip.colours(True, toggle)
        assert on == fill
        assert theme.contrast(on, window) >= 3.0 and theme.contrast(on, off) >= 3.0
        assert theme.contrast(text, fill) >= 4.5
        assert toggle.text().startswith(chip.TICK)
        shot(env.window, f"polish-needs-reply-{look}")
        toggle.click()  # back to this instance's list: one row, no "where" line
        await until(lambda: model.rowCount() == 1)
        assert model.index(0).data(ConversationRole.WHERE) is None
        assert page.list.visualRect(model.index(0)).height() == ROW_HEIGHT
        assert dominant(toggle) == off and not toggle.text().startswith(chip.TICK)
