from __future__ import annotations

import pytest

from zapdesk.core.errors import InvalidLink, LinkNumberInvalid, LinkWithoutNumber
from zapdesk.core.links import Link, parse_link

BR = "5511999999999"


@pytest.mark.parametrize(("link", "phone", "text"), [
    # wa.me, as WhatsApp documents it and as people write it
    ("https://wa.me/5511999999999", BR, ""),
    ("https://wa.me/5511999999999/", BR, ""),
    ("http://wa.me/5511999999999", BR, ""),
    ("https://www.wa.me/5511999999999", BR, ""),
    ("HTTPS://WA.ME/5511999999999", BR, ""),
    ("  https://wa.me/5511999999999\n", BR, ""),
    ("https://wa.me/+5511999999999", BR, ""),
    ("https://wa.me/+55%2011%2099999-9999", BR, ""),
    ("https://wa.me/55-11-99999-9999", BR, ""),
    ("https://wa.me/5511999999999?text=Ol%C3%A1", BR, "Olá"),
    ("https://wa.me/5511999999999?text=Bom+dia", BR, "Bom dia"),
    ("https://wa.me/5511999999999?text=", BR, ""),
    ("https://wa.me/5511999999999?TEXT=oi&utm_source=site", BR, "oi"),
    # emoji and line breaks, percent-encoded as UTF-8; a literal + encoded as %2B
    ("https://wa.me/5511999999999?text=Oi%20%F0%9F%98%80%0Alinha%202%0D%0Afim",
     BR, "Oi 😀\nlinha 2\nfim"),
    ("https://wa.me/5511999999999?text=1%2B1%3D2%20%26%20ok", BR, "1+1=2 & ok"),
    # a local number in a link is still understood (WhatsApp would not; the operator can)
    ("https://wa.me/11999999999", BR, ""),
    # foreign numbers
    ("https://wa.me/14155552671?text=hi", "14155552671", "hi"),
    ("https://wa.me/351912345678", "351912345678", ""),
    # api.whatsapp.com and the app's own scheme
    ("https://api.whatsapp.com/send?phone=5511999999999&text=Oi", BR, "Oi"),
    ("https://api.whatsapp.com/send/?phone=%2B5511999999999&text=Oi&type=phone_number", BR,
     "Oi"),
    ("https://web.whatsapp.com/send?phone=5511999999999", BR, ""),
    ("whatsapp://send?phone=5511999999999&text=Ol%C3%A1%21", BR, "Olá!"),
    ("whatsapp://send/?phone=+55 11 99999-9999", BR, ""),
    ("WhatsApp://send?text=primeiro&phone=5511999999999", BR, "primeiro"),
    # tel:, global and local, with visual separators and parameters
    ("tel:+55-11-99999-9999", BR, ""),
    ("tel:+5511999999999;ext=12", BR, ""),
    ("tel:+55%2011%2099999%209999", BR, ""),
    ("tel:(11)%2099999-9999", BR, ""),
    ("tel:+1-415-555-2671", "14155552671", ""),
])
def test_links_give_the_normalised_number_and_text(link: str, phone: str, text: str) -> None:
    assert parse_link(link) == Link(phone, text)


@pytest.mark.parametrize(("link", "refusal"), [
    ("https://wa.me/", LinkWithoutNumber),
    ("https://wa.me/?text=oi", LinkWithoutNumber),
    ("whatsapp://send?text=oi", LinkWithoutNumber),
    ("whatsapp://send?phone=&text=oi", LinkWithoutNumber),
    ("https://api.whatsapp.com/send?text=oi", LinkWithoutNumber),
    ("tel:", LinkWithoutNumber),
    ("https://wa.me/5511abc99999", LinkNumberInvalid),
    ("https://wa.me/message/ABCDEF123", LinkNumberInvalid),
    ("https://wa.me/1-800-FLOWERS", LinkNumberInvalid),
    ("whatsapp://send?phone=55119999", LinkNumberInvalid),
    ("https://wa.me/123", LinkNumberInvalid),
    ("tel:+999 1234 5678", LinkNumberInvalid),
    ("https://wa.me/5511999999999?text=%FF%FE", InvalidLink),  # not UTF-8
    ("mailto:ana@example.test", InvalidLink),
    ("sms:+5511999999999", InvalidLink),
    ("ftp://wa.me/5511999999999", InvalidLink),
    ("https://example.com/5511999999999", InvalidLink),
    ("https://wa.me.example.com/5511999999999", InvalidLink),
    ("https://wa.me:8443/5511999999999", InvalidLink),
    ("https://api.whatsapp.com/other?phone=5511999999999", InvalidLink),
    ("whatsapp://chat?phone=5511999999999", InvalidLink),
    ("file:///etc/passwd", InvalidLink),
    ("5511999999999", InvalidLink),  # a bare number is not a link
    ("", InvalidLink),
    ("   ", InvalidLink),
    ("https://wa.me/5511999999999?text=" + "a" * 9000, InvalidLink),
])
def test_bad_links_are_refused_with_a_message(link: str, refusal: type[InvalidLink]) -> None:
    with pytest.raises(InvalidLink) as caught:
        parse_link(link)
    assert type(caught.value) is refusal
    message = caught.value.message()
    assert message and "{" not in message
    if refusal is LinkNumberInvalid:
        assert "not a valid phone number" in message
    elif refusal is LinkWithoutNumber:
        assert "which number" in message
    else:
        assert "whatsapp://send" in message and "wa.me" in message


def test_the_refusal_is_translated() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "«{number}» não é um número de telefone válido."

    with pytest.raises(LinkNumberInvalid) as caught:
        parse_link("https://wa.me/55abc")
    assert caught.value.message(translate) == "«55abc» não é um número de telefone válido."
    assert seen == [("errors", LinkNumberInvalid.template)]
