"""From the server's JSON to core values: tolerant of the published variants, strict where a
wrong value would mislead the operator (a QR code that is not a PNG)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import math
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from zapdesk.core.errors import UnexpectedResponse
from zapdesk.core.models import STATUS_ALIASES, Instance, QrCode, RateLimit, SentMessage

log = logging.getLogger(__name__)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_DATA_URL = "data:image/png;base64,"


def _text(data: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def timestamp(value: object) -> datetime | None:
    """ISO 8601 (with Z or an offset), or epoch seconds/milliseconds; None when unreadable."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def phone(value: str | None) -> str | None:
    if not value:
        return None
    digits = "".join(ch for ch in value.split("@", 1)[0] if ch.isdigit())
    return "+" + digits if digits else None


def qr_code(value: object) -> QrCode:
    if isinstance(value, str):  # some deployments send the data URL alone
        value = {"base64": value}
    if not isinstance(value, Mapping):
        raise UnexpectedResponse("qrCode is neither an object nor a string")
    data_url = value.get("base64")
    if not isinstance(data_url, str) or not data_url[:len(_DATA_URL)].lower() == _DATA_URL:
        raise UnexpectedResponse("the QR code is not a PNG data URL")
    try:
        png = base64.b64decode(data_url[len(_DATA_URL):], validate=True)
    except (binascii.Error, ValueError):
        raise UnexpectedResponse("the QR code's base64 is damaged") from None
    if not png.startswith(PNG_SIGNATURE):
        raise UnexpectedResponse("the QR code is not a PNG image")
    attempt_id = _text(value, "attemptId") or "sha256:" + hashlib.sha256(png).hexdigest()[:16]
    expiry_raw = value.get("expiry")
    try:
        expiry = float(expiry_raw) if expiry_raw is not None else 20.0
    except (TypeError, ValueError):
        expiry = 20.0
    if not math.isfinite(expiry) or expiry < 0:
        expiry = 20.0
    return QrCode(png=png, attempt_id=attempt_id, expiry=expiry,
                  expires_at=timestamp(value.get("expiresAt")))


def instance(data: object) -> Instance:
    if not isinstance(data, Mapping):
        raise UnexpectedResponse("an instance is not a JSON object")
    instance_id = _text(data, "id", "instanceId")
    if instance_id is None:
        raise UnexpectedResponse("an instance has no id")
    status = _text(data, "status") or "unknown"
    status = STATUS_ALIASES.get(status, status)
    qr, problem = None, None
    raw_qr = data.get("qrCode")
    if raw_qr:
        try:
            qr = qr_code(raw_qr)
        except UnexpectedResponse as exc:
            problem = exc.detail
    active = data.get("active")
    return Instance(
        id=instance_id,
        name=_text(data, "name", "instanceName") or instance_id,
        status=status,
        phone=phone(_text(data, "phone", "phoneNumber", "number", "ownerJid")),
        webhook_url=_text(data, "webhookUrl", "webhook"),
        active=active if isinstance(active, bool) else None,
        integration=_text(data, "integration"),
        profile_pic_url=_text(data, "profilePicUrl", "profilePictureUrl"),
        created_at=timestamp(data.get("createdAt")),
        updated_at=timestamp(data.get("updatedAt")),
        qr=qr,
        qr_problem=problem,
    )


def instances(data: object) -> list[Instance]:
    if isinstance(data, Mapping):  # a wrapped list, as some gateways answer
        data = data.get("instances", data.get("items"))
    if not isinstance(data, list):
        raise UnexpectedResponse("the instance list is not a list")
    found = []
    for item in data:
        try:
            found.append(instance(item))
        except UnexpectedResponse as exc:  # one bad row must not hide the others
            log.warning("skipping an unreadable instance in the list: %s", exc.detail)
    return found


def sent_message(data: object, to: str) -> SentMessage:
    if not isinstance(data, Mapping):
        data = {}
    key = data.get("key")
    key_id = _text(key, "id") if isinstance(key, Mapping) else None
    return SentMessage(id=_text(data, "id", "messageId") or key_id,
                       status=_text(data, "status") or "queued", to=to)


def plan(data: object) -> str | None:
    """The tenant's plan name, lower case, when a login answer carries one [not documented]."""
    if not isinstance(data, Mapping):
        return None
    for holder in (data, data.get("user"), data.get("tenant")):
        if isinstance(holder, Mapping) and isinstance(holder.get("plan"), str):
            return str(holder["plan"]).lower()
    return None


def rate_limit(headers: Mapping[str, str]) -> RateLimit | None:
    def number(name: str) -> int | None:
        try:
            return int(float(headers[name]))
        except (KeyError, ValueError):
            return None

    limit, remaining = number("X-RateLimit-Limit"), number("X-RateLimit-Remaining")
    if limit is None or remaining is None:
        return None
    reset = number("X-RateLimit-Reset")
    return RateLimit(limit=limit, remaining=remaining,
                     reset=float(reset) if reset is not None else time.time(),
                     window=number("X-RateLimit-Window"))


def retry_after(headers: Mapping[str, str], now: float) -> float:
    """Seconds until a rate-limited call may be made again: X-RateLimit-Reset (epoch
    seconds) first, then Retry-After, then a cautious second."""
    try:
        return max(0.0, float(headers["X-RateLimit-Reset"]) - now)
    except (KeyError, ValueError):
        pass
    try:
        return max(0.0, float(headers["Retry-After"]))
    except (KeyError, ValueError):
        return 1.0
