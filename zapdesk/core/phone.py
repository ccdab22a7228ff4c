"""Phone numbers as operators type them, made into what WhatsApp and ZapFlare expect."""

from __future__ import annotations

import phonenumbers

from zapdesk.core.errors import InvalidPhoneNumber

DEFAULT_REGION = "BR"  # most operators are in Brazil; a leading + or country code wins


def normalize_phone(text: str, region: str = DEFAULT_REGION, *, field: str = "to") -> str:
    """``(11) 99999-9999``, ``+55 11 9 9999-9999`` or ``011 99999-9999`` → ``5511999999999``.

    Refuses anything that is not a valid number, with a message that says what to type.
    """
    raw = text.strip()
    candidates = [raw]
    digits = "".join(ch for ch in raw if ch.isdigit())
    if not raw.startswith("+") and len(digits) >= 11 and not digits.startswith("0"):
        candidates.append("+" + digits)  # typed with a country code but no +
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    raise InvalidPhoneNumber(f"not a valid number: {raw!r}", field=field, number=raw)


def format_phone(e164_digits: str) -> str:
    """``5511999999999`` → ``+55 11 99999-9999`` for display; unknown shapes pass through."""
    digits = e164_digits.lstrip("+")
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return e164_digits
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def user_jid(digits: str) -> str:
    return f"{digits}@s.whatsapp.net"
