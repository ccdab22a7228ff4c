"""The variables of a quick reply (``{{nome}}``, ``{{saudacao}}``…) and their values.

Expanding never sends a variable raw: what is not known stays as typed and is listed, so
the composer can refuse to send it and say which one is wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from zapdesk.core.errors import ZapdeskError
from zapdesk.core.text import QT_TRANSLATE_NOOP

VARIABLE = re.compile(r"\{\{\s*([^{}\s]*)\s*\}\}")
NAMES = ("nome", "primeiro_nome", "saudacao", "atendente", "instancia", "data", "hora",
         "protocolo")


class UnknownVariable(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "{names}: zapdesk cannot fill this in here, so "
                                           "it is not sent. Correct or remove it; the "
                                           "variables are "
                                           "{{{{nome}}}}, {{{{primeiro_nome}}}}, "
                                           "{{{{saudacao}}}}, {{{{atendente}}}}, "
                                           "{{{{instancia}}}}, {{{{data}}}}, {{{{hora}}}} and "
                                           "{{{{protocolo}}}}.")


def greeting(now: datetime) -> str:
    """Bom dia until noon, boa tarde until six, boa noite after (and before five)."""
    if 5 <= now.hour < 12:
        return "bom dia"
    if 12 <= now.hour < 18:
        return "boa tarde"
    return "boa noite"


@dataclass(frozen=True)
class Context:
    name: str  # the contact's saved name, else their pushName, else the number
    operator: str
    instance: str
    now: datetime  # the local clock (injected in tests)
    protocol: str = ""  # the conversation's protocol number, when one was asked for

    def values(self) -> dict[str, str]:
        first = self.name.split()[0] if self.name.split() else self.name
        return {"nome": self.name, "primeiro_nome": first, "saudacao": greeting(self.now),
                "atendente": self.operator, "instancia": self.instance,
                "data": self.now.strftime("%d/%m/%Y"), "hora": self.now.strftime("%H:%M"),
                "protocolo": self.protocol}


def used(text: str) -> list[str]:
    """The variables a text uses, in order, each once."""
    return list(dict.fromkeys(m.group(1) for m in VARIABLE.finditer(text)))


def unknown(text: str) -> list[str]:
    """The ``{{…}}`` in ``text`` that are not variables zapdesk knows."""
    return [name for name in used(text) if name not in NAMES]


def expand(text: str, context: Context) -> str:
    """The known variables replaced by their values; unknown ones (and those without a
    value here, such as a protocol outside a conversation) left as written."""
    values = context.values()
    return VARIABLE.sub(lambda m: values.get(m.group(1)) or m.group(0), text)


def ready_to_send(text: str, context: Context) -> str:
    """``text`` expanded; UnknownVariable naming what is left, never sent raw."""
    done = expand(text, context)
    left = [m.group(0) for m in VARIABLE.finditer(done)]
    if left:
        raise UnknownVariable(f"unfilled variables: {left}", names=", ".join(
            dict.fromkeys(left)))
    return done
