"""zapdesk's icon (resources/icons, drawn once in zapdesk.svg and rendered to PNGs by
packaging/dev/icons): the window's, the tray's base, the About box's."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from zapdesk.resources import resource_path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        path = resource_path("icons", "hicolor", f"{size}x{size}", "apps", "zapdesk.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
