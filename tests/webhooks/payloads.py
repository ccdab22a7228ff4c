"""Realistic webhook payloads, written from the shapes Baileys and Evolution API v2 emit."""

from __future__ import annotations

from typing import Any

JID = "5511987654321@s.whatsapp.net"
GROUP = "120363025246125888@g.us"
LID = "184467440737095@lid"
OWN = "5511900000000@s.whatsapp.net"  # the instance's own number (Evolution's "sender")
THUMB = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR0a"
PNG_1PX = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJ"
           "RU5ErkJggg==")
VCARD = ("BEGIN:VCARD\nVERSION:3.0\nN:;Maria Souza;;;\nFN:Maria Souza\n"
         "TEL;type=CELL;type=VOICE;waid=5521998877665:+55 21 99887-7665\nEND:VCARD")


def documented(event: str, data: Any, *, instance_id: str = "inst_abc123",
               name: str = "Minha Instância") -> dict[str, Any]:
    return {"event": event, "instance": {"instanceName": name, "instanceId": instance_id},
            "data": data}


def evolution(event: str, data: Any, *, name: str = "Minha Instância") -> dict[str, Any]:
    return {"event": event, "instance": name, "data": data,
            "destination": "http://127.0.0.1:8787/hooks/x",
            "date_time": "2024-01-05T12:13:09.123Z", "sender": OWN,
            "server_url": "http://127.0.0.1:8080", "apikey": "B6D711FCDE4D4FD5936544120E713976"}


def upsert(message: dict[str, Any], *, message_id: str = "BAE5C8F9A2B4E231",
           remote: str = JID, from_me: bool = False, participant: str | None = None,
           push_name: str | None = "João Silva", timestamp: Any = 1704456789,
           message_type: str = "conversation", **extra: Any) -> dict[str, Any]:
    key: dict[str, Any] = {"remoteJid": remote, "fromMe": from_me, "id": message_id}
    if participant:
        key["participant"] = participant
    data: dict[str, Any] = {"key": key, "message": message, "messageType": message_type,
                            "messageTimestamp": timestamp, **extra}
    if push_name is not None:
        data["pushName"] = push_name
    return data


TEXTS = [
    {"conversation": "Olá!"},
    {"extendedTextMessage": {"text": "Veja https://exemplo.com.br",
                             "matchedText": "https://exemplo.com.br", "previewType": 0}},
    {"conversation": "*negrito* _itálico_ ~riscado~ ```mono```",
     "messageContextInfo": {"deviceListMetadataVersion": 2}},
    {"ephemeralMessage": {"message": {"extendedTextMessage": {"text": "some em 7 dias"}}}},
]

MEDIA = [
    ("image", {"imageMessage": {
        "url": "https://mmg.whatsapp.net/o1/v/t62/abc.enc", "mimetype": "image/jpeg",
        "caption": "Nota fiscal", "fileLength": {"low": 81234, "high": 0, "unsigned": True},
        "height": 1280, "width": 960, "jpegThumbnail": THUMB, "mediaKey": "k=",
        "directPath": "/o1/v/t62/abc"}}),
    ("video", {"videoMessage": {"url": "https://mmg.whatsapp.net/v.enc", "mimetype": "video/mp4",
                                "seconds": 14, "fileLength": "2391231", "jpegThumbnail": THUMB,
                                "gifPlayback": False}}),
    ("audio", {"audioMessage": {"url": "https://mmg.whatsapp.net/a.enc",
                                "mimetype": "audio/ogg; codecs=opus", "seconds": "9",
                                "ptt": True, "fileLength": 15012}}),
    ("document", {"documentWithCaptionMessage": {"message": {"documentMessage": {
        "url": "https://mmg.whatsapp.net/d.enc", "mimetype": "application/pdf",
        "title": "contrato.pdf", "fileName": "contrato.pdf", "fileLength": "482113",
        "pageCount": 3, "caption": "Segue o contrato"}}}}),
    ("sticker", {"stickerMessage": {"url": "https://mmg.whatsapp.net/s.enc",
                                    "mimetype": "image/webp", "isAnimated": False}}),
    ("image", {"viewOnceMessageV2": {"message": {"imageMessage": {
        "url": "https://mmg.whatsapp.net/vo.enc", "mimetype": "image/jpeg", "viewOnce": True}}}}),
    ("image", {"imageMessage": {"mimetype": "image/png", "caption": "com base64"},
               "base64": PNG_1PX}),
]

LOCATIONS = [
    {"locationMessage": {"degreesLatitude": -23.5613, "degreesLongitude": -46.6565,
                         "name": "MASP", "address": "Av. Paulista, 1578 - São Paulo"}},
    {"liveLocationMessage": {"degreesLatitude": "-22.9068", "degreesLongitude": "-43.1729",
                             "caption": "Estou chegando", "sequenceNumber": 2}},
]

CONTACTS = [
    {"contactMessage": {"displayName": "Maria Souza", "vcard": VCARD}},
    {"contactsArrayMessage": {"displayName": "2 contatos", "contacts": [
        {"displayName": "Maria Souza", "vcard": VCARD},
        {"displayName": "Pedro", "vcard": "BEGIN:VCARD\nFN:Pedro\nTEL:+55 11 3333-4444\nEND:VCARD"},
    ]}},
]

POLLS = [
    {"pollCreationMessageV3": {"name": "Melhor horário?", "selectableOptionsCount": 1,
                               "options": [{"optionName": "Manhã"}, {"optionName": "Tarde"}]}},
    {"pollCreationMessage": {"name": "Sabores", "selectableOptionsCount": 0,
                             "options": [{"optionName": "Uva"}, {"optionName": "Limão"},
                                         {"optionName": "Açaí"}]},
     "messageContextInfo": {"messageSecret": "abc="}},
]


def reaction(target: str, emoji: str, *, target_remote: str = JID,
             at_ms: int = 1704456800123) -> dict[str, Any]:
    return {"reactionMessage": {"key": {"remoteJid": target_remote, "fromMe": True,
                                        "id": target},
                                "text": emoji, "senderTimestampMs": str(at_ms)}}


def quoted_reply(target: str, quoted_text: str) -> dict[str, Any]:
    return {"extendedTextMessage": {"text": "Pode sim", "contextInfo": {
        "stanzaId": target, "participant": JID,
        "quotedMessage": {"conversation": quoted_text}}}}


# Deletions and edits, as the real senders build them (not from memory):
# - WhiskeySockets/Baileys WAProto/WAProto.proto (proto3): ProtocolMessage.Type REVOKE = 0,
#   MESSAGE_EDIT = 14. protobufjs' toJSON writes enums by name and longs as strings, and a
#   field at its default (REVOKE) is not written: a serialised revoke has no "type".
# - Baileys' processMessage (WhiskeySockets/Baileys and alexander-mattos/baileys_7,
#   src/Utils/process-message.ts): REVOKE → messages.update [{key: {...message.key, id:
#   target}, update: {message: null, messageStubType: 1 (REVOKE), key}}]; MESSAGE_EDIT →
#   messages.update [{key: {...message.key, id: target}, update: {message: {editedMessage:
#   {message: protocolMsg.editedMessage}}, messageTimestamp: floor(timestampMs / 1000)}}].
# - EvolutionAPI/evolution-api src/api/integrations/channel/whatsapp/whatsapp.baileys.service.ts:
#   messages.upsert forwards any protocolMessage (edits and revokes) as MESSAGES_EDITED with
#   the protocolMessage itself as data, not as an upsert; messages.update forwards
#   {keyId, remoteJid, fromMe, participant, status: status[update.status] ?? "SERVER_ACK",
#   instanceId, message: update.message, messageId}; a Baileys revoke (message null, no
#   status) becomes MESSAGES_DELETE with {...key, status: "DELETED"} (the key alone before
#   2.3).


def revoke(target: str, *, remote: str = JID, from_me: bool = False) -> dict[str, Any]:
    """A message's content deleting ``target`` (a raw Baileys upsert): no ``type``."""
    return {"protocolMessage": {"key": {"remoteJid": remote, "fromMe": from_me, "id": target}}}


def evolution_edited(target: str, new_text: str, *, at_ms: int = 1704456900000,
                     remote: str = OWN, from_me: bool = True) -> dict[str, Any]:
    """``messages.edited`` data: the protocolMessage. Its key is the sender's: a contact's
    edit of their own message names our number and ``fromMe: true``."""
    return {"key": {"remoteJid": remote, "fromMe": from_me, "id": target},
            "type": "MESSAGE_EDIT", "editedMessage": {"conversation": new_text},
            "timestampMs": str(at_ms)}


def evolution_revoked(target: str, *, remote: str = OWN, from_me: bool = True
                      ) -> dict[str, Any]:
    """``messages.edited`` data for a deletion (Evolution 2.3 forwards every protocolMessage)."""
    return {"key": {"remoteJid": remote, "fromMe": from_me, "id": target}}


def baileys_edit_update(target: str, new_text: str, *, at: int = 1704456900,
                        remote: str = JID) -> list[dict[str, Any]]:
    """``messages.update`` data for an edit, as Baileys emits it."""
    return [{"key": {"remoteJid": remote, "fromMe": False, "id": target},
             "update": {"message": {"editedMessage": {"message": {
                 "extendedTextMessage": {"text": new_text}}}}, "messageTimestamp": at}}]


def baileys_revoke_update(target: str, *, envelope_id: str = "3EB0AA11", remote: str = JID
                          ) -> list[dict[str, Any]]:
    """``messages.update`` data for a deletion, as Baileys emits it."""
    key = {"remoteJid": remote, "fromMe": False, "id": envelope_id}
    return [{"key": {**key, "id": target},
             "update": {"message": None, "messageStubType": 1, "key": key}}]


def evolution_edit_update(target: str, new_text: str, *, remote: str = JID) -> dict[str, Any]:
    """``messages.update`` data for an edit, as Evolution 2.3 forwards Baileys' update."""
    return {"keyId": target, "remoteJid": remote, "fromMe": False, "participant": None,
            "status": "SERVER_ACK", "instanceId": "9b1f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
            "message": {"editedMessage": {"message": {"conversation": new_text}}},
            "messageId": "cm5x2y3z40000abcdefgh1234"}


def evolution_delete(target: str, *, remote: str = JID, from_me: bool = False
                     ) -> dict[str, Any]:
    """``messages.delete`` data (Evolution 2.3): the deleted message's key and a status."""
    return {"remoteJid": remote, "fromMe": from_me, "id": target, "status": "DELETED"}


def flat(data: dict[str, Any]) -> dict[str, Any]:
    return {"event": "messages.upsert", "instanceId": "inst_abc123",
            "timestamp": 1704456789, "data": data}
