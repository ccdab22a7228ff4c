from __future__ import annotations

import logging

import pytest

from zapdesk.core.redact import Redactor


@pytest.mark.parametrize(("line", "leak"), [
    ("Cookie: auth-session=abc123def456", "abc123def456"),
    ('{"email": "a@b", "password": "hunter2!"}', "hunter2!"),
    ("Authorization: Bearer zpk_live_0123456789abcdef", "0123456789abcdef"),
    ("key zpk_test_deadbeefcafe used", "deadbeefcafe"),
    ('{"apikey": "B6D711FCDE4D4FD5936544120E713976"}', "B6D711FCDE4D4FD5936544120E713976"),
])
def test_secret_looking_fields_are_masked(line: str, leak: str) -> None:
    assert leak not in Redactor().redact(line)


def test_registered_secrets_are_masked_in_records_and_tracebacks() -> None:
    redactor = Redactor()
    redactor.add("s3cr3t-passw0rd")
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "login with %s", (
        "s3cr3t-passw0rd",), None)
    try:
        raise ValueError("s3cr3t-passw0rd")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert redactor.filter(record)
    assert "s3cr3t-passw0rd" not in record.getMessage()
    assert record.exc_text and "s3cr3t-passw0rd" not in record.exc_text
