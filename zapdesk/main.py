"""`zapdesk`: paint the window first, then start everything else on the qasync loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from zapdesk.core import redact
from zapdesk.i18n import install_translators
from zapdesk.ui.main_window import MainWindow

log = logging.getLogger("zapdesk")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zapdesk", description="Operator console for ZapFlare")
    parser.add_argument("--sandbox", action="store_true",
                        help="run against the built-in demo server")
    parser.add_argument("--data-dir", type=Path, default=os.environ.get("ZAPDESK_DATA_DIR"),
                        help="keep settings and data here (portable use, tests)")
    parser.add_argument("--log-level", default="WARNING",
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    parser.add_argument("--lang", metavar="LOCALE",
                        help="interface language, e.g. pt_BR or en (default: the system's)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE",
                        help="save a picture of the main window once loaded, then exit")
    return parser.parse_args(argv)


async def run(app: QApplication, window: MainWindow, args: argparse.Namespace) -> int:
    closing: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def request_close() -> None:
        if not closing.done():
            closing.set_result(None)

    window.close_requested.connect(request_close)
    # Imported here, after the first paint: aiohttp.web alone costs ~110 ms.
    from zapdesk.sandbox import SandboxServer
    from zapdesk.sandbox.seed import DEMO_EMAIL, DEMO_PASSWORD

    # No account storage exists yet, so every start is a demo start (--sandbox or not).
    server = SandboxServer(seed=True)
    try:
        await server.start()
    except OSError as exc:
        window.show_error(QCoreApplication.translate(
            "main", "The demo server could not start: {error}").format(error=exc.strerror))
        log.error("sandbox failed to start: %s", exc)
        return 1
    try:
        window.show_sandbox(server.url, DEMO_EMAIL, DEMO_PASSWORD)
        if args.screenshot is not None:
            await asyncio.sleep(0.05)  # let the layout settle and paint
            if not window.grab().save(str(args.screenshot)):
                log.error("could not write %s", args.screenshot)
                return 1
            return 0
        await closing
        return 0
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=args.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redact.install()  # passwords, keys and cookies never reach a log line
    if args.data_dir is not None:
        args.data_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("zapdesk")
    app.setQuitOnLastWindowClosed(False)
    install_translators(app, args.lang)
    window = MainWindow()
    window.show()
    import qasync

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        code = runner.run(run(app, window, args))
    window.deleteLater()
    return code


if __name__ == "__main__":
    sys.exit(main())
