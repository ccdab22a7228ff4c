"""Any webhook payload → an ``Envelope`` and core events; never an exception.

What is not understood becomes ``Unsupported`` (an event) or a message of kind
``unsupported`` (a message), and the caller keeps the raw payload for both.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from zapdesk.core.events import (
    ConnectionChange,
    ContactName,
    Edit,
    Envelope,
    Event,
    GroupSubject,
    Kind,
    Media,
    Message,
    Parsed,
    Presence,
    Quote,
    Reaction,
    Revoke,
    StatusChange,
    Tick,
    Unsupported,
)
from zapdesk.webhooks import content, envelope, identities
from zapdesk.webhooks.coerce import (
    JsonObject,
    chat_jid,
    flag,
    integer,
    nonempty,
    obj,
    phone_of,
    text,
    timestamp,
)

log = logging.getLogger(__name__)

_TICKS = {"error": Tick.FAILED, "failed": Tick.FAILED, "pending": Tick.PENDING,
          "server.ack": Tick.SENT, "sent": Tick.SENT, "delivery.ack": Tick.DELIVERED,
          "delivered": Tick.DELIVERED, "read": Tick.READ, "played": Tick.PLAYED}
_MAX_ITEMS = 5000  # items in one payload's list; the body limit bounds it anyway
_IGNORED = frozenset({"qrcode.updated", "application.startup", "instance.create"})


def tick(value: object) -> Tick | None:
    """A status as Baileys' number or Evolution's name ("DELIVERY_ACK", "read")."""
    number = integer(value)
    if number is not None and not isinstance(value, str | float):
        return Tick(number) if 0 <= number <= 5 else None
    word = (text(value) or "").strip().lower().replace("_", ".")
    if word.isdigit():
        return tick(int(word))
    return _TICKS.get(word)


def parse(payload: object) -> Parsed:
    """Never raises: a bug in a branch is logged and the payload kept as unsupported."""
    if not isinstance(payload, dict):
        return Parsed(Envelope("", None, None, "unknown"), (Unsupported("not an object"),))
    try:
        env, data = envelope.read(payload)
    except Exception:  # pragma: no cover - envelope.read only reads dicts and strings
        log.exception("webhook envelope could not be read")
        return Parsed(Envelope("", None, None, "unknown"), (Unsupported("envelope"),))
    try:
        events = tuple(_events(env, data, payload)) + identities.pairs(env.event, data)
    except Exception as exc:  # a shape nobody foresaw must not cost the payload
        log.exception("webhook %s could not be parsed", env.event or "?")
        events = (Unsupported(f"parser error: {type(exc).__name__}"),)
    return Parsed(env, events or (Unsupported(f"nothing in {env.event or 'payload'}"),))


def _items(data: object, plural: str) -> Iterator[JsonObject]:
    """``data`` as a list of objects: a list, ``{plural: [...]}`` or one object."""
    if isinstance(data, dict) and isinstance(data.get(plural), list):
        data = data[plural]
    if isinstance(data, dict):
        yield data
    elif isinstance(data, list):
        for item in data[:_MAX_ITEMS]:
            if isinstance(item, dict):
                yield item


def _events(env: Envelope, data: Any, payload: JsonObject) -> Iterator[Event]:
    name = env.event
    if not name:
        yield Unsupported("no event name")
    elif name == "messages.upsert":
        if envelope.is_flat_message(data):
            yield _flat_message(data, env)
        else:
            for item in _items(data, "messages"):
                yield _upsert(item, env)
    elif name == "messages.update":
        for item in _items(data, "updates"):
            yield from _update(item, env)
    elif name == "messages.edited":
        for item in _items(data, "messages"):
            yield from _edited(item, env)
    elif name == "messages.delete":
        yield from _delete(data, env)
    elif name == "contacts.update":
        for item in _items(data, "contacts"):
            yield from _contact(item)
    elif name in ("groups.upsert", "groups.update"):
        for item in _items(data, "groups"):
            jid, subject = nonempty(item.get("id")), nonempty(item.get("subject"))
            yield GroupSubject(jid, subject) if jid and subject else \
                Unsupported(f"{name} without id and subject")
    elif name == "presence.update":
        yield from _presence(obj(data))
    elif name == "connection.update":
        inner = obj(data)
        yield ConnectionChange(nonempty(inner.get("state")), nonempty(inner.get("status")),
                               phone_of(inner.get("wuid")))
    elif name in identities.ONLY_PAIRS:
        return  # identities only: read beside every event (``identities.pairs``)
    elif name in _IGNORED:
        yield ConnectionChange(None)  # understood; nothing to keep beyond the raw log
    else:
        yield Unsupported(f"event {name}")


def _sender(key: JsonObject, data: JsonObject, chat: str) -> tuple[str | None, str | None]:
    """The author's JID and phone; ``@lid`` authors get the phone the event gives beside."""
    group = chat.endswith("@g.us")
    jid = nonempty(key.get("participant")) or nonempty(data.get("participant"))
    if not group:
        jid = jid or chat
    phone = phone_of(jid)
    if phone is None:
        for alt in (key.get("participantPn"), key.get("participantAlt"), key.get("senderPn"),
                    data.get("senderPn"), None if group else key.get("remoteJidAlt")):
            phone = phone_of(alt)
            if phone:
                break
    return jid, phone


def _chat(key: JsonObject, data: JsonObject) -> str | None:
    """The conversation: ``@lid`` chats use the phone JID when the event gives it, so one
    person's messages do not split over two conversations."""
    remote = chat_jid(key.get("remoteJid") or data.get("remoteJid"))
    if remote and remote.endswith("@lid"):
        for alt in (key.get("remoteJidAlt"), key.get("senderPn"), data.get("senderPn")):
            phone = phone_of(alt)
            if phone:
                return f"{phone}@s.whatsapp.net"
    return remote


def _upsert(item: JsonObject, env: Envelope) -> Event:
    key = obj(item.get("key"))
    message_id, chat = nonempty(key.get("id")), _chat(key, item)
    if message_id is None or chat is None:
        return Unsupported("message without key.id or remoteJid")
    from_me = flag(key.get("fromMe"))
    at = timestamp(item.get("messageTimestamp")) or env.sent_at or 0
    found = content.read(item.get("message"))
    if found.reaction is not None:
        about, emoji, sent_ms = found.reaction
        sender = "" if from_me else (_sender(key, item, chat)[0] or chat)
        return Reaction(about.message_id, about.chat_jid or chat, sender, emoji, at, from_me,
                        sent_ms)
    if found.revoke is not None:
        return Revoke(found.revoke.message_id, found.revoke.chat_jid or chat, at)
    if found.edit is not None:
        about, said = found.edit
        return Edit(about.message_id, about.chat_jid or chat, said, at)
    assert found.kind is not None
    sender_jid, sender_phone = _sender(key, item, chat)
    return Message(
        id=message_id, chat_jid=chat, from_me=from_me, timestamp=at, kind=found.kind,
        sender_jid=None if from_me else sender_jid,
        sender_phone=None if from_me else sender_phone,
        sender_name=None if from_me else nonempty(item.get("pushName")),
        text=found.text, media=found.media, location=found.location, contacts=found.contacts,
        poll=found.poll, quote=found.quote or _data_quote(item), status=tick(item.get("status")),
        forwarded=found.forwarded, view_once=found.view_once, raw=found.raw,
        unsupported=found.unsupported)


def _data_quote(item: JsonObject) -> Quote | None:
    """Evolution repeats ``contextInfo`` beside the message; used when the body has none."""
    return content.quote(obj(item.get("contextInfo")))


_FLAT_KINDS = {k.value: k for k in Kind}
_FLAT_KINDS.update({"chat": Kind.TEXT, "conversation": Kind.TEXT, "ptt": Kind.AUDIO,
                    "voice": Kind.AUDIO, "file": Kind.DOCUMENT})


def _flat_message(data: JsonObject, env: Envelope) -> Event:
    message_id = nonempty(data.get("messageId"))
    from_me = flag(data.get("fromMe"))
    chat = chat_jid(data.get("chatId") or (data.get("to") if from_me else data.get("from")))
    if message_id is None or chat is None:
        return Unsupported("flat message without messageId or from/to")
    kind_word = (nonempty(data.get("type")) or "text").lower()
    kind = _FLAT_KINDS.get(kind_word.removesuffix("message"), Kind.UNSUPPORTED)
    media = None
    if kind not in (Kind.TEXT, Kind.UNSUPPORTED):
        media = Media(url=nonempty(data.get("mediaUrl") or data.get("url")),
                      mimetype=nonempty(data.get("mimetype")),
                      file_name=nonempty(data.get("fileName")),
                      size=integer(data.get("fileLength") or data.get("size")))
    said = text(data.get("text")) if data.get("text") is not None else \
        nonempty(data.get("caption") or data.get("body"))
    sender = None if from_me else chat_jid(data.get("participant") or data.get("from"))
    return Message(
        id=message_id, chat_jid=chat, from_me=from_me,
        timestamp=timestamp(data.get("timestamp")) or env.sent_at or 0, kind=kind,
        sender_jid=sender, sender_phone=phone_of(sender),
        sender_name=None if from_me else nonempty(data.get("pushName") or data.get("senderName")),
        text=said, media=media, status=tick(data.get("status")),
        unsupported=kind_word if kind is Kind.UNSUPPORTED else None,
        raw=None if kind is not Kind.UNSUPPORTED else repr(sorted(data.items()))[:20000])


def _update(item: JsonObject, env: Envelope) -> Iterator[Event]:
    """A status, an edit or a deletion of one message, in Baileys' ``{key, update}`` or
    Evolution's flattened ``{keyId, remoteJid, status, message}`` shape."""
    key = obj(item.get("key"))
    message_id = nonempty(key.get("id") or item.get("keyId") or item.get("messageId")
                          or item.get("id"))
    chat = _chat(key, item)
    update = obj(item.get("update"))
    if message_id is None:
        yield Unsupported("status update without a message id")
        return
    found = False
    said = update.get("status") if "status" in update else item.get("status")
    status = tick(said)
    if status is not None:
        found = True
        yield StatusChange(message_id, status, chat)
    edit = _update_edit(message_id, chat, update.get("message") if "message" in update
                        else item.get("message"),
                        timestamp(update.get("messageTimestamp")) or env.sent_at or 0)
    if edit is not None:
        found = True
        yield edit
    # Baileys reports a deletion as messageStubType REVOKE (1); Evolution as "DELETED".
    if integer(update.get("messageStubType")) == 1 or \
            (nonempty(said) or "").strip().upper() == "DELETED":
        found = True
        yield Revoke(message_id, chat, env.sent_at or 0)
    if not found:
        yield Unsupported("status update without a known status")


def _update_edit(message_id: str, chat: str | None, edited: object, at: int) -> Edit | None:
    """The new text an update carries: Baileys' ``{editedMessage: {message}}`` (the update's
    key already names the edited message) or a protocolMessage edit."""
    if not isinstance(edited, dict):
        return None
    said = content.read(edited)
    if said.edit is not None:
        return Edit(said.edit[0].message_id, said.edit[0].chat_jid or chat or "", said.edit[1],
                    at)
    if "editedMessage" in edited and said.kind not in (None, Kind.UNSUPPORTED) \
            and said.text is not None:
        return Edit(message_id, chat or "", said.text, at)
    return None


def _edited(item: JsonObject, env: Envelope) -> Iterator[Event]:
    """Evolution's ``messages.edited``: the protocolMessage itself (every protocolMessage,
    revokes included, since Evolution 2.3), or an upsert-shaped message whose content is one.

    The protocolMessage's key is the sender's: its ``remoteJid`` may be our own number, so
    ingest finds the target by message id only."""
    if "key" in item and "message" not in item:
        found = content.protocol(item)
        at = timestamp(item.get("timestampMs")) or env.sent_at or 0
        if found.edit is not None:
            yield Edit(found.edit[0].message_id, found.edit[0].chat_jid or "", found.edit[1], at)
        elif found.revoke is not None:
            yield Revoke(found.revoke.message_id, found.revoke.chat_jid, at)
        else:
            yield Unsupported(f"messages.edited: {found.unsupported}")
        return
    result = _upsert(item, env)
    if isinstance(result, Edit | Revoke | Unsupported):
        yield result
    elif isinstance(result, Message) and result.text is not None:
        yield Edit(result.id, result.chat_jid, result.text, result.timestamp)
    else:
        yield Unsupported("edit without text")


def _delete(data: Any, env: Envelope) -> Iterator[Event]:
    inner = obj(data)
    keys = inner.get("keys") if isinstance(inner.get("keys"), list) else [data]
    at = env.sent_at or 0
    for key in keys[:_MAX_ITEMS] if isinstance(keys, list) else []:
        about = content.target(obj(obj(key).get("key")) or key)
        if about is None:
            yield Unsupported("delete without a message id")
        else:
            yield Revoke(about.message_id, about.chat_jid, at)


def _contact(item: JsonObject) -> Iterator[Event]:
    jid = chat_jid(item.get("id") or item.get("remoteJid"))
    if jid is None:
        yield Unsupported("contact without id")
        return
    name = nonempty(item.get("notify") or item.get("pushName") or item.get("name")
                    or item.get("verifiedName"))
    if jid.endswith("@g.us") and name:
        yield GroupSubject(jid, name)
        return
    yield ContactName(jid, name, phone_of(jid))


def _presence(data: JsonObject) -> Iterator[Event]:
    chat = chat_jid(data.get("id"))
    presences = obj(data.get("presences"))
    if chat is None or not presences:
        yield Unsupported("presence without id or presences")
        return
    for participant, state in list(presences.items())[:_MAX_ITEMS]:
        word = nonempty(obj(state).get("lastKnownPresence"))
        if word:
            yield Presence(chat, chat_jid(participant) or participant, word)
