"""``zapdesk accounts`` and ``zapdesk export``: answers on the terminal, no window, no Qt."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TextIO

from zapdesk.accounts import paths
from zapdesk.accounts.keychain import SecretStore
from zapdesk.accounts.manager import AccountManager
from zapdesk.accounts.profiles import ProfileStore
from zapdesk.accounts.settings import SettingsStore, parse_listen
from zapdesk.core.errors import ZapdeskError
from zapdesk.store.database import connect, database_path
from zapdesk.webhooks.listener import PREFIX, url_host


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zapdesk")
    sub = parser.add_subparsers(dest="command", required=True)
    accounts = sub.add_parser("accounts", help="list the accounts and their webhook URLs")
    export = sub.add_parser("export", help="write the stored conversations")
    for command in (accounts, export):
        command.add_argument("--data-dir", type=paths.given_dir,
                             help="the folder zapdesk was run with")
    accounts.add_argument("--listen", metavar="HOST:PORT",
                          help="the address the app is run with, if not the saved one")
    export.add_argument("--account", help="only this account (id or name)")
    export.add_argument("--instance", help="only this instance (id or name)")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--output", type=Path, help="write here instead of the terminal")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "accounts":
            return asyncio.run(_accounts(args, sys.stdout))
        return _export(args)
    except ZapdeskError as exc:
        print(f"zapdesk: {exc.message()}", file=sys.stderr)
        return 2


def _translated(language: str | None) -> object:
    """A non-GUI Qt application with zapdesk's translators, so the terminal speaks the
    operator's language (the saved one, else the system's); kept alive by the caller."""
    from PySide6.QtCore import QCoreApplication

    from zapdesk.i18n import install_translators

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    install_translators(app, language)
    return app


async def _accounts(args: argparse.Namespace, out: TextIO) -> int:
    from PySide6.QtCore import QCoreApplication

    config = paths.config_dir(args.data_dir)
    settings = SettingsStore(config).load()
    _app = _translated(settings.language or None)
    translate = QCoreApplication.translate
    host, port = (parse_listen(args.listen) if args.listen
                  else (settings.listen_host, settings.listen_port))
    base = settings.public_base_url or f"http://{url_host(host)}:{port}"
    secrets = SecretStore()
    manager = AccountManager(ProfileStore(config), secrets)
    profiles = manager.accounts()
    if not profiles:
        print(translate("commands", "no accounts (sign in from the app first)"), file=out)
    unstable = False
    for profile in profiles:
        token, kept = await manager.webhook_token(profile)
        # Without a keyring the token dies with this process: a URL built on it would
        # point senders at something nobody listens on.
        url = f"{base}{PREFIX}{token}" if kept else \
            translate("commands", "(no stable webhook URL)")
        unstable = unstable or not kept
        print(f"{profile.id}\t{profile.display_name}\t{profile.base_url}\t{url}", file=out)
    if unstable:
        print(translate("commands", "No stable webhook URL exists on this computer: there is "
                                    "no secure password storage (keyring) to keep its secret "
                                    "({reason}). While zapdesk runs it receives on a temporary "
                                    "URL, shown in the app, that lasts only until it closes.")
              .format(reason=secrets.unavailable_reason or "?"), file=out)
    return 0


def _account_id(config: Path, wanted: str | None) -> str | None:
    if wanted is None:
        return None
    for profile in ProfileStore(config).load():
        if wanted in (profile.id, profile.display_name):
            return profile.id
    return wanted  # an account removed since: its id may still be in the store


def _export(args: argparse.Namespace) -> int:
    from zapdesk.store import export

    path = database_path(paths.data_dir(args.data_dir))
    if not path.exists():
        print(f"zapdesk: nothing stored yet ({path} does not exist)", file=sys.stderr)
        return 1
    conn = connect(path, readonly=True)
    try:
        filters = {"account_id": _account_id(paths.config_dir(args.data_dir), args.account),
                   "instance": args.instance}
        write = export.write_json if args.format == "json" else export.write_csv
        if args.output is None:
            count = write(conn, sys.stdout, **filters)
        else:
            with args.output.open("w", encoding="utf-8", newline="") as handle:
                count = write(conn, handle, **filters)
    finally:
        conn.close()
    print(f"{count} messages exported", file=sys.stderr)
    return 0
