"""The published variants of the same answers all read as the same values."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from zapdesk.api import parse
from zapdesk.core.errors import UnexpectedResponse
from zapdesk.core.models import Status

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
PNG_URL = "data:image/png;base64," + base64.b64encode(PNG).decode()


@pytest.mark.parametrize(("data", "expected"), [
    ({"id": "inst_abc123", "name": "Atendimento Principal", "phone": "+5511999999999",
      "status": "connected", "webhookUrl": "https://seu-webhook.com",
      "createdAt": "2024-01-15T10:00:00Z", "active": True},
     {"id": "inst_abc123", "name": "Atendimento Principal", "phone": "+5511999999999",
      "status": "connected", "webhook_url": "https://seu-webhook.com", "active": True,
      "created_at": datetime(2024, 1, 15, 10, tzinfo=UTC)}),
    ({"instanceId": "inst_xyz789", "instanceName": "Nova Instância", "status": "created",
      "integration": "WHATSAPP-BAILEYS", "webhookUrl": "https://seu-webhook.com/whatsapp"},
     {"id": "inst_xyz789", "name": "Nova Instância", "status": "created",
      "integration": "WHATSAPP-BAILEYS", "phone": None}),
    ({"id": "i1", "name": "n", "phoneNumber": "5511999999999", "status": "initializing"},
     {"phone": "+5511999999999", "status": "created"}),
    ({"id": "i2", "status": "pairing_magic"}, {"status": "pairing_magic", "name": "i2"}),
    ({"id": 42, "name": "n", "status": "qr", "createdAt": 1704456789,
      "updatedAt": "2024-01-15T14:00:00+00:00", "profilePicUrl": "https://pic/x.jpg"},
     {"id": "42", "created_at": datetime.fromtimestamp(1704456789, UTC),
      "updated_at": datetime(2024, 1, 15, 14, tzinfo=UTC), "profile_pic_url": "https://pic/x.jpg"}),
    ({"id": "i3", "name": "n", "status": "connected", "createdAt": "yesterday", "active": "yes"},
     {"created_at": None, "active": None}),
])
def test_instance_variants(data: dict[str, object], expected: dict[str, object]) -> None:
    inst = parse.instance(data)
    for field, value in expected.items():
        assert getattr(inst, field) == value, field


def test_unknown_statuses_are_kept_as_they_are() -> None:
    inst = parse.instance({"id": "i", "status": "pairing_magic"})
    assert inst.status == "pairing_magic" and inst.known_status is None
    assert parse.instance({"id": "i", "status": "banned"}).known_status is Status.BANNED


@pytest.mark.parametrize("raw", [
    {"base64": PNG_URL, "expiry": 20, "attemptId": "qr_attempt_3"},
    {"base64": PNG_URL.replace("data:image/png", "DATA:IMAGE/PNG"), "expiry": "20",
     "attemptId": "qr_attempt_3"},
])
def test_a_good_qr(raw: dict[str, object]) -> None:
    inst = parse.instance({"id": "i", "status": "qr", "qrCode": raw})
    assert inst.qr is not None and inst.qr_problem is None
    assert inst.qr.png == PNG and inst.qr.expiry == 20 and inst.qr.attempt == 3


def test_a_qr_without_attempt_id_still_tells_codes_apart() -> None:
    first = parse.qr_code(PNG_URL)
    other = parse.qr_code("data:image/png;base64," + base64.b64encode(PNG + b"x").decode())
    assert first.attempt_id != other.attempt_id and first.attempt is None
    assert first.expiry == 20


@pytest.mark.parametrize(("raw", "why"), [
    ({"base64": "data:image/jpeg;base64," + base64.b64encode(PNG).decode()}, "PNG data URL"),
    ({"base64": "data:image/png;base64," + base64.b64encode(b"GIF89a....").decode()},
     "not a PNG image"),
    ({"base64": "data:image/png;base64,@@@not-base64@@@"}, "damaged"),
    ({"expiry": 20}, "PNG data URL"),
    (12, "neither"),
])
def test_a_bad_qr_is_an_error_the_caller_can_show(raw: object, why: str) -> None:
    inst = parse.instance({"id": "i", "status": "qr", "qrCode": raw})
    assert inst.qr is None and inst.qr_problem is not None and why in inst.qr_problem
    with pytest.raises(UnexpectedResponse):
        parse.qr_code(raw)


def test_lists_skip_unreadable_rows_and_accept_wrapped_lists() -> None:
    rows = [{"id": "a", "status": "qr"}, {"name": "no id"}, "junk", {"id": "b"}]
    assert [i.id for i in parse.instances(rows)] == ["a", "b"]
    assert [i.id for i in parse.instances({"instances": [{"id": "c"}]})] == ["c"]
    with pytest.raises(UnexpectedResponse):
        parse.instances("nope")


@pytest.mark.parametrize(("data", "expected_id", "status"), [
    ({"id": "3EB0AB", "status": "queued"}, "3EB0AB", "queued"),
    ({"messageId": "3EB0CD"}, "3EB0CD", "queued"),
    ({"key": {"id": "BAE5"}, "status": "PENDING"}, "BAE5", "PENDING"),
    (None, None, "queued"),
])
def test_sent_message_variants(data: object, expected_id: str | None, status: str) -> None:
    sent = parse.sent_message(data, "5511999999999")
    assert (sent.id, sent.status, sent.to) == (expected_id, status, "5511999999999")


def test_rate_limit_headers_and_retry_time() -> None:
    headers = {"X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "12",
               "X-RateLimit-Reset": "1000", "X-RateLimit-Window": "60"}
    quota = parse.rate_limit(headers)
    assert quota is not None and (quota.limit, quota.remaining, quota.reset, quota.window) == \
        (600, 12, 1000.0, 60)
    assert parse.rate_limit({}) is None
    assert parse.retry_after(headers, now=997.5) == 2.5
    assert parse.retry_after({"Retry-After": "4"}, now=0) == 4
    assert parse.retry_after({}, now=0) == 1.0
