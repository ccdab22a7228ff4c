"""QR codes as a phone would see them: unique content per attempt, drawn as a real PNG."""

from __future__ import annotations

import base64
import io
import secrets

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def new_pairing_text() -> str:
    """Content shaped like WhatsApp's multi-device pairing string: ref, then three keys."""
    keys = ",".join(base64.b64encode(secrets.token_bytes(32)).decode() for _ in range(3))
    return f"2@{secrets.token_urlsafe(36)},{keys}"


def png_data_url(text: str) -> str:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=6, border=4)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
