"""The whole receiving path: facts about messages posted to the real listener over loopback,
in different orders and with redeliveries, end in one state in the real SQLite file."""

from __future__ import annotations

import random

import pytest

from tests.webhooks import fact_history as h
from tests.webhooks.conftest import ACCOUNT, Receiving

pytestmark = pytest.mark.asyncio
PAYLOADS = h.history()


def _shuffled_with_redeliveries() -> list[int]:
    chance = random.Random(12)  # a fixed arrival order
    order = list(range(len(PAYLOADS)))
    chance.shuffle(order)
    for number in chance.sample(range(len(PAYLOADS)), 5):
        order.insert(chance.randrange(len(order) + 1), number)
    return order


@pytest.mark.parametrize("order", [
    list(range(len(PAYLOADS))),
    list(range(len(PAYLOADS)))[::-1],
    _shuffled_with_redeliveries(),
], ids=["as-it-happened", "reversed", "shuffled-with-redeliveries"])
async def test_the_final_state_does_not_depend_on_arrival_order(
        receiving: Receiving, order: list[int]) -> None:
    await receiving.store.remember_instances(ACCOUNT, h.INSTANCES)
    for number in order:
        response = await receiving.post(PAYLOADS[number][1])
        assert response.status_code == 200, (PAYLOADS[number][0], response.text)
    assert await receiving.store.read(h.snapshot) == h.EXPECTED
    outcomes = {o.outcome for o in receiving.stored}
    assert "unsupported" not in outcomes  # every real shape was understood
    assert outcomes <= {"stored", "duplicate"}
