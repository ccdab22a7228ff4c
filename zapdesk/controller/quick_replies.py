"""Quick replies for the window: read and changed off the GUI thread, per account; one
signal when an account's list changes (the composer's popup and the manager follow it)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from zapdesk.store import quick_replies as rows
from zapdesk.store.quick_replies import (
    LONGEST_BODY,
    LONGEST_SHORTCUT,
    NotQuickReplies,
    QuickReply,
    clean_shortcut,
)
from zapdesk.store.store import Store

# The starter set the demo begins with (Brazilian support wording).
STARTERS: tuple[tuple[str, str], ...] = (
    ("ola", "Olá, {{primeiro_nome}}, {{saudacao}}! Aqui é {{atendente}}. Como posso ajudar?"),
    ("aguarde", "Só um instante, {{primeiro_nome}}, já verifico para você."),
    ("pix", "Você pode pagar por Pix: a chave é o nosso CNPJ. Assim que cair, te aviso!"),
    ("prazo", "O prazo de entrega é de 3 a 5 dias úteis após a confirmação do pagamento."),
    ("protocolo", "Seu protocolo de atendimento é {{protocolo}}."),
    ("obrigado", "Obrigado pelo contato, {{primeiro_nome}}! Qualquer dúvida, é só chamar."),
)


class QuickReplies(QObject):
    changed = Signal(str)  # the account whose quick replies changed

    def __init__(self, store: Callable[[], Store]) -> None:
        super().__init__()
        self._store = store

    async def listed(self, account_id: str) -> list[QuickReply]:
        return await self._store().read(lambda c: rows.listed(c, account_id))

    async def save(self, account_id: str, shortcut: str, body: str,
                   reply_id: int | None = None) -> int:
        now = time.time()
        found = await self._store().write(
            lambda c: rows.save(c, account_id, shortcut, body, now, reply_id))
        self.changed.emit(account_id)
        return found

    async def delete(self, account_id: str, reply_id: int) -> None:
        await self._store().write(lambda c: rows.delete(c, account_id, reply_id))
        self.changed.emit(account_id)

    async def reorder(self, account_id: str, ids: list[int]) -> None:
        await self._store().write(lambda c: rows.reorder(c, account_id, ids))
        self.changed.emit(account_id)

    async def import_json(self, account_id: str, text: str) -> int:
        """Raises NotQuickReplies (nothing imported) when the text is not an export."""
        pairs = rows.parse_json(text)
        now = time.time()
        count = await self._store().write(
            lambda c: rows.import_replies(c, account_id, pairs, now))
        self.changed.emit(account_id)
        return count

    async def export_json(self, account_id: str) -> str:
        return rows.export_json(await self.listed(account_id))

    async def add_starters(self, account_id: str) -> None:
        """The starter set, for an account that has none (the demo)."""
        now = time.time()

        def write(c: sqlite3.Connection) -> None:
            if not rows.listed(c, account_id):
                rows.import_replies(c, account_id, list(STARTERS), now)

        await self._store().write(write)
        self.changed.emit(account_id)

    async def next_protocol(self, conversation_id: int) -> str:
        return await self._store().write(lambda c: rows.next_protocol(c, conversation_id))


# What the window needs of the store's rows and rules, offered here (the UI talks to the
# controller only).
__all__ = ["LONGEST_BODY", "LONGEST_SHORTCUT", "STARTERS", "NotQuickReplies", "QuickReplies",
           "QuickReply", "clean_shortcut"]
