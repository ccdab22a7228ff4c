"""Small pictures the simulated side serves: profile avatars and image thumbnails."""

from __future__ import annotations

import base64
import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

_PALETTE = [(37, 211, 102), (18, 140, 126), (52, 183, 241), (236, 124, 48), (165, 94, 234),
            (233, 69, 96)]


def _colour(seed: str) -> tuple[int, int, int]:
    return _PALETTE[hashlib.sha256(seed.encode()).digest()[0] % len(_PALETTE)]


def avatar_png(seed: str, initial: str, size: int = 96) -> bytes:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=_colour(seed))
    font = ImageFont.load_default(size=size // 2)
    draw.text((size / 2, size / 2), initial[:1].upper() or "?", fill="white", font=font,
              anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def thumbnail_jpeg_b64(seed: str, size: int = 48) -> str:
    """A tiny JPEG like the ``jpegThumbnail`` WhatsApp puts inside image messages."""
    image = Image.new("RGB", (size, size), _colour(seed))
    ImageDraw.Draw(image).rectangle((size // 4, size // 4, 3 * size // 4, 3 * size // 4),
                                    fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70)
    return base64.b64encode(buffer.getvalue()).decode("ascii")
