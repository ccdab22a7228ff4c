"""A known error as the window shows it: our one sentence, wrapped, and under a "Details"
disclosure (collapsed at first) what the server or the library said, selectable so it can
be copied into a support request."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from zapdesk.core.errors import ZapdeskError
from zapdesk.ui import theme
from zapdesk.ui.status import error_text


class ErrorNotice(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence.setSizePolicy(QSizePolicy.Policy.Preferred,
                                    QSizePolicy.Policy.Minimum)
        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("Details"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet("QToolButton { border: none; }")  # a disclosure, not a key
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName(self.tr("Show the details of this error"))
        self.toggle.toggled.connect(self._toggled)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.sentence)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        self.error: ZapdeskError | None = None
        self.warning = True
        self.clear()

    def show_error(self, error: ZapdeskError, sentence: str | None = None) -> None:
        """The error's sentence (or ``sentence``, a caller's better wording of it)."""
        self.error = error
        self._show(sentence or error_text(error), error.details(), warning=True)

    def show_text(self, sentence: str, details: str = "", *, warning: bool = True) -> None:
        self.error = None
        self._show(sentence, details, warning=warning)

    def text(self) -> str:
        """The sentence shown (as a QLabel's text(), for callers that only read it)."""
        return self.sentence.text()

    def clear(self) -> None:
        self.error = None
        self._show("", "", warning=True)

    def _show(self, sentence: str, details: str, *, warning: bool) -> None:
        self.warning = warning
        self.sentence.setText(sentence)
        if details != self.details.text():  # new details start collapsed; the same stay
            self.details.setText(details)
            self.toggle.setChecked(False)
        self.toggle.setVisible(bool(details))
        self._colour()
        self.setVisible(bool(sentence))

    def _colour(self) -> None:
        colour = theme.pick(theme.WARNING, self.palette()).name() if self.warning else ""
        self.sentence.setStyleSheet(f"color: {colour}" if colour else "")

    def _toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName(
            QCoreApplication.translate("ErrorNotice", "Hide the details of this error")
            if shown else QCoreApplication.translate("ErrorNotice",
                                                     "Show the details of this error"))
        self.details.setVisible(shown)
        window = self.window()
        if window.parent() is not None:  # a dialog grows to show them (the main window not)
            # the layouts hear of it through posted events, one level per round
            for _level in range(4):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            window.adjustSize()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light/dark switched while shown
            self._colour()
        super().changeEvent(event)
