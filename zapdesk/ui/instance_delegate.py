"""Painting the instance list: account headers with their state, and instance rows with a
status dot, name, phone, a status pill and a place for the unread count."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from zapdesk.controller.account import AccountController, AccountState
from zapdesk.core import errors
from zapdesk.core.models import Instance
from zapdesk.core.phone import format_phone
from zapdesk.ui import badge, theme
from zapdesk.ui.instance_model import Role
from zapdesk.ui.status import error_text, status_word

Index = QModelIndex | QPersistentModelIndex
PAD = 10
# Failures where "offline" is the right word: the server cannot be reached or is failing.
OFFLINE = (errors.NetworkError, errors.ServerError, errors.RateLimited)


def account_summary(account: AccountController) -> str:
    """"3 of 5 instances · Pro" where the plan is known: from a password sign-in's answer,
    now or on an earlier run. ZapFlare tells an API-key session no plan (no call of the
    contract returns it), so such an account says "3 instances", like any whose plan is
    unknown."""
    translate = QCoreApplication.translate
    count = len(account.instances)
    limit = account.plan_limit
    plan = account.plan
    if limit is not None and plan:
        return translate("list", "{count} of {limit} instances · {plan}").format(
            count=count, limit=limit, plan=plan.capitalize())
    if count == 1:
        return translate("list", "1 instance")
    return translate("list", "{count} instances").format(count=count)


def account_state_text(account: AccountController) -> str | None:
    translate = QCoreApplication.translate
    if account.state == AccountState.LOADING:
        return translate("list", "Loading…")
    if account.state == AccountState.RETRYING:
        seconds = max(0, math.ceil((account.retry_at or 0) - account.clock()))
        if account.error is None or (isinstance(account.error, OFFLINE)
                                     and not isinstance(account.error, errors.Redirected)):
            return translate("list", "Offline — retrying in {seconds} s").format(
                seconds=seconds)
        # Reached, but refused or not understood: "offline" would send them to the cable.
        return translate("list", "Not updated — retrying in {seconds} s").format(
            seconds=seconds)
    if account.state == AccountState.SIGN_IN:
        return translate("list", "Sign in again")
    return None


def account_status_line(account: AccountController) -> str | None:
    """The state word with the error that caused it, or None when all is well (the whole
    sentence: for the account pane and the row's tooltip, where it can wrap)."""
    state = account_state_text(account)
    if account.error is None or account.state in (AccountState.READY, AccountState.LOADING):
        return state
    if account.state == AccountState.SIGN_IN:
        return error_text(account.error)  # the message says "sign in" itself
    return f"{state}: {error_text(account.error)}"


class InstanceDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        rows = 2
        return QSize(260, rows * line + 2 * PAD + (6 if index.data(Role.KIND) == "account"
                                                   else 0))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect: QRect = option.rect
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif index.data(Role.KIND) == "account":
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text = palette.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.68)
        if index.data(Role.KIND) == "account":
            self._paint_account(painter, option, index.data(Role.ACCOUNT), text, muted, selected)
        else:
            stale = index.data(Role.ACCOUNT).stale
            if stale:  # greyed: what the server said on an earlier run, not now
                text = QColor(muted)
                muted.setAlphaF(0.5)
            self._paint_instance(painter, option, index.data(Role.INSTANCE),
                                 int(index.data(Role.UNREAD) or 0), text, muted, selected,
                                 stale)
        if option.state & QStyle.StateFlag.State_HasFocus:
            focus = QColor(palette.color(QPalette.ColorRole.Highlight))
            focus.setAlphaF(0.9)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        return bold, small

    def _paint_account(self, painter: QPainter, option: QStyleOptionViewItem,
                       account: AccountController, text: QColor, muted: QColor,
                       selected: bool) -> None:
        bold, small = self._fonts(option)
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        line = QFontMetrics(bold).height()
        painter.setFont(bold)
        painter.setPen(text)
        summary = account_summary(account)
        summary_width = QFontMetrics(small).horizontalAdvance(summary) + PAD
        name_rect = QRect(rect.left(), rect.top(), rect.width() - summary_width, line)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(account.name,
                                                       Qt.TextElideMode.ElideRight,
                                                       name_rect.width()))
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(QRect(rect.right() - summary_width, rect.top(), summary_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, summary)
        # The short state only: the reason is a whole sentence, which the account pane and
        # the tooltip show wrapped rather than cut off here.
        status = account_state_text(account)
        detail = status or account.profile.base_url
        colour = theme.pick(theme.WARNING, option.palette) if status and not selected \
            and account.state != AccountState.LOADING else muted
        painter.setPen(colour)
        second = QRect(rect.left(), rect.top() + line + 4, rect.width(), line)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(detail, Qt.TextElideMode.ElideRight,
                                                        second.width()))

    def _paint_instance(self, painter: QPainter, option: QStyleOptionViewItem, inst: Instance,
                        unread: int, text: QColor, muted: QColor, selected: bool,
                        stale: bool = False) -> None:
        bold, small = self._fonts(option)
        rect = option.rect.adjusted(PAD + 14, PAD, -PAD, -PAD)
        line = QFontMetrics(bold).height()
        colour = muted if stale else theme.status_color(inst.status, option.palette)
        # Status dot: colour for the eye, the pill's word for everyone.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour if not selected else text)
        painter.drawEllipse(rect.left() - 12, rect.top() + line // 2 - 4, 8, 8)
        word = status_word(inst.status)
        metrics = QFontMetrics(small)
        pill_w = metrics.horizontalAdvance(word) + 16
        pill = QRect(rect.right() - pill_w, rect.top() + 1, pill_w, line)
        fill = QColor(colour)
        fill.setAlphaF(0.18 if not selected else 0.35)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, line / 2, line / 2)
        painter.setFont(small)
        painter.setPen(colour if not selected else text)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, word)
        right = pill.left() - PAD
        phone_right = rect.right()
        if unread:  # under the pill, where the eye already goes for the state
            badge_w = badge.width(metrics, unread, line)
            badge_rect = QRect(rect.right() - badge_w, rect.top() + line + 4, badge_w, line)
            badge.draw(painter, badge_rect, unread, option.palette)
            phone_right = badge_rect.left() - PAD
        painter.setFont(bold)
        painter.setPen(text)
        name_rect = QRect(rect.left(), rect.top(), right - rect.left(), line)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(inst.name, Qt.TextElideMode.ElideRight,
                                                       name_rect.width()))
        painter.setFont(small)
        painter.setPen(muted)
        phone = format_phone(inst.phone) if inst.phone else QCoreApplication.translate(
            "list", "No number yet")
        if stale:
            translate = QCoreApplication.translate
            phone = translate("list", "{phone} · last known, not current").format(phone=phone)
        phone_rect = QRect(rect.left(), rect.top() + line + 4, phone_right - rect.left(), line)
        painter.drawText(phone_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(phone, Qt.TextElideMode.ElideRight,
                                            phone_rect.width()))

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: Index) -> bool:
        """An account's whole state sentence, which its row has no room for."""
        if event.type() == QEvent.Type.ToolTip and index.data(Role.KIND) == "account":
            line = account_status_line(index.data(Role.ACCOUNT))
            if line:
                QToolTip.showText(event.globalPos(), line, view)
                return True
        return super().helpEvent(event, view, option, index)

