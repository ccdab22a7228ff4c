"""Recognising the three envelopes ZapFlare traffic arrives in.

- documented: ``{"event", "instance": {"instanceName", "instanceId"}, "data"}``
- Evolution v2: ``{"event", "instance": "name", "data", "destination", "date_time",
  "sender", "server_url", "apikey"}``
- flat: ``{"event", "instanceId", "timestamp", "data": {"messageId", "from", ...}}``
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from zapdesk.core.events import Envelope
from zapdesk.webhooks.coerce import JsonObject, nonempty, obj, timestamp

# Evolution also names events as constants ("MESSAGES_UPSERT") and sends its own spelling
# for a few; they mean the documented ones.
_ALIASES = {
    "send.message": "messages.upsert",
    "messages.set": "messages.upsert",
    "messages.edited": "messages.edited",
    "qrcode.update": "qrcode.updated",
    "contacts.upsert": "contacts.update",
    "contacts.set": "contacts.update",
}


def event_name(value: object) -> str:
    raw = nonempty(value) or ""
    name = raw.strip().lower().replace("_", ".").replace("-", ".")
    return _ALIASES.get(name, name)


def _iso_seconds(value: object) -> int | None:
    found = nonempty(value)
    if found is None:
        return timestamp(value)
    try:
        return int(datetime.fromisoformat(found.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return timestamp(found)


def read(payload: JsonObject) -> tuple[Envelope, Any]:
    """The envelope and the ``data`` it carries (possibly not an object)."""
    event = event_name(payload.get("event") or payload.get("type"))
    data = payload.get("data")
    instance = payload.get("instance")
    if isinstance(instance, dict):
        envelope = Envelope(event, nonempty(instance.get("instanceId") or instance.get("id")),
                            nonempty(instance.get("instanceName") or instance.get("name")),
                            "documented", _iso_seconds(payload.get("date_time")))
    elif isinstance(instance, str):
        inner = obj(data)
        envelope = Envelope(event, nonempty(payload.get("instanceId") or inner.get("instanceId")),
                            nonempty(instance), "evolution",
                            _iso_seconds(payload.get("date_time")))
    elif "instanceId" in payload:
        envelope = Envelope(event, nonempty(payload.get("instanceId")),
                            nonempty(payload.get("instanceName")), "flat",
                            timestamp(payload.get("timestamp")))
    else:
        envelope = Envelope(event, None, None, "unknown", None)
    return envelope, data


def is_flat_message(data: object) -> bool:
    """The flat variant's message: ``messageId`` and ``from``/``to`` instead of a Baileys key."""
    inner = obj(data)
    return "key" not in inner and "messageId" in inner and ("from" in inner or "to" in inner)
