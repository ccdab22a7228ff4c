"""Quick replies' variables (the local clock injected) and matching without accents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from zapdesk.core.quick_reply_match import matching
from zapdesk.core.quick_reply_vars import (
    Context,
    UnknownVariable,
    expand,
    greeting,
    ready_to_send,
    unknown,
)


@dataclass(frozen=True)
class Reply:
    shortcut: str
    body: str


def context(hour: int = 9, protocol: str = "") -> Context:
    return Context("Maria da Silva", "Ana", "Vendas", datetime(2026, 3, 7, hour, 5), protocol)


@pytest.mark.parametrize(("hour", "said"), [(4, "boa noite"), (5, "bom dia"), (11, "bom dia"),
                                            (12, "boa tarde"), (17, "boa tarde"),
                                            (18, "boa noite"), (23, "boa noite")])
def test_the_greeting_follows_the_local_clock(hour: int, said: str) -> None:
    assert greeting(datetime(2026, 3, 7, hour, 0)) == said


def test_every_variable_is_filled_in() -> None:
    text = ("{{saudacao}}, {{ primeiro_nome }}! {{nome}} / {{atendente}} / {{instancia}} / "
            "{{data}} {{hora}} / {{protocolo}}")
    assert ready_to_send(text, context(protocol="7-2")) == (
        "bom dia, Maria! Maria da Silva / Ana / Vendas / 07/03/2026 09:05 / 7-2")


def test_an_unknown_or_empty_variable_is_refused_never_sent_raw() -> None:
    assert unknown("Olá {{cliente}} {{nome}}") == ["cliente"]
    assert expand("Olá {{cliente}}", context()) == "Olá {{cliente}}"
    with pytest.raises(UnknownVariable) as raised:
        ready_to_send("Olá {{cliente}}, {{nome}}", context())
    assert "{{cliente}}" in raised.value.message()
    with pytest.raises(UnknownVariable):  # no conversation: no protocol number to give
        ready_to_send("Protocolo {{protocolo}}", context(protocol=""))


def test_matching_ignores_accents_and_case_and_keeps_the_order() -> None:
    replies = [Reply("saudacao", "Bom dia"), Reply("pix", "Chave Pix"),
               Reply("prazo", "Entrega em três dias"), Reply("obrigado", "Obrigado!")]
    assert [r.shortcut for r in matching(replies, "SAUDAÇ")] == ["saudacao"]
    assert [r.shortcut for r in matching(replies, "")] == [r.shortcut for r in replies]
    assert [r.shortcut for r in matching(replies, "p")] == ["pix", "prazo"]
    assert [r.shortcut for r in matching(replies, "obg")] == ["obrigado"]  # fuzzy
    assert [r.shortcut for r in matching(replies, "tres")] == ["prazo"]  # in the text
    assert matching(replies, "zzz") == []
