"""`zapdesk-sandbox`: the sandbox alone, with the seeded demo tenant."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import sys

from zapdesk.sandbox.clock import SandboxClock
from zapdesk.sandbox.seed import DEMO_EMAIL, DEMO_PASSWORD
from zapdesk.sandbox.server import SandboxServer
from zapdesk.sandbox.world import SandboxConfig


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="zapdesk-sandbox",
        description="A local ZapFlare-compatible server with a simulated WhatsApp side.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8787, help="port (default 8787; 0 = any)")
    parser.add_argument("--time-scale", type=float, default=1.0, metavar="X",
                        help="run the sandbox clock X times faster (20: a QR code lasts 1 s)")
    parser.add_argument("--no-auto-reply", action="store_true",
                        help="simulated contacts do not answer what they are sent")
    parser.add_argument("--activity", type=float, default=90.0, metavar="SECONDS",
                        help="a simulated contact writes every SECONDS of sandbox time "
                             "(0 = never; default 90)")
    parser.add_argument("--allow-remote-webhooks", action="store_true",
                        help="also post webhooks to non-loopback addresses")
    parser.add_argument("--log-level", default="INFO",
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    args = parser.parse_args(argv)
    if args.time_scale < 0:
        parser.error("--time-scale must be zero or positive")
    if not 0 <= args.port <= 65535:
        parser.error("--port must be 0-65535")
    return args


async def serve(args: argparse.Namespace) -> None:
    config = SandboxConfig(
        auto_reply=not args.no_auto_reply,
        activity_interval=args.activity or None,
        allow_remote_webhooks=args.allow_remote_webhooks,
    )
    server = SandboxServer(host=args.host, port=args.port, clock=SandboxClock(args.time_scale),
                           config=config, seed=True)
    await server.start()
    print(f"ZapFlare sandbox on {server.url}  (time x{args.time_scale:g})", flush=True)
    print(f"demo tenant: {DEMO_EMAIL} / {DEMO_PASSWORD}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: "
                                                     "%(message)s")
    try:
        if not ipaddress.ip_address(args.host).is_loopback:
            logging.warning("binding %s: the sandbox has no TLS and is meant for loopback",
                            args.host)
    except ValueError:
        pass
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        return 0
    except OSError as exc:
        print(f"zapdesk-sandbox: cannot listen on {args.host}:{args.port}: {exc.strerror}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
