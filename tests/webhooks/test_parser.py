"""The parser against realistic payloads of every kind the spec names."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.webhooks import payloads as p
from zapdesk.core.events import (
    ConnectionChange,
    ContactName,
    Edit,
    GroupSubject,
    IdentityPair,
    Kind,
    Message,
    Presence,
    Reaction,
    Revoke,
    StatusChange,
    Tick,
    Unsupported,
)
from zapdesk.webhooks.parser import parse, tick


def one(payload: dict[str, Any]) -> Any:
    parsed = parse(payload)
    assert len(parsed.events) == 1, parsed.events
    return parsed.events[0]


def message(content: dict[str, Any], **options: Any) -> Message:
    found = one(p.documented("messages.upsert", p.upsert(content, **options)))
    assert isinstance(found, Message), found
    return found


def test_the_documented_example_from_the_spec() -> None:
    payload = {"event": "messages.upsert",
               "instance": {"instanceName": "Minha Instância", "instanceId": "inst_abc123"},
               "data": {"key": {"remoteJid": "5511999999999@s.whatsapp.net", "fromMe": False,
                                "id": "BAE5C8F9A2B4E231"},
                        "message": {"conversation": "Olá!", "messageTimestamp": "1704456789"},
                        "messageType": "conversation", "pushName": "João Silva"}}
    parsed = parse(payload)
    assert parsed.envelope.shape == "documented"
    assert (parsed.envelope.instance_id, parsed.envelope.instance_name) == \
        ("inst_abc123", "Minha Instância")
    found = parsed.events[0]
    assert isinstance(found, Message)
    assert (found.id, found.chat_jid, found.from_me, found.text, found.kind) == \
        ("BAE5C8F9A2B4E231", "5511999999999@s.whatsapp.net", False, "Olá!", Kind.TEXT)
    assert found.sender_name == "João Silva" and found.sender_phone == "5511999999999"


@pytest.mark.parametrize("content", p.TEXTS)
def test_text_in_conversation_extended_or_a_wrapper(content: dict[str, Any]) -> None:
    found = message(content)
    assert found.kind is Kind.TEXT and found.text and found.unsupported is None


def test_formatting_passes_through_untouched() -> None:
    assert message(p.TEXTS[2]).text == "*negrito* _itálico_ ~riscado~ ```mono```"


@pytest.mark.parametrize(("kind", "content"), p.MEDIA)
def test_media_kinds(kind: str, content: dict[str, Any]) -> None:
    found = message(content, message_type=next(iter(content)))
    assert found.kind == kind and found.media is not None


def test_media_details_are_kept() -> None:
    image = message(p.MEDIA[0][1]).media
    assert image is not None
    assert (image.mimetype, image.size, image.thumbnail) == ("image/jpeg", 81234, p.THUMB)
    assert message(p.MEDIA[0][1]).text == "Nota fiscal"
    video = message(p.MEDIA[1][1]).media
    assert video is not None and (video.seconds, video.size) == (14, 2391231)
    voice = message(p.MEDIA[2][1]).media
    assert voice is not None and voice.voice and voice.seconds == 9
    document = message(p.MEDIA[3][1])
    assert document.media is not None
    assert (document.media.file_name, document.media.size, document.text) == \
        ("contrato.pdf", 482113, "Segue o contrato")
    assert message(p.MEDIA[5][1]).view_once
    inline = message(p.MEDIA[6][1]).media
    assert inline is not None and inline.thumbnail and inline.thumbnail.startswith("iVBOR")


def test_location_and_live_location() -> None:
    place = message(p.LOCATIONS[0]).location
    assert place is not None and (place.latitude, place.longitude) == (-23.5613, -46.6565)
    assert place.name == "MASP" and place.address and "Paulista" in place.address
    live = message(p.LOCATIONS[1])
    assert live.location is not None and live.location.live and live.text == "Estou chegando"


def test_contact_cards_take_the_number_from_the_vcard() -> None:
    card = message(p.CONTACTS[0])
    assert card.kind is Kind.CONTACT
    assert [(c.name, c.phone) for c in card.contacts] == [("Maria Souza", "5521998877665")]
    several = message(p.CONTACTS[1]).contacts
    assert [(c.name, c.phone) for c in several] == [("Maria Souza", "5521998877665"),
                                                    ("Pedro", "551133334444")]


def test_polls() -> None:
    poll = message(p.POLLS[0]).poll
    assert poll is not None and poll.question == "Melhor horário?"
    assert poll.options == ("Manhã", "Tarde")
    assert message(p.POLLS[1]).poll == message(p.POLLS[1]).poll
    assert len(message(p.POLLS[1]).poll.options) == 3  # type: ignore[union-attr]


def test_reaction_and_its_removal() -> None:
    added = one(p.documented("messages.upsert", p.upsert(p.reaction("OUT1", "👍"),
                                                         message_id="R1")))
    assert isinstance(added, Reaction)
    assert (added.target_id, added.emoji, added.sender_jid) == ("OUT1", "👍", p.JID)
    removed = one(p.documented("messages.upsert", p.upsert(p.reaction("OUT1", ""),
                                                           message_id="R2")))
    assert isinstance(removed, Reaction) and removed.emoji == ""


def test_quoted_reply_in_context_info() -> None:
    found = message(p.quoted_reply("ABC", "Posso pagar amanhã?"))
    assert found.quote is not None
    assert (found.quote.message_id, found.quote.text) == ("ABC", "Posso pagar amanhã?")


def test_quote_given_beside_the_message_as_evolution_does() -> None:
    data = p.upsert({"conversation": "sim"},
                    contextInfo={"stanzaId": "Q9", "quotedMessage": {"conversation": "ok?"}})
    found = one(p.evolution("messages.upsert", data))
    assert isinstance(found, Message) and found.quote is not None
    assert (found.quote.message_id, found.quote.text) == ("Q9", "ok?")


def test_a_revoke_has_no_type_because_revoke_is_the_default() -> None:
    revoked = one(p.documented("messages.upsert", p.upsert(p.revoke("M1"), message_id="X1")))
    assert revoked == Revoke("M1", p.JID, 1704456789)


def test_evolution_messages_edited_carries_the_protocol_message() -> None:
    edited = one(p.evolution("messages.edited", p.evolution_edited("M1", "corrigido",
                                                                   at_ms=1704456900123)))
    assert isinstance(edited, Edit)
    assert (edited.target_id, edited.text, edited.timestamp) == ("M1", "corrigido", 1704456900)
    revoked = one(p.evolution("MESSAGES_EDITED", p.evolution_revoked("M1")))
    assert isinstance(revoked, Revoke) and revoked.target_id == "M1"
    assert revoked.timestamp == 1704456789  # no timestampMs on a revoke: the envelope's time


def test_baileys_edit_and_revoke_as_messages_update() -> None:
    edited = one(p.documented("messages.update", p.baileys_edit_update("M1", "novo texto",
                                                                       at=1704457000)))
    assert edited == Edit("M1", p.JID, "novo texto", 1704457000)
    revoked = one(p.documented("messages.update", p.baileys_revoke_update("M1")))
    assert isinstance(revoked, Revoke) and (revoked.target_id, revoked.chat_jid) == ("M1", p.JID)


def test_evolution_edit_and_delete_as_update_and_delete_events() -> None:
    events = parse(p.evolution("messages.update", p.evolution_edit_update("M1", "novo"))).events
    # Evolution writes SERVER_ACK when Baileys gave no status: harmless, statuses only rise.
    assert [type(e) for e in events] == [StatusChange, Edit]
    assert isinstance(events[1], Edit) and (events[1].target_id, events[1].text) == ("M1", "novo")
    deleted = one(p.evolution("messages.delete", p.evolution_delete("M1")))
    assert isinstance(deleted, Revoke) and deleted.target_id == "M1"
    as_update = one(p.evolution("messages.update", {"keyId": "M1", "remoteJid": p.JID,
                                                    "fromMe": False, "status": "DELETED"}))
    assert isinstance(as_update, Revoke) and as_update.target_id == "M1"


def test_shapes_no_sender_emits_are_still_understood() -> None:
    """The project's old fixtures: "type" as a string, an edit upsert wrapped in a protocol
    message. Not what Evolution forwards, but harmless to accept."""
    key = {"remoteJid": p.JID, "fromMe": False, "id": "M1"}
    revoked = one(p.documented("messages.upsert", p.upsert(
        {"protocolMessage": {"key": key, "type": "REVOKE"}}, message_id="X1")))
    assert isinstance(revoked, Revoke) and revoked.target_id == "M1"
    wrapped = {"editedMessage": {"message": {"protocolMessage": {
        "key": key, "type": 14, "editedMessage": {"conversation": "corrigido"}}}}}
    edited = one(p.documented("messages.upsert", p.upsert(wrapped, message_id="E1")))
    assert isinstance(edited, Edit) and (edited.target_id, edited.text) == ("M1", "corrigido")
    update = one(p.documented("messages.update", [{"key": key, "update": {"message": wrapped}}]))
    assert isinstance(update, Edit) and update.text == "corrigido"


def test_other_protocol_messages_are_not_deletions() -> None:
    for body in ({"type": "EPHEMERAL_SETTING", "ephemeralExpiration": 604800},
                 {"type": 3, "ephemeralExpiration": 0}, {"type": "MESSAGE_EDIT", "key": {
                     "remoteJid": p.JID, "id": "M1"}}):
        found = one(p.documented("messages.upsert", p.upsert({"protocolMessage": body})))
        assert isinstance(found, Message) and found.kind is Kind.UNSUPPORTED, body


def test_group_message_has_the_participant_as_sender() -> None:
    found = message({"conversation": "bom dia grupo"}, remote=p.GROUP,
                    participant="5521912345678@s.whatsapp.net", push_name="Ana")
    assert found.chat_jid == p.GROUP
    assert (found.sender_jid, found.sender_phone, found.sender_name) == \
        ("5521912345678@s.whatsapp.net", "5521912345678", "Ana")


def test_lid_sender_gets_the_phone_from_sender_pn() -> None:
    data = p.upsert({"conversation": "oi"}, remote=p.LID)
    data["key"]["senderPn"] = "5511987654321@s.whatsapp.net"
    found, learned = parse(p.documented("messages.upsert", data)).events
    assert isinstance(found, Message)
    assert found.chat_jid == p.JID and found.sender_phone == "5511987654321"
    assert learned == IdentityPair(p.LID, "5511987654321")  # the LID's earlier thread joins


def test_lid_participant_in_a_group_with_participant_alt() -> None:
    data = p.upsert({"conversation": "oi"}, remote=p.GROUP, participant=p.LID)
    data["key"]["participantAlt"] = "5511987654321@s.whatsapp.net"
    found, learned = parse(p.documented("messages.upsert", data)).events
    assert learned == IdentityPair(p.LID, "5511987654321")
    assert isinstance(found, Message)
    assert found.chat_jid == p.GROUP and found.sender_jid == p.LID
    assert found.sender_phone == "5511987654321"


def test_lid_without_a_phone_stays_a_lid() -> None:
    found = message({"conversation": "oi"}, remote=p.LID)
    assert found.chat_jid == p.LID and found.sender_phone is None


@pytest.mark.parametrize("stamp", [1704456789, "1704456789", 1704456789.0,
                                   {"low": 1704456789, "high": 0, "unsigned": False},
                                   1704456789123])
def test_timestamps_in_every_shape(stamp: Any) -> None:
    assert message({"conversation": "x"}, timestamp=stamp).timestamp == 1704456789


@pytest.mark.parametrize(("value", "expected"), [
    (3, Tick.DELIVERED), ("DELIVERY_ACK", Tick.DELIVERED), ("READ", Tick.READ),
    ("read", Tick.READ), ("SERVER_ACK", Tick.SENT), (4, Tick.READ), ("PLAYED", Tick.PLAYED),
    ("ERROR", Tick.FAILED), ("3", Tick.DELIVERED), ("nonsense", None), (17, None)])
def test_status_as_number_or_name(value: Any, expected: Tick | None) -> None:
    assert tick(value) == expected


def test_messages_update_in_baileys_and_evolution_shapes() -> None:
    baileys = one(p.documented("messages.update", [
        {"key": {"remoteJid": p.JID, "fromMe": True, "id": "OUT1"}, "update": {"status": 3}}]))
    assert baileys == StatusChange("OUT1", Tick.DELIVERED, p.JID)
    evolution = one(p.evolution("messages.update", {
        "keyId": "OUT1", "remoteJid": p.JID, "fromMe": True, "status": "READ",
        "instanceId": "9b1f"}))
    assert evolution == StatusChange("OUT1", Tick.READ, p.JID)


def test_messages_delete_as_a_key_or_a_list_of_keys() -> None:
    single = one(p.documented("messages.delete", {"remoteJid": p.JID, "fromMe": False,
                                                  "id": "M7"}))
    assert isinstance(single, Revoke) and single.target_id == "M7"
    several = parse(p.documented("messages.delete", {"keys": [
        {"remoteJid": p.JID, "id": "A"}, {"remoteJid": p.JID, "id": "B"}]})).events
    assert [e.target_id for e in several if isinstance(e, Revoke)] == ["A", "B"]


def test_contacts_groups_presence_connection() -> None:
    assert one(p.documented("contacts.update", [{"id": p.JID, "notify": "Zé"}])) == \
        ContactName(p.JID, "Zé", "5511987654321")
    assert one(p.evolution("CONTACTS_UPSERT", [{"remoteJid": p.JID, "pushName": "Zé"}])) == \
        ContactName(p.JID, "Zé", "5511987654321")
    assert one(p.documented("groups.upsert", [{"id": p.GROUP, "subject": "Vendas SP",
                                               "participants": []}])) == \
        GroupSubject(p.GROUP, "Vendas SP")
    assert one(p.documented("groups.update", [{"id": p.GROUP, "subject": "Vendas RJ"}])) == \
        GroupSubject(p.GROUP, "Vendas RJ")
    typing = one(p.documented("presence.update", {
        "id": p.GROUP, "presences": {"5521912345678@s.whatsapp.net":
                                     {"lastKnownPresence": "composing"}}}))
    assert typing == Presence(p.GROUP, "5521912345678@s.whatsapp.net", "composing")
    connection = one(p.documented("connection.update", {"state": "open", "status": "connected",
                                                        "wuid": p.JID}))
    assert connection == ConnectionChange("open", "connected", "5511987654321")


def test_evolution_envelope_and_event_constant_names() -> None:
    parsed = parse(p.evolution("MESSAGES_UPSERT", p.upsert({"conversation": "oi"})))
    assert parsed.envelope.shape == "evolution"
    assert parsed.envelope.event == "messages.upsert"
    assert parsed.envelope.instance_name == "Minha Instância"
    assert parsed.envelope.sent_at == 1704456789
    assert isinstance(parsed.events[0], Message)


def test_evolution_send_message_is_an_outgoing_upsert() -> None:
    found = one(p.evolution("send.message", p.upsert({"conversation": "enviado"},
                                                     from_me=True, push_name=None)))
    assert isinstance(found, Message) and found.from_me and found.sender_jid is None


def test_baileys_raw_upsert_with_a_list_of_messages() -> None:
    data = {"type": "notify", "messages": [p.upsert({"conversation": "a"}, message_id="A"),
                                           p.upsert({"conversation": "b"}, message_id="B")]}
    ids = [e.id for e in parse(p.documented("messages.upsert", data)).events
           if isinstance(e, Message)]
    assert ids == ["A", "B"]


def test_flat_variant() -> None:
    found = one(p.flat({"messageId": "F1", "from": "5511987654321", "to": "5511900000000",
                        "fromMe": False, "type": "text", "text": "plano"}))
    assert isinstance(found, Message)
    assert (found.id, found.chat_jid, found.text, found.kind) == ("F1", p.JID, "plano", Kind.TEXT)
    image = one(p.flat({"messageId": "F2", "from": "5511900000000", "to": "5511987654321",
                        "fromMe": True, "type": "image", "caption": "foto",
                        "mediaUrl": "https://cdn.example/f.jpg", "mimetype": "image/jpeg"}))
    assert isinstance(image, Message) and image.chat_jid == p.JID and image.from_me
    assert image.kind is Kind.IMAGE and image.media is not None
    assert image.media.url == "https://cdn.example/f.jpg" and image.text == "foto"
    assert parse(p.flat({"messageId": "F3", "from": "551198", "type": "text",
                         "text": "x"})).envelope.shape == "flat"


def test_unknown_message_kind_is_kept_raw_as_unsupported() -> None:
    found = message({"groupInviteMessage": {"groupJid": p.GROUP, "inviteCode": "abc"}})
    assert found.kind is Kind.UNSUPPORTED and found.unsupported == "groupInviteMessage"
    assert found.raw is not None and "inviteCode" in found.raw


def test_unknown_event_is_unsupported_not_dropped() -> None:
    parsed = parse(p.documented("call", [{"id": "c1", "from": p.JID, "status": "offer"}]))
    assert parsed.unsupported
    assert isinstance(parsed.events[0], Unsupported) and "call" in parsed.events[0].reason


def test_protocol_noise_is_not_a_chat_message() -> None:
    found = one(p.documented("messages.upsert", p.upsert(
        {"protocolMessage": {"type": "HISTORY_SYNC_NOTIFICATION"}})))
    assert isinstance(found, Message) and found.kind is Kind.UNSUPPORTED


def test_the_apikey_in_a_payload_never_reaches_the_log(caplog: pytest.LogCaptureFixture,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from zapdesk.webhooks import parser

    def broken(*_: Any) -> Any:
        raise KeyError("boom")

    monkeypatch.setattr(parser, "_upsert", broken)
    payload = p.evolution("messages.upsert", p.upsert({"conversation": "x"}))
    with caplog.at_level(logging.DEBUG):
        parsed = parse(payload)
    assert isinstance(parsed.events[0], Unsupported)
    assert "B6D711FCDE4D4FD5936544120E713976" not in caplog.text
