"""The README's user guide, shown inside the app from the local copy (nothing is fetched)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zapdesk.resources import user_guide


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("zapdesk user guide"))
        self.resize(760, 640)
        self.path = path if path is not None else user_guide()
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setAccessibleDescription(self.tr(
            "How to use zapdesk, from signing in to answering a conversation"))
        # Links are not followed: the guide never sends anyone to the internet by itself.
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        text = None
        if self.path is not None:
            try:
                text = self.path.read_text(encoding="utf-8")
            except OSError:
                text = None
        if text is None:
            self.browser.setPlainText(self.tr(
                "The user guide is not installed with this copy of zapdesk."))
            self.source.hide()
        else:
            self.browser.setMarkdown(text)
            self.source.setText(self.tr("From {path}").format(path=self.path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.source)
        layout.addWidget(buttons)
