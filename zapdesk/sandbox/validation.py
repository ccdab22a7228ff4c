"""Input rules of the ZapFlare contract, enforced the way the hosted service does."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from zapdesk.sandbox.errors import invalid

NAME_MIN, NAME_MAX = 3, 50
TEXT_MAX = 65_536
CAPTION_MAX = 1_024
MEDIA_TYPES = ("image", "video", "audio", "document")
PLANS = {"starter": 1, "pro": 5, "enterprise": 50}

_DIGITS = re.compile(r"[0-9]{10,15}")


def instance_name(value: object) -> str:
    if not isinstance(value, str):
        raise invalid("name", "name is required and must be a string")
    name = value.strip()
    if not NAME_MIN <= len(name) <= NAME_MAX:
        raise invalid(
            "name", f"name must have {NAME_MIN} to {NAME_MAX} characters (got {len(name)})"
        )
    return name


def http_url(field: str, value: object, *, optional: bool) -> str | None:
    if value is None or (optional and value == ""):
        if optional:
            return None
        raise invalid(field, f"{field} is required")
    if not isinstance(value, str):
        raise invalid(field, f"{field} must be a string")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise invalid(field, f"{field} must be an absolute http(s) URL")
    return value.strip()


def recipient(value: object) -> str:
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        raise invalid("to", "to must be the country code and number, digits only (10-15 digits)")
    if value.startswith("0"):
        raise invalid("to", "to must start with the country code, not 0")
    return value


def message_text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise invalid("message", "message is required and must not be empty")
    if len(value) > TEXT_MAX:
        raise invalid("message", f"message is longer than {TEXT_MAX} characters")
    return value


def media_type(value: object) -> str:
    if value not in MEDIA_TYPES:
        raise invalid("mediaType", "mediaType must be one of " + ", ".join(MEDIA_TYPES))
    assert isinstance(value, str)
    return value


def caption(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid("caption", "caption must be a string")
    if len(value) > CAPTION_MAX:
        raise invalid("caption", f"caption is longer than {CAPTION_MAX} characters")
    return value


def plan(value: object) -> str:
    if not isinstance(value, str) or value.lower() not in PLANS:
        raise invalid("plan", "plan must be one of " + ", ".join(PLANS))
    return value.lower()


def required_string(field: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise invalid(field, f"{field} is required")
    return value
