"""What the chat side shows before a conversation is chosen: "Select a conversation",
on the chat's wallpaper, with the way to start a new one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from zapdesk.ui import theme


class NoConversation(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.title = QLabel(translate("chat", "Select a conversation"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(translate("chat", "Choose one in the list, or start a new "
                                             "conversation by number (Ctrl+N)."), self)
        self.hint.setWordWrap(True)
        self.new_button = QPushButton(translate("chat", "New conversation"), self)
        self.new_button.setAccessibleDescription(translate(
            "chat", "Write to a number that has no conversation yet"))
        for label in (self.title, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._colour_hint()

    def paintEvent(self, event: QPaintEvent) -> None:
        # The chat's own wallpaper, so choosing a conversation does not flash the page.
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.pick(theme.CHAT_BACKGROUND, self.palette()))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_hint()
        super().changeEvent(event)

    def _colour_hint(self) -> None:
        colour = theme.pick(theme.SECONDARY_TEXT, self.palette()).name()
        self.hint.setStyleSheet(f"color: {colour}")
