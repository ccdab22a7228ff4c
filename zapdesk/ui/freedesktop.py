"""Desktop notifications through the freedesktop.org D-Bus service (Linux desktops): unlike
the tray's balloons they can be withdrawn, so a message read in zapdesk stops nagging.

Returns None where no such service answers (Windows, macOS, a bare session); the tray is
used there instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class FreedesktopNotifications:
    """One connection to the session bus; ``on_click(id)`` runs when a notification's
    default action is invoked."""

    def __init__(self, router: Any, stack: contextlib.AsyncExitStack,
                 on_click: Callable[[int], None]) -> None:
        self._router = router
        self._stack = stack
        self._on_click = on_click
        self._listener: asyncio.Task[None] | None = None

    @classmethod
    async def connect(cls, on_click: Callable[[int], None]) -> FreedesktopNotifications | None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            from jeepney import DBusAddress, new_method_call
            from jeepney.io.asyncio import open_dbus_router
        except ImportError:
            return None
        stack = contextlib.AsyncExitStack()
        try:
            router = await stack.enter_async_context(open_dbus_router(bus="SESSION"))
            probe = new_method_call(DBusAddress(PATH, bus_name=BUS_NAME, interface=BUS_NAME),
                                    "GetServerInformation")
            async with asyncio.timeout(2):
                await router.send_and_get_reply(probe)
        except Exception as exc:  # no session bus, no service, or it does not answer
            log.info("no desktop notification service (%s); using the tray", exc)
            await stack.aclose()
            return None
        found = cls(router, stack, on_click)
        await found._listen()
        return found

    def _address(self) -> Any:
        from jeepney import DBusAddress

        return DBusAddress(PATH, bus_name=BUS_NAME, interface=BUS_NAME)

    async def _listen(self) -> None:
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus

        rule = MatchRule(type="signal", interface=BUS_NAME, member="ActionInvoked", path=PATH)
        await self._router.send_and_get_reply(message_bus.AddMatch(rule))
        queue = self._stack.enter_context(self._router.filter(rule, bufsize=64))

        async def listen() -> None:
            while True:
                signal = await queue.get()
                notification_id, action = signal.body
                if action == "default":
                    self._on_click(int(notification_id))

        self._listener = asyncio.get_running_loop().create_task(listen(), name="notifications")

    async def notify(self, summary: str, body: str, open_label: str) -> int:
        from jeepney import new_method_call

        message = new_method_call(self._address(), "Notify", "susssasa{sv}i",
                                  ("zapdesk", 0, "mail-message-new", summary, body,
                                   ["default", open_label], {}, -1))
        reply = await self._router.send_and_get_reply(message)
        return int(reply.body[0])

    async def withdraw(self, notification_id: int) -> None:
        from jeepney import new_method_call

        await self._router.send_and_get_reply(
            new_method_call(self._address(), "CloseNotification", "u", (notification_id,)))

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await self._stack.aclose()
