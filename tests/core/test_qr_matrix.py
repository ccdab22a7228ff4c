from __future__ import annotations

import io

import pytest
import qrcode
from PIL import Image

from tests.sandbox.helpers import read_qr
from zapdesk.core.qr_matrix import QUIET_ZONE, modules


def render(grid: list[list[bool]], px: int) -> Image.Image:
    side = (len(grid) + 2 * QUIET_ZONE) * px
    image = Image.new("L", (side, side), 255)
    for y, row in enumerate(grid):
        for x, dark in enumerate(row):
            if dark:
                image.paste(0, ((x + QUIET_ZONE) * px, (y + QUIET_ZONE) * px,
                                (x + QUIET_ZONE + 1) * px, (y + QUIET_ZONE + 1) * px))
    return image


@pytest.mark.parametrize(("box", "border", "text"), [
    (6, 4, "2@" + "x" * 180), (10, 2, "short"), (3, 4, "2@" + "y" * 300), (1, 4, "tiny")])
def test_the_grid_is_recovered_from_any_rendering(box: int, border: int, text: str) -> None:
    code = qrcode.QRCode(box_size=box, border=border)
    code.add_data(text)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    grid = modules(buffer.getvalue())
    assert grid is not None
    assert grid == [row[border:-border] for row in code.get_matrix()[border:-border]]
    assert read_qr(render(grid, 4)) == [text]


@pytest.mark.parametrize("png", [b"", b"not a png", None])
def test_what_is_not_a_code_gives_none(png: bytes | None) -> None:
    if png is None:
        buffer = io.BytesIO()
        Image.new("L", (50, 50), 255).save(buffer, format="PNG")
        png = buffer.getvalue()
    assert modules(png) is None
