"""`zapdesk`: paint the window first, then start everything else on the qasync loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zapdesk import __version__, environment
from zapdesk.accounts.paths import DATA_DIR_ENV, given_dir
from zapdesk.core import redact

if TYPE_CHECKING:  # imported in main(), once this launch knows it is the only one
    from zapdesk.desktop.single_instance import SingleInstance
    from zapdesk.ui.link_opener import LinkOpener
    from zapdesk.ui.main_window import MainWindow

log = logging.getLogger("zapdesk")
STARTED = time.perf_counter()  # as early as this module can know


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zapdesk", description="Operator console for ZapFlare")
    parser.add_argument("--version", action="version", version=f"zapdesk {__version__}")
    parser.add_argument("--sandbox", action="store_true",
                        help="start straight in the demo, against the built-in local server")
    # A string default goes through ``type`` too: the variable is resolved like the option.
    parser.add_argument("--data-dir", type=given_dir, default=os.environ.get(DATA_DIR_ENV),
                        help="keep settings and data in this folder (portable use, tests)")
    parser.add_argument("--log-level", default="WARNING",
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    parser.add_argument("--lang", metavar="LOCALE",
                        help="interface language, e.g. pt_BR or en (default: the system's)")
    parser.add_argument("--demo-if-empty", action="store_true",
                        help="start the demo when no account is configured (what "
                             "packaging/dev/run does)")
    parser.add_argument("--theme", choices=["system", "light", "dark"],
                        help="for this run (default: the saved preference, else system)")
    parser.add_argument("--time-scale", type=float, default=1.0, metavar="X",
                        help="run the demo sandbox's clock X times faster")
    parser.add_argument("--listen", metavar="HOST:PORT",
                        help="receive webhooks on this address for this run (default: the "
                             "saved setting, 127.0.0.1:28787)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE",
                        help="save a picture of the main window once the instances have "
                             "loaded, then exit")
    parser.add_argument("--hidden", action="store_true",
                        help="start in the system tray, without showing the window (what "
                             "starting on login does)")
    parser.add_argument("links", nargs="*", metavar="LINK",
                        help="open the composer for a whatsapp://send?phone=…, "
                             "https://wa.me/… or tel: link (nothing is sent by itself)")
    return parser.parse_args(argv)


def setup_logging(args: argparse.Namespace) -> Path | None:
    logging.basicConfig(level=args.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from zapdesk.accounts.paths import data_dir

    path = data_dir(args.data_dir) / "logs" / "zapdesk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError as exc:
        log.warning("no log file (%s): logging to the terminal only", exc)
        redact.install()
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(min(logging.INFO, logging.getLevelName(args.log_level)))
    redact.install()  # passwords, keys and cookies never reach a log line
    return path


def look_and_language(args: argparse.Namespace) -> tuple[str | None, str]:
    """The language and theme: ``--lang``/``--theme`` for this run, else the saved
    preferences (a refused value is its default; the window says so once it is up)."""
    from zapdesk.accounts.paths import config_dir
    from zapdesk.accounts.settings import SettingsStore

    saved = SettingsStore(config_dir(args.data_dir)).load()
    return args.lang or saved.language or None, args.theme or saved.theme


async def wait_until(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def run(window: MainWindow, args: argparse.Namespace,
              opener: LinkOpener | None = None) -> int:
    loop = asyncio.get_running_loop()
    closing: asyncio.Future[None] = loop.create_future()

    def request_close() -> None:
        if not closing.done():
            closing.set_result(None)

    window.close_requested.connect(request_close)
    from zapdesk import quit_triggers

    # SIGTERM at logout, Ctrl+C, the session manager: the same way out as Quit.
    uninstall = quit_triggers.install(loop, request_close)
    await asyncio.sleep(0)  # one turn of the loop: the window paints before the imports
    log.info("window painted %.0f ms after start", (time.perf_counter() - STARTED) * 1000)
    # Imported only now: httpx, keyring and aiohttp cost a third of a second together.
    from zapdesk.controller.app import AppController
    from zapdesk.ui.console import Console

    sandbox_options: dict[str, Any] = {}
    if args.time_scale != 1.0:
        from zapdesk.sandbox import SandboxClock

        sandbox_options["clock"] = SandboxClock(args.time_scale)
    controller = AppController(args.data_dir, sandbox_options=sandbox_options,
                               listen=args.listen)
    log.info("services imported %.0f ms after start", (time.perf_counter() - STARTED) * 1000)
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, error, tb: controller.report_bug(error)
    loop.set_exception_handler(
        lambda _loop, context: controller.report_bug(
            context.get("exception") or RuntimeError(str(context.get("message")))))
    console = Console(window, controller)
    window.console = console
    if opener is not None:
        from zapdesk.ui.background import Background

        Background(window, console, args.data_dir)
        opener.attach(console)
    try:
        if args.sandbox:
            console.start_demo()
        else:
            await controller.load()
            if args.demo_if_empty and not controller.accounts:
                console.start_demo()
        if args.screenshot is not None:
            return await screenshot(window, console, args)
        await closing
        return 0
    finally:
        sys.excepthook = previous_hook
        try:
            await console.shutdown()
        except Exception as exc:  # the window's part failed: the rest still closes
            log.error("closing the window's work failed", exc_info=exc)
        await controller.close()
        uninstall()
        log.info("shutdown finished")


def startup_failure(console: Any, args: argparse.Namespace, notices: list[str]) -> str | None:
    """Why the start-up cannot lead to a picture worth taking, or None (yet): a bug was
    reported, an account ended in an error, or the demo asked for did not start."""
    from zapdesk.controller.account import AccountState

    app = console.app
    if app.bugs:
        error = app.bugs[0]
        return f"a bug was reported: {type(error).__name__}: {error}"
    if app.loading or console.starting_demo:
        return None
    for account in app.accounts:
        if account.state in (AccountState.SIGN_IN, AccountState.RETRYING):
            return f"account {account.name}: {account.error or account.state.value}"
    if (args.sandbox or args.demo_if_empty) and not app.accounts:
        said = f" ({notices[-1]})" if notices else ""
        return f"the demo did not start{said}"
    return None


async def screenshot(window: MainWindow, console: Any, args: argparse.Namespace) -> int:
    notices: list[str] = []
    console.app.notice.connect(notices.append)
    failure: list[str] = []

    def settled() -> bool:
        why = startup_failure(console, args, notices)
        if why is not None:
            failure.append(why)
            return True
        return console.loaded() and not console.starting_demo \
            and (not args.sandbox or bool(console.app.accounts))

    ready = await wait_until(settled, seconds=60)
    if failure:
        log.error("start-up failed, no screenshot: %s", failure[0])
        return 1
    if not ready:
        log.error("the instances did not load in time; no screenshot")
        return 1
    log.info("instances loaded %.0f ms after start", (time.perf_counter() - STARTED) * 1000)
    first = next((a for a in console.app.accounts if a.instances), None)
    if first is not None:  # show a connected instance's details beside the list
        chosen = next((i for i in first.instances if i.status == "connected"),
                      first.instances[0])
        console.select(first, chosen.id)
    await asyncio.sleep(0.5)  # let the pane lay out and any picture arrive
    if not window.grab().save(str(args.screenshot)):
        log.error("could not write %s", args.screenshot)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("accounts", "export"):  # terminal commands: no window
        from zapdesk.commands import main as command

        return command(argv)
    args = parse_args(argv)
    if args.listen is not None:
        from zapdesk.accounts.settings import parse_listen
        from zapdesk.core.errors import InvalidInput

        try:
            args.listen = parse_listen(args.listen)
        except InvalidInput as exc:
            print(f"zapdesk: --listen: {exc.message()}", file=sys.stderr)
            return 2
    if args.data_dir is not None:
        args.data_dir.mkdir(parents=True, exist_ok=True)
    from zapdesk.desktop.launch import claim_or_hand_over

    instance, code = claim_or_hand_over(args)
    if instance is None:  # another zapdesk has this folder: it came forward instead
        return code
    try:
        return start_window(args, instance)
    finally:
        instance.close()


def start_window(args: argparse.Namespace, instance: SingleInstance) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from zapdesk import quit_triggers
    from zapdesk.i18n import install_translators
    from zapdesk.ui.app_icon import app_icon
    from zapdesk.ui.link_opener import LinkOpener
    from zapdesk.ui.main_window import MainWindow
    from zapdesk.ui.theme import apply_theme

    log_path = setup_logging(args)
    ignored_cert_file = environment.drop_unusable_cert_file()
    app = QApplication.instance() or quit_triggers.Application(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("zapdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("zapdesk")  # zapdesk.desktop: Wayland and docks find the icon
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    # Pin Qt's plugin folders before a frozen bundle's variables leave the environment.
    app.setLibraryPaths(app.libraryPaths())
    for name, value in environment.restore_for_children().items():
        log.info("children get %s=%s (not the bundle's)", name, value)
    language, look = look_and_language(args)
    install_translators(app, language)
    apply_theme(app, look)
    window = MainWindow()
    window.setProperty("log_path", str(log_path) if log_path else "")
    from zapdesk.accounts.paths import config_dir
    from zapdesk.ui.panes import restore_geometry

    restore_geometry(window, config_dir(args.data_dir))  # before showing: no jump
    opener = LinkOpener(window, args.links)
    instance.received.connect(opener.handed_over)
    instance.listen()
    opener.show_window(hidden=args.hidden)
    if ignored_cert_file is not None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "main", "The SSL_CERT_FILE setting names {path}, which is missing or holds no "
                    "certificates; zapdesk ignores it and uses its own.").format(
            path=ignored_cert_file), 60_000)
    from zapdesk.event_loop import new_loop

    with asyncio.Runner(loop_factory=lambda: new_loop(app)) as runner:
        code = runner.run(run(window, args, opener))
    window.deleteLater()
    return code


if __name__ == "__main__":
    sys.exit(main())
