"""The live QR code: crisp, always dark on a light square, with its countdown and attempt.

The canvas redraws the code from its module grid in whole pixels, so it stays scannable at
any size and in a dark theme. A code is drawn in black only while its countdown runs;
otherwise it is greyed out under a caption, so a stale code never looks valid.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zapdesk.controller.watcher import InstanceWatcher, QrPhase, QrView
from zapdesk.core.qr_matrix import QUIET_ZONE, modules
from zapdesk.ui import theme
from zapdesk.ui.status import error_text

LIGHT = QColor("#ffffff")
DARK = QColor("#000000")
GREYED = QColor("#c4c7cc")


class QrCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(300, 300))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._png: bytes | None = None
        self._grid: list[list[bool]] | None = None
        self._image: QImage | None = None
        self._live = False
        self._caption = ""
        self.setAccessibleName(self.tr("WhatsApp pairing QR code"))

    def heightForWidth(self, width: int) -> int:
        return width

    def hasHeightForWidth(self) -> bool:
        return True

    def show_code(self, png: bytes | None, *, live: bool, caption: str) -> None:
        if png != self._png:
            self._png = png
            self._grid = modules(png) if png else None
            self._image = QImage.fromData(png) if png and self._grid is None else None
        self._live, self._caption = live, caption
        self.update()

    @property
    def live(self) -> bool:
        return self._live

    @property
    def caption(self) -> str:
        return self._caption

    def module_size(self) -> int:
        if self._grid is None:
            return 0
        side = min(self.width(), self.height())
        return max(1, side // (len(self._grid) + 2 * QUIET_ZONE))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        if self._grid is not None:
            px = self.module_size()
            side = px * (len(self._grid) + 2 * QUIET_ZONE)
        left = (self.width() - side) // 2
        top = (self.height() - side) // 2
        # The light square is the code's quiet zone: always light, whatever the theme.
        painter.fillRect(left, top, side, side, LIGHT)
        ink = DARK if self._live else GREYED
        if self._grid is not None:
            origin_x, origin_y = left + QUIET_ZONE * px, top + QUIET_ZONE * px
            for y, row in enumerate(self._grid):
                for x, dark in enumerate(row):
                    if dark:
                        painter.fillRect(origin_x + x * px, origin_y + y * px, px, px, ink)
        elif self._image is not None:  # not a recognisable grid: integer nearest scaling
            factor = max(1, side // max(1, self._image.width()))
            scaled = self._image.scaled(self._image.width() * factor,
                                        self._image.height() * factor,
                                        Qt.AspectRatioMode.IgnoreAspectRatio,
                                        Qt.TransformationMode.FastTransformation)
            painter.drawImage((self.width() - scaled.width()) // 2,
                              (self.height() - scaled.height()) // 2, scaled)
            if not self._live:
                painter.fillRect(left, top, side, side, QColor(255, 255, 255, 170))
        if self._caption:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.15)
            font.setBold(True)
            painter.setFont(font)
            box = QRectF(left + side * 0.1, top + side * 0.42, side * 0.8, side * 0.16)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(32, 33, 36, 225))
            painter.drawRoundedRect(box, 10, 10)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()


class CountdownRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(QSize(76, 76))
        self._fraction = 0.0
        self._seconds = 0

    @property
    def seconds(self) -> int:
        return self._seconds

    def set_time(self, fraction: float, seconds: int) -> None:
        if (fraction, seconds) != (self._fraction, self._seconds):
            self._fraction, self._seconds = fraction, seconds
            self.setAccessibleName(self.tr("{seconds} seconds left").format(seconds=seconds))
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QRectF(6, 6, self.width() - 12, self.height() - 12)
        track = QColor(self.palette().color(self.foregroundRole()))
        track.setAlphaF(0.15)
        painter.setPen(QPen(track, 6))
        painter.drawEllipse(ring)
        urgent = self._seconds <= 5
        colour = theme.status_color("banned" if urgent else "connected", self.palette())
        painter.setPen(QPen(colour, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawArc(ring, 90 * 16, int(-self._fraction * 360 * 16))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, str(self._seconds))
        painter.end()


class QrPanel(QWidget):
    """The pairing area of an instance: code, countdown, attempt, steps, regenerate."""

    regenerate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watcher: InstanceWatcher | None = None
        self.canvas = QrCanvas(self)
        self.ring = CountdownRing(self)
        self.attempt = QLabel(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setText(self.tr(
            "<b>Link this number</b><ol style='margin-left:-20px'>"
            "<li>Open <b>WhatsApp</b> on the phone.</li>"
            "<li>Tap <b>Menu ⋮</b> or <b>Settings</b>, then <b>Linked devices</b>.</li>"
            "<li>Tap <b>Link a device</b> and point the phone at this code.</li></ol>"))
        self.regenerate = QPushButton(self.tr("Generate new QR code"), self)
        self.regenerate.clicked.connect(self.regenerate_requested)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.ring)
        texts = QVBoxLayout()
        texts.addWidget(self.attempt)
        texts.addWidget(self.state)
        timer_row.addLayout(texts, 1)
        side = QVBoxLayout()
        side.addWidget(self.steps)
        side.addSpacing(8)
        side.addLayout(timer_row)
        side.addWidget(self.regenerate)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 3)
        layout.addLayout(side, 2)
        self._timer = QTimer(self)
        self._timer.setInterval(200)  # smooth enough for a seconds countdown
        self._timer.timeout.connect(self.refresh)

    def watch(self, watcher: InstanceWatcher | None) -> None:
        if self.watcher is not None:
            self.watcher.changed.disconnect(self.refresh)
        self.watcher = watcher
        if watcher is not None:
            watcher.changed.connect(self.refresh)
        else:
            self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        if self.watcher is None:
            return
        self.show_view(self.watcher.qr_view())

    def show_view(self, view: QrView) -> None:
        seconds = math.ceil(view.remaining)
        live = view.phase == QrPhase.LIVE
        captions = {
            QrPhase.WAITING: self.tr("Preparing the QR code…"),
            QrPhase.STALE: self.tr("Getting a new code…"),
            QrPhase.EXPIRED: self.tr("QR code expired"),
        }
        self.canvas.show_code(view.code.png if view.code else None, live=live,
                              caption=captions.get(view.phase, ""))
        self.ring.set_time(view.fraction if live else 0.0, seconds if live else 0)
        self.ring.setVisible(view.phase in (QrPhase.LIVE, QrPhase.STALE))
        if view.attempt is not None and view.phase != QrPhase.EXPIRED:
            self.attempt.setText(self.tr("Attempt {k} of {n}").format(k=view.attempt,
                                                                      n=view.attempts))
        else:
            self.attempt.setText("")
        states = {
            QrPhase.LIVE: self.tr("Scan before the time runs out; a new code follows."),
            QrPhase.STALE: self.tr("This code is no longer valid."),
            QrPhase.WAITING: self.tr("ZapFlare is preparing the first code."),
            QrPhase.EXPIRED: self.tr("The QR codes expired before a phone scanned one. "
                                     "Generate a new code when the phone is at hand."),
        }
        text = states.get(view.phase, "")
        if self.watcher is not None and self.watcher.problem is not None:
            text = error_text(self.watcher.problem)
        if self.watcher is not None and self.watcher.instance.qr_problem:
            text = self.tr("The server sent an unusable QR code: {why}").format(
                why=self.watcher.instance.qr_problem)
        self.state.setText(text)
        self.regenerate.setVisible(view.phase == QrPhase.EXPIRED)
        # Tick only while a countdown is on screen; the watcher's signal restarts it.
        counting = view.phase in (QrPhase.LIVE, QrPhase.STALE) and self.watcher is not None
        if counting and not self._timer.isActive():
            self._timer.start()
        elif not counting:
            self._timer.stop()
