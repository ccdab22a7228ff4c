"""The simulated WhatsApp side: who the contacts are and how they answer."""

from __future__ import annotations

import hashlib
import secrets

_FIRST = ["Ana", "João", "Maria", "Pedro", "Juliana", "Carlos", "Fernanda", "Lucas",
          "Beatriz", "Rafael", "Camila", "Thiago", "Larissa", "Gustavo", "Patrícia", "Bruno"]
_LAST = ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Almeida",
         "Ferreira", "Rodrigues", "Gomes", "Ribeiro", "Carvalho", "Martins"]

_OPENERS = [
    "Oi, tudo bem? Gostaria de saber o status do meu pedido.",
    "Bom dia! Vocês abrem no sábado?",
    "Olá, preciso de uma segunda via do boleto.",
    "Boa tarde, o produto chegou com defeito 😕",
    "Oi! Qual o prazo de entrega para Campinas?",
]


def contact_name(number: str) -> str:
    """A stable Brazilian name for a number, so the same contact keeps its name."""
    digest = hashlib.sha256(number.encode()).digest()
    return f"{_FIRST[digest[0] % len(_FIRST)]} {_LAST[digest[1] % len(_LAST)]}"


def reply_to(text: str) -> str:
    snippet = text.strip().replace("\n", " ")
    if len(snippet) > 60:
        snippet = snippet[:57] + "..."
    return f"Recebi sua mensagem: “{snippet}”. Obrigado! 👍"


def opener(seed: int) -> str:
    return _OPENERS[seed % len(_OPENERS)]


def new_message_id(*, from_me: bool) -> str:
    # Baileys' own ids start 3EB0 (sent by this device); a phone's look like 3A/AC + hex.
    return ("3EB0" if from_me else "3A") + secrets.token_hex(9 if from_me else 10).upper()


def new_group_jid() -> str:
    return f"1203630{secrets.randbelow(10**11):011d}@g.us"
