"""Ways the app is ended from outside, all sent down the one quit path.

A session logout sends SIGTERM, a terminal's Ctrl+C SIGINT; the session manager (and
``QCoreApplication.quit``) sends Qt's Quit event, which would otherwise only close the
window (hiding it in the tray). Each asks the main coroutine to close, so the outbox,
listener and store shut down as after Quit. (``commitDataRequest`` is not one of them: Qt
says not to quit there; the session's end follows as a Quit event. ``QCoreApplication.exit``
is not handled: qasync then runs pending callbacks with no running loop.)
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Application(QApplication):
    """zapdesk's QApplication: Qt's Quit event (from the session manager, the platform or
    ``quit()``) becomes ``quit_asked`` instead of Qt's way (close the windows, which may
    only hide the main one in the tray). Overriding ``event`` costs nothing per event of
    other objects, unlike an application-wide event filter."""

    quit_asked = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit:
            log.info("asked to quit (session manager or application): closing")
            self.quit_asked.emit()
            return True
        return super().event(event)


def install(loop: asyncio.AbstractEventLoop, request_close: Callable[[], None]
            ) -> Callable[[], None]:
    """Route the signals and Qt's own quitting to ``request_close``; returns the undo."""

    def on_signal(number: int) -> None:
        log.info("%s received: quitting", signal.Signals(number).name)
        request_close()

    undo: list[Callable[[], object]] = []
    for number in SIGNALS:
        try:
            # The loop's self-pipe wakes Qt's event loop (qasync watches it with a
            # QSocketNotifier), so the signal is handled at once even when Qt is idle.
            loop.add_signal_handler(number, on_signal, number)
            undo.append(partial(loop.remove_signal_handler, number))
        except NotImplementedError:  # Windows: Python runs the handler between Qt events
            previous = signal.signal(
                number, lambda n, _frame: loop.call_soon_threadsafe(on_signal, n))
            undo.append(partial(signal.signal, number, previous))
    app = QCoreApplication.instance()
    if isinstance(app, Application):
        app.quit_asked.connect(request_close)
        undo.append(partial(app.quit_asked.disconnect, request_close))

    def uninstall() -> None:
        for step in reversed(undo):
            step()

    return uninstall
