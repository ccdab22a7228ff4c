from __future__ import annotations

from zapdesk.core import errors


def test_messages_read_well_and_translate_through_their_template() -> None:
    error = errors.RateLimited("slow down", status=429, retry_after=2.4)
    assert error.message() == "Too many requests. Try again in 2 s."
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "Muitas requisições. Tente de novo em {retry_after} s."

    assert error.message(translate) == "Muitas requisições. Tente de novo em 2 s."
    assert seen == [("errors", errors.RateLimited.template)]


def test_the_servers_words_are_details_never_the_sentence() -> None:
    error = errors.NameTaken("an instance named 'Vendas' already exists", status=409,
                             code="conflict")
    assert "Vendas" not in error.message()
    assert error.details() == "HTTP 409 · conflict · an instance named 'Vendas' already exists"
    # the log (str) keeps both
    assert str(error) == f"{error.message()} [{error.details()}]"


def test_a_field_is_named_in_the_operators_language() -> None:
    error = errors.InvalidInput("name too short", field="name")
    words = {"Check {field}: the value was not accepted.": "Verifique {field}: o valor não "
             "foi aceito.", "the name": "o nome"}
    assert error.message(lambda _c, t: words.get(t, t)) == \
        "Verifique o nome: o valor não foi aceito."


def test_a_broken_translation_falls_back_to_english() -> None:
    error = errors.RateLimited("boom", status=429, retry_after=3)
    assert error.message(lambda _c, _t: "Falhou {nao_existe}") == \
        "Too many requests. Try again in 3 s."


def test_the_hierarchy() -> None:
    assert issubclass(errors.PlanLimitReached, errors.Forbidden)
    assert issubclass(errors.PlanLimitOf, errors.PlanLimitReached)
    assert issubclass(errors.InvalidPhoneNumber, errors.InvalidInput)
    assert issubclass(errors.ConnectionRefused, errors.NetworkError)
    assert issubclass(errors.CertificateError, errors.SecureConnectionFailed)
    for cls in (errors.PasswordNotSaved, errors.InvalidApiKey, errors.SessionExpired):
        assert issubclass(cls, errors.NotAuthenticated)
    for cls in (errors.ApiError, errors.NetworkError, errors.KeyringUnavailable):
        assert issubclass(cls, errors.ZapdeskError)


def test_an_old_style_template_naming_the_detail_does_not_crash() -> None:
    class Old(errors.ZapdeskError):
        template = "It broke: {detail}"

    assert Old("disk full").message(lambda _c, t: t) == "It broke: disk full"
