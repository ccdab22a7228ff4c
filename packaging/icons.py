"""Renders zapdesk's icon set from resources/icons/zapdesk.svg (run packaging/dev/icons).

The outputs are checked in, so building needs no SVG renderer: the hicolor PNG set (the
window, the tray, the .desktop file, the .deb and the tarball), zapdesk.ico (Windows) and
zapdesk.icns (macOS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    from io import BytesIO

    return Image.open(BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs it)
    renderer = QSvgRenderer(str(ICONS / "zapdesk.svg"))
    if not renderer.isValid():
        print("icons: resources/icons/zapdesk.svg is not a valid drawing", file=sys.stderr)
        return 1
    for size in SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "zapdesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        render(renderer, size).save(str(target), "PNG")
    # Each size drawn from the vector, not scaled down from one big picture.
    ico = {size: to_pillow(render(renderer, size)) for size in ICO_SIZES}
    ico[256].save(ICONS / "zapdesk.ico", sizes=[(s, s) for s in ICO_SIZES],
                  append_images=[ico[s] for s in ICO_SIZES if s != 256])
    big = to_pillow(render(renderer, 1024))
    big.save(ICONS / "zapdesk.icns",
             append_images=[to_pillow(render(renderer, s)) for s in (16, 32, 64, 128, 256,
                                                                      512)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
