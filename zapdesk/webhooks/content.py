"""A Baileys ``message`` object → what it says: kind, text, media, quote, reaction, edit or
revoke. Wrappers are opened first; a content key nobody knows is reported, not guessed."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from zapdesk.core.events import ContactCard, Kind, Location, Media, Poll, Quote
from zapdesk.webhooks.coerce import (
    JsonObject,
    chat_jid,
    flag,
    integer,
    nonempty,
    number,
    obj,
    text,
)

# Containers whose ``message`` holds the real content.
_WRAPPERS = ("ephemeralMessage", "viewOnceMessage", "viewOnceMessageV2",
             "viewOnceMessageV2Extension", "documentWithCaptionMessage", "editedMessage",
             "deviceSentMessage", "futureProofMessage", "groupMentionedMessage")
# Keys that ride beside the content and are not content themselves.
_BESIDE = frozenset({"messageContextInfo", "senderKeyDistributionMessage", "base64",
                     "mediaUrl", "messageSecret"})
_MEDIA = {"imageMessage": Kind.IMAGE, "videoMessage": Kind.VIDEO, "ptvMessage": Kind.VIDEO,
          "audioMessage": Kind.AUDIO, "documentMessage": Kind.DOCUMENT,
          "stickerMessage": Kind.STICKER}
_POLLS = ("pollCreationMessage", "pollCreationMessageV2", "pollCreationMessageV3")
_REPLIES = {"buttonsResponseMessage": ("selectedDisplayText",),
            "templateButtonReplyMessage": ("selectedDisplayText",),
            "listResponseMessage": ("title", "description")}
_MAX_DEPTH = 8
_MAX_INLINE_PREVIEW = 1_500_000  # characters of base64 kept as a picture preview
_WAID = re.compile(r"waid=(\d{7,15})")
_TEL = re.compile(r"^TEL[^:\n]*:([+\d\s().-]{7,25})$", re.MULTILINE)
# ProtocolMessage.Type, by number or by name (protobufjs' toJSON writes enum names). REVOKE is
# 0, the proto3 default, so a serialised revoke usually has no ``type`` at all (None here).
_REVOKE_TYPES = {None, 0, "REVOKE"}
_EDIT_TYPES = {14, "MESSAGE_EDIT"}


@dataclass(frozen=True)
class Target:
    """The message a reaction, edit or revoke is about."""

    message_id: str
    chat_jid: str | None
    from_me: bool
    participant: str | None


@dataclass
class Content:
    kind: Kind | None = None  # None: not a chat message (reaction, edit, revoke, protocol)
    text: str | None = None
    media: Media | None = None
    location: Location | None = None
    contacts: tuple[ContactCard, ...] = ()
    poll: Poll | None = None
    quote: Quote | None = None
    forwarded: bool = False
    view_once: bool = False
    reaction: tuple[Target, str, int | None] | None = None  # target, emoji ("" removed), ms
    edit: tuple[Target, str] | None = None
    revoke: Target | None = None
    unsupported: str | None = None  # the content key that was not understood
    raw: str | None = field(default=None, repr=False)


def unwrap(message: JsonObject) -> tuple[JsonObject, bool]:
    """The innermost content object, and whether a view-once wrapper was passed."""
    view_once = False
    for _ in range(_MAX_DEPTH):
        for wrapper in _WRAPPERS:
            inner = obj(obj(message.get(wrapper)).get("message"))
            if inner:
                view_once = view_once or wrapper.startswith("viewOnce")
                message = inner
                break
        else:
            return message, view_once
    return message, view_once


def read(message: object, *, depth: int = 0) -> Content:
    outer = obj(message)
    inner, view_once = unwrap(outer)
    keys = [k for k in inner if k not in _BESIDE]
    if not keys:
        return _unsupported(outer, "empty")
    key = keys[0]
    body = obj(inner.get(key))
    if key == "conversation":
        found = Content(Kind.TEXT, text=text(inner.get(key)) or "")
    elif key == "extendedTextMessage":
        found = Content(Kind.TEXT, text=text(body.get("text")) or "")
    elif key in _MEDIA:
        found = _media(key, body, outer)
    elif key in ("locationMessage", "liveLocationMessage"):
        found = _location(key, body)
    elif key in ("contactMessage", "contactsArrayMessage"):
        found = _contacts(key, body)
    elif key in _POLLS:
        found = _poll(key, body)
    elif key in _REPLIES:
        found = _reply(key, body)
    elif key == "interactiveResponseMessage":
        found = Content(Kind.TEXT, text=text(obj(body.get("body")).get("text")) or "")
    elif key == "reactionMessage":
        found = _reaction(body)
    elif key == "protocolMessage":
        found = protocol(body, depth)
    else:
        found = _unsupported(outer, key)
    if found.kind is None or found.unsupported is not None:
        return found
    context = obj(body.get("contextInfo"))
    found.quote = quote(context, depth)
    found.forwarded = flag(context.get("isForwarded"))
    found.view_once = view_once or flag(body.get("viewOnce"))
    return found


def _unsupported(message: JsonObject, key: str) -> Content:
    return Content(Kind.UNSUPPORTED, unsupported=key,
                   raw=json.dumps(message, ensure_ascii=False, sort_keys=True, default=str))


def _media(key: str, body: JsonObject, outer: JsonObject) -> Content:
    kind = _MEDIA[key]
    mimetype = nonempty(body.get("mimetype"))
    preview = nonempty(body.get("jpegThumbnail"))
    inline = nonempty(outer.get("base64"))  # Evolution's "webhook base64" option
    if preview is None and inline and kind in (Kind.IMAGE, Kind.STICKER) \
            and len(inline) <= _MAX_INLINE_PREVIEW:
        preview = inline
    media = Media(
        url=nonempty(outer.get("mediaUrl")) or nonempty(body.get("url")),
        mimetype=mimetype,
        file_name=nonempty(body.get("fileName")) or nonempty(body.get("title"))
        if kind is Kind.DOCUMENT else nonempty(body.get("fileName")),
        size=integer(body.get("fileLength")),
        seconds=integer(body.get("seconds")),
        thumbnail=preview,
        voice=flag(body.get("ptt")),
    )
    return Content(kind, text=nonempty(body.get("caption")), media=media)


def _location(key: str, body: JsonObject) -> Content:
    latitude, longitude = number(body.get("degreesLatitude")), number(body.get("degreesLongitude"))
    if latitude is None or longitude is None:
        return _unsupported({key: body}, key)
    place = Location(latitude, longitude, nonempty(body.get("name")),
                     nonempty(body.get("address")), live=key == "liveLocationMessage")
    return Content(Kind.LOCATION, text=nonempty(body.get("caption")), location=place)


def vcard_phone(vcard: str | None) -> str | None:
    if not vcard:
        return None
    match = _WAID.search(vcard) or _TEL.search(vcard)
    if match is None:
        return None
    digits = "".join(ch for ch in match.group(1) if ch.isdigit())
    return digits or None


def _card(body: JsonObject) -> ContactCard:
    vcard = nonempty(body.get("vcard"))
    name = nonempty(body.get("displayName"))
    if name is None and vcard:
        found = re.search(r"^FN[^:\n]*:(.+)$", vcard, re.MULTILINE)
        name = found.group(1).strip() if found else None
    return ContactCard(name or "", vcard_phone(vcard), vcard)


def _contacts(key: str, body: JsonObject) -> Content:
    if key == "contactMessage":
        cards: tuple[ContactCard, ...] = (_card(body),)
    else:
        listed = body.get("contacts")
        cards = tuple(_card(obj(c)) for c in listed if isinstance(c, dict)) \
            if isinstance(listed, list) else ()
    return Content(Kind.CONTACT, text=nonempty(body.get("displayName")), contacts=cards)


def _poll(key: str, body: JsonObject) -> Content:
    listed = body.get("options")
    options = tuple(name for o in listed if (name := nonempty(obj(o).get("optionName"))))\
        if isinstance(listed, list) else ()
    question = nonempty(body.get("name")) or ""
    return Content(Kind.POLL, text=question,
                   poll=Poll(question, options, integer(body.get("selectableOptionsCount")) or 1))


def _reply(key: str, body: JsonObject) -> Content:
    for name in _REPLIES[key]:
        found = nonempty(body.get(name))
        if found:
            return Content(Kind.TEXT, text=found)
    return Content(Kind.TEXT, text=nonempty(obj(body.get("singleSelectReply"))
                                            .get("selectedRowId")) or "")


def target(key: object) -> Target | None:
    found = obj(key)
    message_id = nonempty(found.get("id"))
    if message_id is None:
        return None
    return Target(message_id, chat_jid(found.get("remoteJid")), flag(found.get("fromMe")),
                  nonempty(found.get("participant")))


def _reaction(body: JsonObject) -> Content:
    about = target(body.get("key"))
    if about is None:
        return _unsupported({"reactionMessage": body}, "reactionMessage")
    emoji = text(body.get("text")) or ""
    sent_ms = integer(body.get("senderTimestampMs"))
    return Content(reaction=(about, emoji, sent_ms if sent_ms and sent_ms > 0 else None))


def protocol(body: JsonObject, depth: int = 0) -> Content:
    """A ``protocolMessage``: a revoke, an edit, or protocol noise kept as unsupported."""
    kind = body.get("type")
    kind = integer(kind) if integer(kind) is not None else nonempty(kind)
    about = target(body.get("key"))
    edited = body.get("editedMessage")
    if about is not None and isinstance(edited, dict) and (kind in _EDIT_TYPES or kind is None) \
            and depth < _MAX_DEPTH:
        said = read(edited, depth=depth + 1)
        if said.text is not None:
            return Content(edit=(about, said.text))
    elif about is not None and kind in _REVOKE_TYPES:
        return Content(revoke=about)
    return _unsupported({"protocolMessage": body}, f"protocolMessage:{kind}")


def quote(context: JsonObject, depth: int = 0) -> Quote | None:
    message_id = nonempty(context.get("stanzaId"))
    if message_id is None:
        return None
    quoted = context.get("quotedMessage")
    said = None
    if isinstance(quoted, dict) and depth < _MAX_DEPTH:
        inner = read(quoted, depth=depth + 1)
        said = inner.text if inner.kind is not Kind.UNSUPPORTED else None
        if said is None and inner.media is not None:
            said = inner.media.file_name
    return Quote(message_id, nonempty(context.get("participant")), said)
