"""Recovering a QR code's module grid from the PNG the API sends.

Redrawing modules as whole-pixel squares keeps the code crisp at any size (no smoothing,
no fractional scaling) and lets the widget add its own quiet zone and colours.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

QUIET_ZONE = 4  # modules of light margin the QR standard asks for


def modules(png: bytes) -> list[list[bool]] | None:
    """The dark/light grid of the code in ``png``, or None when it does not look like one."""
    try:
        image = Image.open(io.BytesIO(png)).convert("L")
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    dark = image.point(lambda v: 255 if v < 128 else 0)
    box = dark.getbbox()
    if box is None:
        return None
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    if width < 21 or abs(width - height) > 2:
        return None
    # The top-left finder pattern is a 7-module dark run along the top edge.
    row = dark.crop((left, top, right, top + 1)).tobytes()
    run = next((i for i, v in enumerate(row) if v == 0), len(row))
    size = run / 7
    if size < 1:
        return None
    count = round(width / size)
    if count < 21 or (count - 17) % 4:  # versions 1-40 have 21, 25, ..., 177 modules
        return None
    pixels = dark.load()
    assert pixels is not None
    grid = []
    for y in range(count):
        py = top + int((y + 0.5) * height / count)
        grid.append([pixels[left + int((x + 0.5) * width / count), py] != 0
                     for x in range(count)])
    return grid
