"""What a webhook means, whatever envelope it came in: plain values, no Qt, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class Kind(StrEnum):
    TEXT = "text"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    DOCUMENT = "document"
    STICKER = "sticker"
    LOCATION = "location"
    CONTACT = "contact"
    POLL = "poll"
    UNSUPPORTED = "unsupported"  # kept raw, shown as "unsupported message"


MEDIA_KINDS = frozenset({Kind.IMAGE, Kind.VIDEO, Kind.AUDIO, Kind.DOCUMENT, Kind.STICKER})


class Tick(IntEnum):
    """Delivery state, numbered as Baileys numbers it so that "forward" is "greater"."""

    FAILED = 0  # Baileys' ERROR
    PENDING = 1
    SENT = 2  # SERVER_ACK
    DELIVERED = 3  # DELIVERY_ACK
    READ = 4
    PLAYED = 5


@dataclass(frozen=True)
class Envelope:
    event: str  # normalised: "messages.upsert", whatever case or separator was sent
    instance_id: str | None
    instance_name: str | None
    shape: str  # "documented", "evolution", "flat" or "unknown"
    sent_at: int | None = None  # seconds since the epoch, when the sender said


@dataclass(frozen=True)
class Media:
    url: str | None = None
    mimetype: str | None = None
    file_name: str | None = None
    size: int | None = None  # bytes
    seconds: int | None = None  # audio and video
    thumbnail: str | None = None  # base64 JPEG/PNG/WebP preview, when one came with it
    voice: bool = False  # a push-to-talk voice note


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None
    live: bool = False


@dataclass(frozen=True)
class ContactCard:
    name: str
    phone: str | None = None  # digits, from the vCard's waid or TEL
    vcard: str | None = None


@dataclass(frozen=True)
class Poll:
    question: str
    options: tuple[str, ...]
    selectable: int = 1


@dataclass(frozen=True)
class Quote:
    message_id: str
    sender_jid: str | None = None
    text: str | None = None  # what the quoted message said, when the event carries it


@dataclass(frozen=True)
class Message:
    id: str
    chat_jid: str  # the conversation: a contact's JID or a group's @g.us
    from_me: bool
    timestamp: int  # seconds since the epoch
    kind: Kind
    sender_jid: str | None = None  # the author inside a group
    sender_phone: str | None = None  # digits, also for @lid senders when the event says
    sender_name: str | None = None  # pushName
    text: str | None = None  # the text, or a media item's caption
    media: Media | None = None
    location: Location | None = None
    contacts: tuple[ContactCard, ...] = ()
    poll: Poll | None = None
    quote: Quote | None = None
    status: Tick | None = None
    forwarded: bool = False
    view_once: bool = False
    raw: str | None = None  # the content as JSON, for what could not be understood
    unsupported: str | None = None  # which content key was not understood


@dataclass(frozen=True)
class StatusChange:
    message_id: str
    status: Tick
    chat_jid: str | None = None


@dataclass(frozen=True)
class Reaction:
    target_id: str
    chat_jid: str
    sender_jid: str  # "" for the instance's own reactions
    emoji: str  # "" when the reaction was removed
    timestamp: int
    from_me: bool = False
    sent_ms: int | None = None  # the reacting phone's clock: orders one sender's reactions


@dataclass(frozen=True)
class Edit:
    target_id: str
    chat_jid: str
    text: str
    timestamp: int


@dataclass(frozen=True)
class Revoke:
    target_id: str
    chat_jid: str | None
    timestamp: int


@dataclass(frozen=True)
class ContactName:
    jid: str
    name: str | None
    phone: str | None = None


@dataclass(frozen=True)
class GroupSubject:
    jid: str
    subject: str


@dataclass(frozen=True)
class Presence:
    chat_jid: str
    participant_jid: str
    presence: str  # "available", "unavailable", "composing", "recording", "paused"


@dataclass(frozen=True)
class ConnectionChange:
    state: str | None  # "open", "connecting", "close"
    status: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class IdentityPair:
    """A payload showed that a ``@lid`` and a phone number are the same person."""

    lid: str  # the full JID, "184467440737095@lid"
    phone: str  # digits


@dataclass(frozen=True)
class Unsupported:
    """Something the parser did not understand: the raw payload is kept, not dropped."""

    reason: str


Event = (Message | StatusChange | Reaction | Edit | Revoke | ContactName | GroupSubject
         | Presence | ConnectionChange | IdentityPair | Unsupported)


@dataclass(frozen=True)
class Parsed:
    envelope: Envelope
    events: tuple[Event, ...] = field(default=())

    @property
    def unsupported(self) -> bool:
        return any(isinstance(e, Unsupported) for e in self.events) or not self.events
