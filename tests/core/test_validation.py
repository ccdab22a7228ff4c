from __future__ import annotations

import pytest

from zapdesk.core import validation
from zapdesk.core.errors import InvalidInput, InvalidMessage, InvalidName, InvalidUrl


@pytest.mark.parametrize(("name", "ok"), [("abc", True), ("  abc  ", True), ("ab", False),
                                           ("   ", False), ("x" * 50, True), ("x" * 51, False)])
def test_instance_names(name: str, ok: bool) -> None:
    if ok:
        assert validation.instance_name(name) == name.strip()
    else:
        with pytest.raises(InvalidName) as caught:
            validation.instance_name(name)
        assert "3 to 50" in str(caught.value) and caught.value.field == "name"


@pytest.mark.parametrize(("url", "ok"), [
    ("https://hooks.example.com/x", True), ("http://127.0.0.1:8080/hooks/t", True),
    ("HTTPS://H.example/", True), ("ftp://h/x", False), ("/relative", False), ("", False),
    ("http://", False), ("http://h:notaport/", False), ("javascript:alert(1)", False)])
def test_urls(url: str, ok: bool) -> None:
    if ok:
        assert validation.http_url(url, field="webhookUrl") == url
    else:
        with pytest.raises(InvalidUrl) as caught:
            validation.http_url(url, field="webhookUrl")
        assert caught.value.field == "webhookUrl"


def test_an_empty_optional_url_means_none() -> None:
    assert validation.optional_http_url("  ", field="webhookUrl") is None
    assert validation.optional_http_url(None, field="webhookUrl") is None


@pytest.mark.parametrize(("url", "kind"), [
    ("https://h/a.JPG", "image"), ("https://h/a.png?x=1", "image"), ("https://h/v.mp4", "video"),
    ("https://h/voz.ogg", "audio"), ("https://h/m.mp3", "audio"), ("https://h/c.pdf", "document"),
    ("https://h/planilha.xlsx", "document"), ("https://h/sem-extensao", "document")])
def test_media_type_from_the_extension(url: str, kind: str) -> None:
    assert validation.media_type_for(url) == kind


def test_messages_and_media_types() -> None:
    assert validation.message_text("oi") == "oi"
    for bad in ["", "   ", "x" * 65_537]:
        with pytest.raises(InvalidMessage):
            validation.message_text(bad)
    with pytest.raises(InvalidInput):
        validation.media_type("sticker")
