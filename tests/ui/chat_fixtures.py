"""A conversation with every rendering case, stored through the real ingest path."""

from __future__ import annotations

import base64
import io
from typing import Any

from PIL import Image, ImageDraw

from tests.webhooks import payloads as p
from zapdesk.store.store import Store
from zapdesk.webhooks.parser import parse

INSTANCE = "inst_abc123"
T0 = 1704456789  # 2024-01-05


def _upsert(content: dict[str, Any], message_id: str, at: int, **options: Any
            ) -> dict[str, Any]:
    return p.documented("messages.upsert", p.upsert(content, message_id=message_id,
                                                    timestamp=at, **options))


def jpeg_thumbnail(width: int = 96, height: int = 64) -> str:
    """A real small JPEG, as WhatsApp sends in ``jpegThumbnail``: a sky over a green field."""
    picture = Image.new("RGB", (width, height), (120, 180, 235))
    ImageDraw.Draw(picture).rectangle((0, height * 2 // 3, width, height), fill=(70, 150, 60))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=70)
    return base64.b64encode(out.getvalue()).decode()


def every_case() -> list[dict[str, Any]]:
    """One conversation (p.JID) showing each case the chat must render."""
    at = T0
    out = [
        _upsert({"conversation": "Olá! Vocês entregam em Campinas?"}, "IN1", at),
        _upsert({"conversation": "Entregamos sim, em até 2 dias úteis. *Frete grátis* acima "
                                 "de R$ 200."}, "OUT1", at + 60, from_me=True, push_name=None,
                status="READ"),
        _upsert(p.quoted_reply("OUT1", "Entregamos sim, em até 2 dias úteis."), "IN2",
                at + 120),
        _upsert({"imageMessage": {**p.MEDIA[0][1]["imageMessage"],
                                  "jpegThumbnail": jpeg_thumbnail()}}, "IMG", at + 180),
        _upsert(p.MEDIA[3][1], "DOC", at + 240),
        _upsert(p.MEDIA[2][1], "VOICE", at + 300),
        _upsert(p.LOCATIONS[0], "LOC", at + 360),
        _upsert(p.CONTACTS[0], "CARD", at + 420),
        _upsert(p.POLLS[0], "POLL", at + 480),
        _upsert({"groupInviteMessage": {"inviteCode": "x"}}, "ODD", at + 540),
        _upsert({"conversation": "texto errado"}, "EDIT", at + 86400),
        p.documented("messages.edited", p.evolution_edited("EDIT", "texto corrigido",
                                                           at_ms=(at + 86401) * 1000)),
        _upsert({"conversation": "vou apagar"}, "GONE", at + 86402),
        _upsert(p.revoke("GONE"), "R1", at + 86403),
        _upsert({"conversation": "Pedido confirmado!"}, "OUT2", at + 86404, from_me=True,
                push_name=None, status="DELIVERY_ACK"),
        _upsert(p.reaction("OUT2", "👍"), "RX", at + 86405),
        _upsert({"conversation": "Enviado agora"}, "OUT3", at + 86406, from_me=True,
                push_name=None, status="SERVER_ACK"),
    ]
    return out


async def store_every_case(store: Store, account_id: str) -> None:
    for payload in every_case():
        await store.receive(account_id, payload, parse(payload))
