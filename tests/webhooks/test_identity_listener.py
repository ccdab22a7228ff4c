"""The identity facts through the whole path: HTTP over loopback to the real listener, into
the real SQLite file, in the order that used to lose them."""

from __future__ import annotations

import pytest

from tests.webhooks import identity_payloads as ip
from tests.webhooks.conftest import Receiving
from zapdesk.store import queries

pytestmark = pytest.mark.asyncio


async def test_a_deletion_without_instance_id_meets_its_message(receiving: Receiving) -> None:
    for payload in (ip.deletion("M1"), ip.message("O1", "outra", instance_id=ip.OTHER_ID,
                                                   name=ip.OTHER_NAME),
                    ip.message("M1", "Oi, quero um orçamento")):
        assert (await receiving.post(payload)).status_code == 200
    rows = await receiving.store.read(queries.conversations)
    assert {(r.instance, r.jid) for r in rows} == {(ip.INSTANCE_ID, ip.PHONE_JID),
                                                   (ip.OTHER_ID, ip.PHONE_JID)}
    mine = next(r for r in rows if r.instance == ip.INSTANCE_ID)
    [message] = await receiving.store.read(lambda c: queries.messages(c, mine.id))
    assert message.deleted_at is not None
    # the window hears of it under the instance id, where it looks
    assert any(o.instance == ip.INSTANCE_ID and ip.PHONE_JID in o.chats
               for o in receiving.stored)


async def test_a_lid_thread_joins_the_number_when_a_contact_tells(receiving: Receiving
                                                                  ) -> None:
    await receiving.post(ip.message("L1", "oi, sou a Maria", remote=ip.LID))
    rows = await receiving.store.read(queries.conversations)
    assert [r.jid for r in rows] == [ip.LID]
    lid_conversation = rows[0].id
    await receiving.post(ip.contact(ip.LID, jid=ip.PHONE_JID))
    await receiving.post(ip.message("P1", "alô", remote=ip.PHONE_JID, alt=ip.LID, mode="pn",
                                    at=1767225700))
    rows = await receiving.store.read(queries.conversations)
    assert [(r.id, r.jid, r.unread) for r in rows] == [(lid_conversation, ip.PHONE_JID, 2)]
    assert ip.LID in receiving.stored[1].chats and ip.PHONE_JID in receiving.stored[1].chats
