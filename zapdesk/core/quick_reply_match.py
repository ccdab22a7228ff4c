"""Which quick replies match what follows ``/`` in the composer: without case or accents
("saudacao" finds "Saudação"), the shortcut first, then the text; a fuzzy match allows
letters in between ("obg" finds "obrigado")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from zapdesk.core.match import fold


class Reply(Protocol):
    @property
    def shortcut(self) -> str: ...

    @property
    def body(self) -> str: ...


R = TypeVar("R", bound=Reply)


def _subsequence(needle: str, hay: str) -> bool:
    found = iter(hay)
    return all(ch in found for ch in needle)


def score(reply: Reply, query: str) -> int | None:
    """Lower is better; None: no match."""
    wanted = fold(query).strip()
    if not wanted:
        return 0
    shortcut, body = fold(reply.shortcut), fold(reply.body)
    if shortcut.startswith(wanted):
        return 1
    if wanted in shortcut:
        return 2
    if _subsequence(wanted, shortcut):
        return 3
    if all(word in body for word in wanted.split()):
        return 4
    return None


def matching(replies: Sequence[R], query: str) -> list[R]:
    """The replies that match, best first, keeping the operator's order among equals."""
    scored = [(s, n, r) for n, r in enumerate(replies) if (s := score(r, query)) is not None]
    return [r for _s, _n, r in sorted(scored, key=lambda t: (t[0], t[1]))]
