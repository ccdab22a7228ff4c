"""The icon set rendered from resources/icons/zapdesk.svg, and where the app uses it."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from zapdesk.resources import resource_path
from zapdesk.ui.app_icon import SIZES, app_icon
from zapdesk.ui.attention import tray_icon


def test_every_size_is_rendered_at_its_size() -> None:
    for size in SIZES:
        png = resource_path("icons", "hicolor", f"{size}x{size}", "apps", "zapdesk.png")
        with Image.open(png) as image:
            assert image.size == (size, size)
    with Image.open(resource_path("icons", "zapdesk.ico")) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
    with Image.open(resource_path("icons", "zapdesk.icns")) as icns:
        assert icns.size == (1024, 1024)


def test_window_and_tray_use_the_mark(qapp: object) -> None:
    icon = app_icon()
    assert {QSize(s, s) for s in (16, 32, 256)} <= set(icon.availableSizes())
    # The tray picture is the mark (its green bubble) with the unread badge on it.
    image = tray_icon(3).pixmap(64, 64).toImage()
    corner = image.pixelColor(12, 40)  # lower left: the bubble, clear of the badge
    assert corner.green() > 150 and corner.red() < 100, corner.name()
    assert image.pixelColor(47, 17).red() > 150  # upper right: the red badge
    assert QColor(image.pixelColor(0, 0)).alpha() == 0
