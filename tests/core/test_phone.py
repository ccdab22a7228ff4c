from __future__ import annotations

import pytest

from zapdesk.core.errors import InvalidPhoneNumber
from zapdesk.core.phone import format_phone, normalize_phone


@pytest.mark.parametrize(("typed", "expected"), [
    ("(11) 99999-9999", "5511999999999"),
    ("+55 11 9 9999-9999", "5511999999999"),
    ("011 99999-9999", "5511999999999"),
    ("01199999-9999", "5511999999999"),
    ("0xx11 99999-9999", "5511999999999"),
    ("0 15 11 99999 9999", "5511999999999"),  # with a long-distance carrier code
    ("11999999999", "5511999999999"),
    ("5511999999999", "5511999999999"),
    ("  +55 (21) 2222-3333 ", "552122223333"),  # a landline
    ("+1 415 555 2671", "14155552671"),
    ("14155552671", "14155552671"),  # a foreign number typed with its country code, no +
    ("+351 912 345 678", "351912345678"),
])
def test_numbers_as_operators_type_them(typed: str, expected: str) -> None:
    assert normalize_phone(typed) == expected


@pytest.mark.parametrize("typed", ["", "abc", "(11) 9999-999", "551199999999", "99999-9999",
                                   "+55 11", "12345678901234567890", "+999 1234 5678"])
def test_numbers_that_cannot_be_normalised_are_refused_clearly(typed: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        normalize_phone(typed)
    assert caught.value.field == "to"
    assert typed.strip() in str(caught.value) and "(11) 99999-9999" in str(caught.value)


def test_display_format() -> None:
    assert format_phone("5511999999999") == "+55 11 99999-9999"
    assert format_phone("+5511999999999") == "+55 11 99999-9999"
    assert format_phone("not-a-number") == "not-a-number"
