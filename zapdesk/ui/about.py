"""About zapdesk: the version, the licence, and where its data and logs are (with buttons
to open those folders)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import zapdesk
from zapdesk.ui.folders import open_folder


def version() -> str:
    """The installed package's version; a bundle without metadata uses the source's."""
    try:
        return metadata.version("zapdesk")
    except metadata.PackageNotFoundError:
        return zapdesk.__version__


def licence() -> str:
    try:
        meta = metadata.metadata("zapdesk")
    except metadata.PackageNotFoundError:
        return "Proprietary"
    found = meta.get_all("License-Expression") or meta.get_all("License") or ["Proprietary"]
    return str(found[0])


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, data_dir: Path, log_dir: Path,
                 settings_dir: Path, opener: Callable[[Path], bool] = open_folder) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About zapdesk"))
        self.opener = opener
        self.title = title = QLabel(self.tr("zapdesk {version}").format(version=version()),
                                    self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(self.tr("An operator console for the WhatsApp numbers of your "
                               "ZapFlare accounts."), self)
        blurb.setWordWrap(True)
        self.licence = QLabel(self.tr("Licence: {licence}").format(licence=licence()), self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.folders: dict[str, tuple[Path, QLabel, QPushButton]] = {}
        rows = [("data", self.tr("Data (messages, drafts)"), data_dir),
                ("logs", self.tr("Logs"), log_dir)]
        if settings_dir != data_dir:  # the same folder with --data-dir: listed once
            rows.append(("settings", self.tr("Settings and accounts"), settings_dir))
        for row, (key, name, path) in enumerate(rows):
            label = QLabel(name, self)
            where = QLabel(str(path), self)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            button = QPushButton(self.tr("Open"), self)
            button.setAccessibleName(self.tr("Open the folder: {name}").format(name=name))
            button.clicked.connect(lambda _checked=False, p=path: self.opener(p))
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(where, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.folders[key] = (path, where, button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(self.licence)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
