"""Opening a folder in the desktop's file manager, the one way the app does it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

log = logging.getLogger(__name__)


def open_folder(path: Path) -> bool:
    """Show ``path`` in the file manager (created first if missing); False when the
    desktop has nothing to open it with."""
    # The file manager is a child process: it gets the environment zapdesk was started
    # with, not a frozen bundle's library paths (main calls
    # environment.restore_for_children() at start, before anything is opened).
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("cannot create %s: %s", path, exc)
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    log.info("opening %s in the file manager: %s", path, "done" if opened else "failed")
    return bool(opened)
