"""The first thing a windowed launch does: become the zapdesk of its data folder, or hand
its links to the one that already is and end (exit 0) without opening anything."""

from __future__ import annotations

import argparse
import logging
import sys

from zapdesk.accounts.paths import data_dir
from zapdesk.desktop.single_instance import SingleInstance

log = logging.getLogger(__name__)


def claim_or_hand_over(args: argparse.Namespace) -> tuple[SingleInstance | None, int]:
    """(the claimed instance, 0) to go on starting; (None, exit code) when another
    zapdesk has the folder: it was given the links (0), or it did not answer (1)."""
    folder = data_dir(args.data_dir)
    instance = SingleInstance(folder)
    if instance.claim():
        return instance, 0
    if args.screenshot is not None:
        print(f"zapdesk: already running with {folder}; a screenshot needs another "
              "--data-dir", file=sys.stderr)
        return None, 2
    if instance.hand_over(list(args.links)):
        return None, 0
    _say_not_answering(args, folder, instance.holder())
    return None, 1


def _say_not_answering(args: argparse.Namespace, folder: object, pid: int | None) -> None:
    """Started by a double-click there is no terminal: say it in a window too."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from zapdesk.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    translate = QCoreApplication.translate
    text = translate(
        "launch", "zapdesk is already running with the data folder {folder}, but it does not "
                  "answer. Wait a moment and try again; if it stays this way, end the zapdesk "
                  "process (id {pid}) and start zapdesk again.").format(
        folder=folder, pid=pid if pid is not None else "?")
    print(f"zapdesk: {text}", file=sys.stderr)
    if args.screenshot is None and QApplication.platformName() != "offscreen":
        box = QMessageBox(QMessageBox.Icon.Warning,
                          translate("launch", "zapdesk"), text)
        box.exec()  # no event loop runs yet: nothing else waits on this one
