"""The sandbox's notion of time: wall time that may run faster, or stand still for tests."""

from __future__ import annotations

import time


class SandboxClock:
    """Epoch seconds that advance ``scale`` times faster than real time.

    ``scale=0`` freezes the clock so tests move it only with :meth:`advance`; the demo
    uses 1.0, and ``--time-scale 20`` makes a 20-second QR code last one real second.
    """

    def __init__(self, scale: float = 1.0, start: float | None = None) -> None:
        if scale < 0:
            raise ValueError("time scale must be zero or positive")
        self._scale = scale
        self._wall0 = time.time() if start is None else start
        self._mono0 = time.monotonic()
        self._offset = 0.0

    @property
    def scale(self) -> float:
        return self._scale

    def now(self) -> float:
        return self._wall0 + (time.monotonic() - self._mono0) * self._scale + self._offset

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the sandbox clock never goes back")
        self._offset += seconds
