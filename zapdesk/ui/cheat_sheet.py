"""The keyboard cheat sheet (F1 or Ctrl+/, and Help ▸ Keyboard shortcuts): every
key of the shortcut map, grouped by where the focus must be."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zapdesk.ui.shortcuts import AREA_TITLES, SHORTCUTS, Area, keys_text

OBJECT_NAME = "zapdesk-cheat-sheet"


class CheatSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(translate("shortcuts", "Keyboard shortcuts"))
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        row = 0
        self.rows: list[tuple[str, str]] = []  # (keys, what) as shown, for tests and readers
        for area in Area:
            entries = [s for s in SHORTCUTS if s.area == area]
            if not entries:
                continue
            heading = QLabel(translate("shortcuts", AREA_TITLES[area]), body)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            grid.addWidget(heading, row, 0, 1, 2)
            grid.setRowMinimumHeight(row, 30 if row else 0)
            heading.setAlignment(Qt.AlignmentFlag.AlignBottom)
            row += 1
            for shortcut in entries:
                keys = QLabel(keys_text(shortcut), body)
                keys.setTextFormat(Qt.TextFormat.PlainText)
                keys.setFrameShape(QFrame.Shape.StyledPanel)
                keys.setContentsMargins(6, 1, 6, 1)
                what = QLabel(translate("shortcuts", shortcut.what), body)
                grid.addWidget(keys, row, 0,
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(what, row, 1)
                self.rows.append((keys.text(), what.text()))
                row += 1
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("shortcuts", "Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        # All of it at once where the screen allows; scrolling only on a small screen.
        wanted = body.sizeHint() + QSize(48, buttons.sizeHint().height() + 64)
        screen = self.screen().availableGeometry().size() * 0.9
        self.resize(min(wanted.width(), screen.width()), min(wanted.height(), screen.height()))


def show_cheat_sheet(parent: QWidget) -> CheatSheet:
    """Show the cheat sheet over ``parent``'s window (the one already open, if any).
    Not modal and opened with show(): the loop keeps running and the window stays usable."""
    window = parent.window()
    sheet = window.findChild(CheatSheet, OBJECT_NAME)
    if sheet is None:
        sheet = CheatSheet(window)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    return sheet
