"""The contract's input rules, checked before anything leaves the workstation.

The same functions serve the client (refuse before sending) and the UI (validate as the
operator types), so both always agree with each other and with the server.
"""

from __future__ import annotations

import ipaddress
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from zapdesk.core.errors import InvalidInput, InvalidMessage, InvalidName, InvalidUrl

NAME_MIN, NAME_MAX = 3, 50
TEXT_MAX = 65_536
MEDIA_TYPES = ("image", "video", "audio", "document")

_EXTENSIONS = {
    "image": {".jpg", ".jpeg", ".png", ".webp", ".gif"},
    "video": {".mp4", ".3gp", ".mov", ".m4v"},
    "audio": {".mp3", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".amr", ".wav"},
}


def instance_name(value: str) -> str:
    name = value.strip()
    if not NAME_MIN <= len(name) <= NAME_MAX:
        raise InvalidName(f"name has {len(name)} characters", field="name", min=NAME_MIN,
                          max=NAME_MAX, length=len(name))
    return name


def http_url(value: str, *, field: str) -> str:
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidUrl(url or "(empty)", field=field)
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise InvalidUrl(url, field=field) from None
    return url


def optional_http_url(value: str | None, *, field: str) -> str | None:
    if value is None or not value.strip():
        return None
    return http_url(value, field=field)


def message_text(value: str) -> str:
    if not value.strip() or len(value) > TEXT_MAX:
        raise InvalidMessage(f"message has {len(value)} characters", field="message",
                             max=TEXT_MAX, length=len(value))
    return value


def media_type_for(url: str) -> str:
    """The contract's media type for a URL, from its extension; anything else is a document."""
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    for kind, suffixes in _EXTENSIONS.items():
        if suffix in suffixes:
            return kind
    return "document"


def media_type(value: str) -> str:
    if value not in MEDIA_TYPES:
        raise InvalidInput(f"mediaType must be one of {', '.join(MEDIA_TYPES)}",
                           field="mediaType")
    return value


def is_loopback_url(url: str | None) -> bool:
    """Whether ``url`` points at this computer (127.0.0.0/8, ::1 or localhost).

    The sandbox keeps its own copy: it imports nothing from the client layers.
    """
    host = urlsplit(url or "").hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
