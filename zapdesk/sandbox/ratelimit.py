"""Sliding-window request counting behind the X-RateLimit-* headers.

Limits run on real (monotonic) time even when the sandbox clock is sped up or frozen:
they are a property of the wire that the client must respect in real seconds.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Quota:
    limit: int
    remaining: int
    reset: int  # epoch seconds when a slot frees up
    window: int

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
            "X-RateLimit-Window": str(self.window),
        }


class SlidingWindow:
    def __init__(
        self, limit: int, window: float, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._monotonic = monotonic
        self._hits: deque[float] = deque()

    def _expire(self, now: float) -> None:
        while self._hits and self._hits[0] <= now - self.window:
            self._hits.popleft()

    def _quota(self, now: float) -> Quota:
        until = (self._hits[0] + self.window - now) if self._hits else 0.0
        return Quota(
            limit=self.limit,
            remaining=max(0, self.limit - len(self._hits)),
            reset=math.ceil(time.time() + until),
            window=math.ceil(self.window),
        )

    def hit(self) -> tuple[bool, Quota]:
        """Count one request if there is room; say whether it was allowed."""
        now = self._monotonic()
        self._expire(now)
        if len(self._hits) >= self.limit:
            return False, self._quota(now)
        self._hits.append(now)
        return True, self._quota(now)

    def peek(self) -> Quota:
        now = self._monotonic()
        self._expire(now)
        return self._quota(now)
