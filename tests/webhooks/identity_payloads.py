"""Payloads as real senders build them, for the identity facts: which instance, which person.

Evolution API: EvolutionAPI/evolution-api,
src/api/integrations/channel/whatsapp/whatsapp.baileys.service.ts (commit 00e191ff):
- ``prepareMessage`` spreads Baileys' ``message.key`` (so Baileys 7's ``remoteJidAlt``,
  ``participantAlt`` and ``addressingMode`` pass through) and adds ``instanceId`` to ``data``;
- ``messages.update`` sends ``{keyId, remoteJid, fromMe, participant, status, instanceId}``;
- a deletion (``update.message === null``) is sent as ``MESSAGES_DELETE`` with
  ``{...key, status: 'DELETED'}``: no ``instanceId``, so it arrives name-only;
- ``saveOnWhatsappCache`` reads ``remoteJidAlt`` when ``addressingMode === 'lid'``;
- ``messaging-history.set`` sends ``CHATS_SET`` items ``{remoteJid, remoteLid, instanceId,
  name}`` (remoteJid from the contact's ``phoneNumber`` when its id is an ``@lid``).
Baileys: WhiskeySockets/Baileys src/Types/Contact.ts (``id`` in either format, ``lid``,
``jid``); the addressing context of src/Utils/decode-wa-message.ts
(``extractAddressingContext``: in "lid" mode the alternative is the number, in "pn" mode the
LID) fills ``remoteJidAlt`` (1:1) or ``participantAlt`` (groups).
The envelope is Evolution's webhook envelope (``tests/webhooks/payloads.evolution``).
"""

from __future__ import annotations

from typing import Any

from tests.webhooks import payloads as p

NAME = "Loja Centro"
INSTANCE_ID = "inst_loja01"
OTHER_NAME = "Loja Norte"  # an unrelated instance, interleaved
OTHER_ID = "inst_loja02"
PHONE = "5511987654321"
PHONE_JID = f"{PHONE}@s.whatsapp.net"
LID = "184467440737095@lid"
GROUP = p.GROUP


def envelope(event: str, data: Any, name: str = NAME) -> dict[str, Any]:
    return p.evolution(event, data, name=name)


def message(message_id: str, text: str, *, remote: str = PHONE_JID, alt: str | None = None,
            mode: str | None = None, participant: str | None = None,
            participant_alt: str | None = None, from_me: bool = False,
            instance_id: str | None = INSTANCE_ID, at: int = 1767225600,
            name: str = NAME) -> dict[str, Any]:
    """``messages.upsert`` as ``prepareMessage`` builds it."""
    key: dict[str, Any] = {"remoteJid": remote, "fromMe": from_me, "id": message_id}
    if alt is not None:
        key["remoteJidAlt"] = alt
    if mode is not None:
        key["addressingMode"] = mode
    if participant is not None:
        key["participant"] = participant
    if participant_alt is not None:
        key["participantAlt"] = participant_alt
    data: dict[str, Any] = {
        "key": key, "pushName": "Você" if from_me else "Maria Souza",
        "message": {"conversation": text}, "messageType": "conversation",
        "messageTimestamp": at, "source": "android",
        "status": "SERVER_ACK" if from_me else "DELIVERY_ACK"}
    if instance_id is not None:
        data["instanceId"] = instance_id
    return envelope("messages.upsert", data, name)


def edit(target: str, text: str, *, message_id: str = "ED1", remote: str = PHONE_JID,
         instance_id: str | None = INSTANCE_ID, at: int = 1767225800,
         name: str = NAME) -> dict[str, Any]:
    """An edit as ``messages.upsert`` delivers it: the message is
    ``editedMessage.message.protocolMessage`` (Evolution reads it there too)."""
    payload = message(message_id, "", remote=remote, instance_id=instance_id, at=at,
                      name=name)
    payload["data"]["message"] = {"editedMessage": {"message": {"protocolMessage": {
        "key": {"remoteJid": remote, "fromMe": False, "id": target}, "type": 14,
        "editedMessage": {"conversation": text}, "timestampMs": str(at * 1000)}}}}
    payload["data"]["messageType"] = "editedMessage"
    return payload


def status(message_id: str, word: str, *, remote: str = PHONE_JID, from_me: bool = True,
           instance_id: str | None = INSTANCE_ID, name: str = NAME) -> dict[str, Any]:
    data: dict[str, Any] = {"keyId": message_id, "remoteJid": remote, "fromMe": from_me,
                            "participant": None, "status": word}
    if instance_id is not None:
        data["instanceId"] = instance_id
    return envelope("messages.update", data, name)


def deletion(message_id: str, *, remote: str = PHONE_JID, from_me: bool = False,
             name: str = NAME) -> dict[str, Any]:
    """Evolution's ``MESSAGES_DELETE``: the key and ``status: 'DELETED'``, no instanceId."""
    return envelope("messages.delete", {"remoteJid": remote, "fromMe": from_me,
                                        "id": message_id, "status": "DELETED"}, name)


def contact(ident: str, **fields: Any) -> dict[str, Any]:
    """``contacts.upsert`` with a Baileys ``Contact`` (``lid``/``jid``/``phoneNumber``)."""
    return envelope("contacts.upsert", [{"id": ident, "notify": "Maria Souza", **fields}])


def chats_set(remote: str, lid: str) -> dict[str, Any]:
    return envelope("chats.set", [{"remoteJid": remote, "remoteLid": lid,
                                   "instanceId": INSTANCE_ID, "name": "Maria Souza"}])


def phone_number_share(lid: str, jid: str) -> dict[str, Any]:
    """Baileys' ``chats.phoneNumberShare`` ``{lid, jid}`` (WhiskeySockets/Baileys
    api/type-aliases/BaileysEventMap.md), forwarded as an event of its own."""
    return envelope("chats.phoneNumberShare", {"lid": lid, "jid": jid})
