"""Posts N webhook events to a URL from its own process: ``python -m tests.webhooks.burst
URL N CONCURRENCY``. Prints how many were answered 200 and the seconds it took."""

from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp


def event(number: int) -> dict[str, object]:
    return {"event": "messages.upsert",
            "instance": {"instanceName": "Burst", "instanceId": "inst_burst"},
            "data": {"key": {"remoteJid": f"55119{number % 50:08d}@s.whatsapp.net",
                             "fromMe": False, "id": f"BURST{number:07d}"},
                     "message": {"conversation": f"mensagem {number}"},
                     "messageType": "conversation", "messageTimestamp": 1704456789 + number,
                     "pushName": f"Cliente {number % 50}"}}


async def main(url: str, count: int, concurrency: int) -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(count):
        queue.put_nowait(number)
    answered = 0
    started = time.perf_counter()
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as client:
        async def worker() -> None:
            nonlocal answered
            while not queue.empty():
                body = json.dumps(event(queue.get_nowait()))
                for _ in range(5):  # as a provider would: retry what was not acknowledged
                    try:
                        async with client.post(url, data=body, headers={
                                "content-type": "application/json"}) as response:
                            await response.read()
                            status = response.status
                    except aiohttp.ClientError:
                        await asyncio.sleep(0.1)
                        continue
                    if status == 200:
                        answered += 1
                        break
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    print(answered, f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
