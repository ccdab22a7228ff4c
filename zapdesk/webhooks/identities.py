"""Which ``@lid`` is which phone number, from every field of a payload that tells.

WhatsApp names people by a private LID in more and more chats; senders add the number
beside it when they know it:
- Baileys 7 message keys: ``remoteJid``/``remoteJidAlt`` (one a LID, the other a number,
  whichever the addressing mode made primary), ``participant``/``participantAlt`` in groups;
- Baileys 6.7 and Evolution v2 keys: ``senderPn``, ``participantPn`` (beside
  ``senderLid``/``participantLid``);
- contacts: Baileys' ``Contact`` (``id`` either kind, ``lid``, ``jid``, ``phoneNumber``);
- Evolution's ``chats.set`` (``remoteJid`` with ``remoteLid``); Baileys'
  ``chats.phoneNumberShare`` (``lid``, ``jid``).
"""

from __future__ import annotations

from collections.abc import Iterator

from zapdesk.core.events import IdentityPair
from zapdesk.webhooks.coerce import JsonObject, nonempty, obj, phone_of

# Events that carry nothing but identities (and names); understood, never "unsupported".
ONLY_PAIRS = frozenset({"chats.set", "chats.phonenumbershare"})
_MAX_ITEMS = 5000


def lid_of(value: object) -> str | None:
    """``184467440737095@lid`` (a device suffix dropped), or None."""
    found = nonempty(value)
    if found is None:
        return None
    user, at, server = found.strip().partition("@")
    user = user.split(":", 1)[0]
    return f"{user}@lid" if at and server == "lid" and user.isdigit() else None


def pair(first: object, second: object) -> IdentityPair | None:
    """The pair when one side is a LID and the other a phone JID (either order)."""
    for lid_side, phone_side in ((first, second), (second, first)):
        lid, phone = lid_of(lid_side), phone_of(phone_side)
        if lid and phone:
            return IdentityPair(lid, phone)
    return None


def pairs(event: str, data: object) -> tuple[IdentityPair, ...]:
    found: dict[str, IdentityPair] = {}
    for item in _objects(data):
        for candidate in _in_item(event, item):
            if candidate is not None:
                found[candidate.lid] = candidate
    return tuple(found.values())


def _objects(data: object) -> Iterator[JsonObject]:
    """``data`` as objects: a list, ``{messages|updates|contacts|chats|keys: [...]}``, one."""
    inner = obj(data)
    for plural in ("messages", "updates", "contacts", "chats", "keys"):
        if isinstance(inner.get(plural), list):
            data = inner[plural]
            break
    if isinstance(data, dict):
        yield data
    elif isinstance(data, list):
        for item in data[:_MAX_ITEMS]:
            if isinstance(item, dict):
                yield item


def _in_item(event: str, item: JsonObject) -> Iterator[IdentityPair | None]:
    key = obj(item.get("key"))
    if key:
        remote, participant = key.get("remoteJid"), key.get("participant")
        yield pair(remote, key.get("remoteJidAlt"))
        yield pair(participant, key.get("participantAlt"))
        for lid_field, pn_field in (("senderLid", "senderPn"),
                                    ("participantLid", "participantPn")):
            yield pair(key.get(lid_field) or item.get(lid_field),
                       key.get(pn_field) or item.get(pn_field))
        # Evolution v2 put ``senderPn`` beside an @lid remoteJid (1:1) or participant.
        sender = participant or item.get("participant") or remote
        yield pair(sender, key.get("senderPn") or item.get("senderPn"))
        yield pair(participant, key.get("participantPn"))
    if event.startswith("contacts.") or event in ONLY_PAIRS:
        ident = item.get("id") or item.get("remoteJid")
        for lid_side in (item.get("lid"), item.get("remoteLid"), ident):
            for phone_side in (item.get("phoneNumber"), item.get("jid"), ident):
                yield pair(lid_side, phone_side)
