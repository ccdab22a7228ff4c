"""Injected failures for the client's tests: the next N matching calls fail or hang."""

from __future__ import annotations

import asyncio
import fnmatch
import math
import time
from dataclasses import dataclass
from typing import Any

from zapdesk.sandbox.errors import ApiError, invalid
from zapdesk.sandbox.ratelimit import Quota

_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found", 429: "rate_limit_exceeded"}


@dataclass
class Fault:
    path: str  # glob over the request path, e.g. /whatsapp/instances/*/send-text
    method: str | None
    remaining: int
    status: int | None
    delay: float
    retry_after: int | None = None  # a 429's wait, in seconds

    def matches(self, method: str, path: str) -> bool:
        return (self.remaining > 0 and (self.method is None or self.method == method)
                and fnmatch.fnmatchcase(path, self.path))


class Faults:
    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, body: dict[str, Any]) -> Fault:
        path = body.get("path")
        if not isinstance(path, str) or not path.startswith("/"):
            raise invalid("path", "path must be a glob starting with /")
        method = body.get("method")
        if method is not None and not isinstance(method, str):
            raise invalid("method", "method must be a string")
        count = body.get("count", 1)
        if not isinstance(count, int) or count < 1:
            raise invalid("count", "count must be a positive integer")
        status = body.get("status")
        if status is not None and (not isinstance(status, int) or not 400 <= status <= 599):
            raise invalid("status", "status must be an HTTP error status (400-599)")
        delay = body.get("delay", 0)
        if not isinstance(delay, int | float) or delay < 0 or delay > 600:
            raise invalid("delay", "delay must be 0-600 seconds")
        if status is None and not delay:
            raise invalid("status", "give a status, a delay, or both")
        retry_after = body.get("retryAfter")
        if retry_after is not None and (status != 429 or not isinstance(retry_after, int)
                                        or not 1 <= retry_after <= 86400):
            raise invalid("retryAfter", "retryAfter must be 1-86400 seconds, with status 429")
        fault = Fault(path, method.upper() if method else None, count, status, float(delay),
                      retry_after)
        self._faults.append(fault)
        return fault

    def clear(self) -> None:
        self._faults.clear()

    async def apply(self, method: str, path: str) -> None:
        for fault in self._faults:
            if fault.matches(method, path):
                fault.remaining -= 1
                if fault.delay:
                    await asyncio.sleep(fault.delay)
                if fault.status is not None:
                    code = _CODES.get(fault.status, "internal_error" if fault.status >= 500
                                      else "invalid_request")
                    quota = Quota(limit=1, remaining=0, window=fault.retry_after,
                                  reset=math.ceil(time.time()) + fault.retry_after) \
                        if fault.retry_after else None
                    raise ApiError(fault.status, code, f"injected fault ({fault.status})",
                                   quota=quota)
                return
