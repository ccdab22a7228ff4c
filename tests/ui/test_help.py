"""The Help menu: the user guide from the local README, the log and data folders, and
About (version, licence, the folders, with buttons that open them)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, shot
from tests.ui.language import speaking
from tests.ui.test_console_instances import dialog_of
from zapdesk.ui.about import AboutDialog
from zapdesk.ui.user_guide import UserGuideDialog

ROOT = Path(__file__).resolve().parents[2]


class Opened(QObject):
    """Stands in for the file manager: records what the desktop was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)

    def paths(self) -> list[Path]:
        return [Path(url.toLocalFile()) for url in self.urls]


@contextmanager
def file_manager() -> Iterator[Opened]:
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        yield opened
    finally:
        QDesktopServices.unsetUrlHandler("file")


def menu_texts(menu: object) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]  # type: ignore[attr-defined]


@pytest.mark.asyncio
async def test_help_opens_the_folders_and_the_local_user_guide(qtbot: QtBot, tmp_path: Path
                                                              ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        help_ = env.console.help
        assert help_.menu.menuAction() in env.window.menuBar().actions()
        assert menu_texts(help_.menu) == ["&Keyboard shortcuts", "User &guide",
                                          "Open the &log folder", "Open the &data folder",
                                          "&About zapdesk"]
        assert help_.menu.actions()[0] is env.console.keys.shortcuts_action
        with file_manager() as opened:
            help_.logs_action.trigger()
            help_.data_action.trigger()
        assert opened.paths() == [tmp_path / "logs", tmp_path]
        assert (tmp_path / "logs").is_dir()  # made if missing, so there is something to open
        help_.guide_action.trigger()
        guide = dialog_of(env, UserGuideDialog)
        assert guide.path == ROOT / "README.md"
        text = guide.browser.toPlainText()
        assert "Preferences and Help" in text and "Receiving webhooks" in text
        assert not guide.browser.openExternalLinks() and not guide.browser.openLinks()
        help_.guide_action.trigger()  # one guide at a time: the same window comes forward
        assert len(env.window.findChildren(UserGuideDialog)) == 1
        guide.reject()


@pytest.mark.asyncio
@pytest.mark.parametrize("language", ["en", "pt_BR"])
async def test_about_names_the_version_licence_and_folders(
        qtbot: QtBot, tmp_path: Path, theme: str, language: str) -> None:
    with speaking(language):
        async with console_env(qtbot, tmp_path) as env:
            env.window.setProperty("log_path", str(tmp_path / "logs" / "zapdesk.log"))
            env.console.help.about_action.trigger()
            about = dialog_of(env, AboutDialog)
            assert about.title.text() == f"zapdesk {metadata.version('zapdesk')}"
            assert "Proprietary" in about.licence.text()
            assert set(about.folders) == {"data", "logs"}  # --data-dir: settings are there too
            data, data_label, data_button = about.folders["data"]
            logs, logs_label, logs_button = about.folders["logs"]
            assert (data, logs) == (tmp_path, tmp_path / "logs")
            assert data_label.text() == str(tmp_path)
            assert logs_label.text() == str(tmp_path / "logs")
            with file_manager() as opened:
                logs_button.click()
                data_button.click()
            assert opened.paths() == [tmp_path / "logs", tmp_path]
            shot(about, f"prefs-about-{theme}-{language}")
            about.reject()


def test_about_lists_the_settings_folder_when_it_is_elsewhere(qtbot: QtBot, tmp_path: Path
                                                             ) -> None:
    about = AboutDialog(None, data_dir=tmp_path / "data", log_dir=tmp_path / "data" / "logs",
                        settings_dir=tmp_path / "config", opener=lambda _path: True)
    qtbot.addWidget(about)
    assert about.folders["settings"][0] == tmp_path / "config"
