"""The asyncio loop on Qt's event loop: qasync's, plus what asyncio's own loop does on start
that qasync leaves out.

asyncio's ``run_forever`` installs async-generator hooks, so a generator abandoned in the
middle (httpx's byte streams when an answer fails to decode, a cancelled ``async for``) is
closed later as a task of the loop. qasync's does not: the garbage collector then closes it
wherever it happens to run, outside any task, and the generator's cleanup fails ("async
generator ignored GeneratorExit", "cancel scope in a different task") with the connection
left open.
"""

from __future__ import annotations

import sys
from typing import Any

import qasync
from PySide6.QtWidgets import QApplication


class EventLoop(qasync.QEventLoop):  # type: ignore[misc]
    _saved_hooks: Any = None

    def _before_run_forever(self) -> None:
        super()._before_run_forever()
        self._saved_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)

    def _after_run_forever(self) -> None:
        saved = getattr(self, "_saved_hooks", None)
        if saved is not None:
            sys.set_asyncgen_hooks(*saved)
            self._saved_hooks = None
        super()._after_run_forever()


def new_loop(app: QApplication | None = None) -> Any:
    """A loop for ``asyncio.Runner(loop_factory=...)`` on the running QApplication."""
    return EventLoop(app or QApplication.instance())
