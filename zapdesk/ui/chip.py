"""A filter toggle that plainly shows when it is on: filled with the app's green and
ticked, rather than a pressed look that is hard to tell apart in either theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from zapdesk.ui import theme

TICK = "✓ "
ON_FILL = ("#137333", "#00a884")  # (light theme, dark theme)
ON_TEXT = ("#ffffff", "#0b141a")


def colours(on: bool, button: QPushButton) -> tuple[QColor, QColor, QColor]:
    """(fill, text, border) of the chip: when on, a green whose text keeps 4.5:1 on it and
    which stands 3:1 apart from the window, in either theme."""
    # The parent's palette: the chip's own is rewritten by its style sheet.
    parent = button.parentWidget()
    palette = parent.palette() if parent is not None else QApplication.palette()
    if on:
        fill = theme.pick(ON_FILL, palette)
        return fill, theme.pick(ON_TEXT, palette), fill
    return (palette.color(QPalette.ColorRole.Window),
            palette.color(QPalette.ColorRole.ButtonText),
            theme.pick(theme.SECONDARY_TEXT, palette))


class Chip(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.label = text
        self.setCheckable(True)
        self.toggled.connect(self._restyle)
        self._restyle()

    def _restyle(self) -> None:
        on = self.isChecked()
        fill, text, border = colours(on, self)
        focus = QApplication.palette().color(QPalette.ColorRole.Highlight)
        self.setText(TICK + self.label if on else self.label)
        sheet = (
            f"QPushButton {{ background: {fill.name()}; color: {text.name()}; "
            f"border: 1px solid {border.name()}; border-radius: 12px; padding: 4px 12px; "
            f"font-weight: {'bold' if on else 'normal'}; }}"
            f"QPushButton:focus {{ border: 2px solid {focus.name()}; }}")
        if sheet != self.styleSheet():  # restyling changes the palette: no loop
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
