"""Reading values the way real webhook traffic writes them: numbers as strings, Long
timestamps as ``{low, high}``, booleans as words; anything else becomes None, never an
exception."""

from __future__ import annotations

import math
from typing import Any

JsonObject = dict[str, Any]

_MAX_SECONDS = 32_503_680_000  # year 3000: beyond it a "timestamp" is milliseconds or junk


def obj(value: object) -> JsonObject:
    """``value`` if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) and math.isfinite(value):
        return str(int(value)) if float(value).is_integer() else str(value)
    return None


def nonempty(value: object) -> str | None:
    found = text(value)
    return found if found and found.strip() else None


def integer(value: object) -> int | None:
    """42, 42.0, "42" and ``{"low": 42, "high": 0}`` are 42."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.lstrip("-").isdigit() and len(stripped) < 40:
            return int(stripped)
        try:
            number = float(stripped)
        except ValueError:
            return None
        return int(number) if math.isfinite(number) else None
    if isinstance(value, dict) and "low" in value:
        low, high = integer(value.get("low")), integer(value.get("high", 0))
        if low is None or high is None:
            return None
        return (high << 32) + (low & 0xFFFFFFFF)
    return None


def number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            found = float(value)
        except ValueError:
            return None
        return found if math.isfinite(found) else None
    return None


def timestamp(value: object) -> int | None:
    """Seconds since the epoch from seconds, milliseconds, strings or ``{low, high}``."""
    seconds = integer(value)
    if seconds is None or seconds <= 0:
        return None
    while seconds > _MAX_SECONDS:  # milliseconds (or microseconds) since the epoch
        seconds //= 1000
    return seconds


def flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    if isinstance(value, int | float):
        return value == 1
    return False


def phone_of(jid: object) -> str | None:
    """The digits of a phone JID (``5511…@s.whatsapp.net``, with or without ``:device``);
    None for groups, ``@lid`` and anything else."""
    found = text(jid)
    if not found:
        return None
    user, _, server = found.partition("@")
    if server not in ("s.whatsapp.net", "c.us", ""):
        return None
    digits = user.split(":", 1)[0].lstrip("+")
    return digits if digits.isdigit() and 7 <= len(digits) <= 15 else None


def chat_jid(value: object) -> str | None:
    """A JID as conversations are keyed: bare numbers and ``@c.us`` become
    ``@s.whatsapp.net``, device suffixes go; other servers pass through."""
    found = nonempty(value)
    if found is None:
        return None
    found = found.strip()
    user, at, server = found.partition("@")
    if not at:
        digits = user.lstrip("+")
        return f"{digits}@s.whatsapp.net" if digits.isdigit() else found
    if server in ("s.whatsapp.net", "c.us"):
        return f"{user.split(':', 1)[0]}@s.whatsapp.net"
    return found
