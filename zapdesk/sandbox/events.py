"""Webhook payloads in the documented envelope with Baileys-shaped ``data``.

ZapFlare runs Evolution API v2 on Baileys; the shapes below follow what that stack emits
for each event, so the client's parser is exercised against realistic traffic.
"""

from __future__ import annotations

import mimetypes
from typing import Any
from urllib.parse import urlsplit

JsonObject = dict[str, Any]

# Baileys' WebMessageInfo status numbers, and the names Evolution sends beside them.
STATUS_NUMBERS = {"ERROR": 0, "PENDING": 1, "SERVER_ACK": 2, "DELIVERY_ACK": 3, "READ": 4}

_MEDIA_KEYS = {
    "image": "imageMessage",
    "video": "videoMessage",
    "audio": "audioMessage",
    "document": "documentMessage",
}
_DEFAULT_MIME = {
    "image": "image/jpeg",
    "video": "video/mp4",
    "audio": "audio/ogg; codecs=opus",
    "document": "application/pdf",
}


def envelope(event: str, instance_id: str, instance_name: str, data: object) -> JsonObject:
    return {
        "event": event,
        "instance": {"instanceName": instance_name, "instanceId": instance_id},
        "data": data,
    }


def user_jid(number: str) -> str:
    return f"{number}@s.whatsapp.net"


def message_key(remote_jid: str, message_id: str, *, from_me: bool, participant: str | None
                ) -> JsonObject:
    key: JsonObject = {"remoteJid": remote_jid, "fromMe": from_me, "id": message_id}
    if participant is not None:
        key["participant"] = participant
    return key


def text_content(text: str, *, extended: bool) -> tuple[str, JsonObject]:
    if extended:
        return "extendedTextMessage", {"extendedTextMessage": {"text": text}}
    return "conversation", {"conversation": text}


def media_content(
    kind: str,
    url: str,
    caption: str | None,
    *,
    file_name: str | None = None,
    thumbnail_b64: str | None = None,
) -> tuple[str, JsonObject]:
    key = _MEDIA_KEYS[kind]
    path = urlsplit(url).path
    mime = mimetypes.guess_type(path)[0] or _DEFAULT_MIME[kind]
    body: JsonObject = {"url": url, "mimetype": mime, "fileLength": "0"}
    if caption:
        body["caption"] = caption
    if kind in ("audio", "video"):
        body["seconds"] = 7
    if kind == "audio":
        body["ptt"] = mime.startswith("audio/ogg")
    if kind == "document":
        body["fileName"] = file_name or path.rsplit("/", 1)[-1] or "document"
        body["title"] = body["fileName"]
    if thumbnail_b64 and kind in ("image", "video"):
        body["jpegThumbnail"] = thumbnail_b64
    return key, {key: body}


def message_upsert(
    key: JsonObject,
    *,
    push_name: str | None,
    message_type: str,
    content: JsonObject,
    timestamp: int,
    status: str,
) -> JsonObject:
    data: JsonObject = {
        "key": key,
        "message": content,
        "messageType": message_type,
        "messageTimestamp": timestamp,
        "status": status,
    }
    if push_name is not None:
        data["pushName"] = push_name
    return data


def message_update(key: JsonObject, status: str, timestamp: int) -> JsonObject:
    return {
        "key": key,
        "keyId": key["id"],
        "remoteJid": key["remoteJid"],
        "fromMe": key["fromMe"],
        "status": status,
        "update": {"status": STATUS_NUMBERS[status]},
        "messageTimestamp": timestamp,
    }


def connection_update(
    instance_name: str, status: str, *, phone: str | None, reason: int, profile_name: str | None
) -> JsonObject:
    state = {"connected": "open", "created": "connecting", "qr": "connecting"}.get(status, "close")
    data: JsonObject = {
        "instance": instance_name,
        "state": state,
        "status": status,
        "statusReason": reason,
    }
    if phone:
        data["wuid"] = user_jid(phone.lstrip("+"))
    if profile_name:
        data["profileName"] = profile_name
    return data


def qrcode_updated(attempt_id: str, base64_png: str, expiry: int) -> JsonObject:
    return {"qrcode": {"attemptId": attempt_id, "base64": base64_png, "expiry": expiry}}


def presence_update(jid: str, presence: str, participant: str | None = None) -> JsonObject:
    return {"id": jid, "presences": {participant or jid: {"lastKnownPresence": presence}}}


def contacts_update(jid: str, push_name: str) -> list[JsonObject]:
    return [{"id": jid, "notify": push_name}]


def group_metadata(group_jid: str, subject: str, owner: str, members: list[str],
                   created: int) -> JsonObject:
    return {
        "id": group_jid,
        "subject": subject,
        "owner": owner,
        "creation": created,
        "size": len(members) + 1,
        "participants": [{"id": owner, "admin": "superadmin"}]
        + [{"id": user_jid(m), "admin": None} for m in members],
    }
