from __future__ import annotations

from zapdesk.core import errors


def test_messages_read_well_and_translate_through_their_template() -> None:
    error = errors.RateLimited("slow down", status=429, retry_after=2.4)
    assert str(error) == "Too many requests: try again in 2 s."
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "Muitas requisições: tente de novo em {retry_after} s."

    assert error.message(translate) == "Muitas requisições: tente de novo em 2 s."
    assert seen == [("errors", errors.RateLimited.template)]


def test_a_broken_translation_falls_back_to_english() -> None:
    error = errors.ServerError("boom", status=503)
    assert error.message(lambda _c, _t: "Falhou {nao_existe}") == \
        "The server failed (HTTP 503): boom"


def test_the_hierarchy() -> None:
    assert issubclass(errors.PlanLimitReached, errors.Forbidden)
    assert issubclass(errors.InvalidPhoneNumber, errors.InvalidInput)
    assert issubclass(errors.ConnectionRefused, errors.NetworkError)
    for cls in (errors.ApiError, errors.NetworkError, errors.KeyringUnavailable):
        assert issubclass(cls, errors.ZapdeskError)
