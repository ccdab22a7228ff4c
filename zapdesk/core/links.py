"""Links that mean "write to this number": ``whatsapp://send?phone=…&text=…``,
``https://wa.me/<number>?text=…`` (also ``http://`` and ``api.whatsapp.com/send?phone=…``)
and ``tel:+55…``. Parsing only: opening the composer is the window's job, and nothing is
ever sent because a link was followed."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from zapdesk.core.errors import (
    InvalidLink,
    InvalidPhoneNumber,
    LinkNumberInvalid,
    LinkWithoutNumber,
)
from zapdesk.core.phone import normalize_phone

WA_ME_HOSTS = frozenset({"wa.me", "www.wa.me"})
SEND_HOSTS = frozenset({"api.whatsapp.com", "web.whatsapp.com", "whatsapp.com",
                        "www.whatsapp.com"})
SEPARATORS = frozenset(" -.()\t")  # what people put between digits; letters are not allowed
LONGEST = 8192  # a link longer than this is not something a person clicked


@dataclass(frozen=True)
class Link:
    phone: str  # digits with the country code, as normalize_phone gives them
    text: str  # the message to put in the box ("" when the link has none)


def parse_link(raw: str) -> Link:
    """The number (normalised) and text of a link, or an InvalidLink that says what is
    wrong with it."""
    link = raw.strip()
    if not link or len(link) > LONGEST:
        raise InvalidLink(f"not a link zapdesk opens: {raw[:80]!r}", link=link[:80])
    parts = urlsplit(link)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme == "tel":
        number = unquote(parts.path).split(";", 1)[0]  # ;ext=… and other parameters
        return Link(_number(number, link, international=False), "")
    query = _query(parts.query, link)
    if scheme == "whatsapp" and host == "send" and parts.path in ("", "/"):
        number = query.get("phone", "")
    elif scheme in ("http", "https") and host in WA_ME_HOSTS and not parts.port:
        number = unquote(parts.path.strip("/"))
    elif scheme in ("http", "https") and host in SEND_HOSTS and not parts.port \
            and parts.path.rstrip("/") == "/send":
        number = query.get("phone", "")
    else:
        raise InvalidLink(f"not a link zapdesk opens: {link[:80]!r}", link=link[:80])
    text = query.get("text", "").replace("\r\n", "\n").replace("\r", "\n")
    return Link(_number(number, link, international=True), text)


def _query(query: str, link: str) -> dict[str, str]:
    """The first value of each parameter, percent-decoded as UTF-8 (``+`` is a space)."""
    try:
        found = parse_qs(query, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise InvalidLink(f"the link's text is not UTF-8: {link[:80]!r}",
                          link=link[:80]) from None
    return {key.lower(): values[0] for key, values in found.items()}


def _number(number: str, link: str, *, international: bool) -> str:
    shown = link[:80]
    typed = number.strip()
    if not any(ch.isdigit() for ch in typed):
        if typed:
            raise LinkNumberInvalid(f"no number in {shown!r}", link=shown, number=typed)
        raise LinkWithoutNumber(f"no number in {shown!r}", link=shown)
    body = typed[1:] if typed.startswith("+") else typed
    if any(not (ch.isdigit() or ch in SEPARATORS) for ch in body):
        raise LinkNumberInvalid(f"not a number: {typed!r}", link=shown, number=typed)
    digits = "".join(ch for ch in body if ch.isdigit())
    # wa.me and whatsapp:// numbers are international (country code first, no +); a local
    # number (typed the way operators type them) is still understood, for lenience.
    candidates = ["+" + digits, typed] if international else [typed]
    for candidate in candidates:
        try:
            return normalize_phone(candidate)
        except InvalidPhoneNumber:
            continue
    raise LinkNumberInvalid(f"not a valid number: {typed!r}", link=shown, number=typed)
