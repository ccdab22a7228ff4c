"""Arbitrary JSON at the parser: nothing escapes, everything is an event or "unsupported"."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.webhooks import payloads as p
from zapdesk.core.events import Event, Kind, Message, Parsed, Unsupported
from zapdesk.webhooks.parser import parse

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=5),
                           max_leaves=30)
# Keys the parser looks at, so that generated objects reach its deeper branches.
known_keys = st.sampled_from([
    "event", "instance", "instanceId", "data", "key", "message", "id", "remoteJid", "fromMe",
    "participant", "messageTimestamp", "status", "update", "keys", "messages", "presences",
    "conversation", "extendedTextMessage", "imageMessage", "protocolMessage", "reactionMessage",
    "ephemeralMessage", "contextInfo", "quotedMessage", "stanzaId", "type", "text", "low",
    "high", "editedMessage", "locationMessage", "degreesLatitude", "contactsArrayMessage",
    "contacts", "options", "pollCreationMessage", "messageId", "from", "to", "senderPn",
    "keyId", "messageStubType", "timestampMs", "senderTimestampMs"])
events = st.sampled_from(["messages.upsert", "messages.update", "messages.delete",
                          "messages.edited", "MESSAGES_EDITED",
                          "contacts.update", "groups.upsert", "presence.update",
                          "connection.update", "MESSAGES_UPSERT", "send.message", "call", ""])
shaped = st.recursive(scalars | events, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(known_keys, inner, max_size=6), max_leaves=40)


def check(parsed: Parsed) -> None:
    assert isinstance(parsed, Parsed)
    assert parsed.events, "every input yields an event or an Unsupported record"
    for event in parsed.events:
        assert isinstance(event, Event)  # type: ignore[arg-type,misc]
        if isinstance(event, Message):
            assert event.id and event.chat_jid
            assert isinstance(event.timestamp, int) and event.timestamp >= 0
            if event.kind is Kind.UNSUPPORTED:
                assert event.raw is not None or event.unsupported is not None
        if isinstance(event, Unsupported):
            assert event.reason
            # The catch-all keeps the app alive, but reaching it means a parser bug.
            assert not event.reason.startswith("parser error"), event.reason


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_value(value: Any) -> None:
    check(parse(value))


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(event=events, data=shaped, shape=st.sampled_from(["documented", "evolution", "flat"]))
def test_payloads_shaped_like_webhooks(event: str, data: Any, shape: str) -> None:
    if shape == "documented":
        payload = p.documented(event, data)
    elif shape == "evolution":
        payload = p.evolution(event, data)
    else:
        payload = {"event": event, "instanceId": "i", "timestamp": 1, "data": data}
    check(parse(payload))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(message=shaped, key=st.dictionaries(known_keys, scalars, max_size=5))
def test_messages_with_arbitrary_content(message: Any, key: dict[str, Any]) -> None:
    data = {"key": {"remoteJid": p.JID, "id": "X", **key}, "message": message,
            "messageTimestamp": 1}
    check(parse(p.documented("messages.upsert", data)))


@settings(max_examples=200)
@given(json_values)
def test_results_survive_a_json_round_trip_of_the_input(value: Any) -> None:
    # What the listener hands the parser comes from json.loads; parsing must not depend on
    # Python-only values.
    try:
        text = json.dumps(value)
    except ValueError:
        return
    check(parse(json.loads(text)))
