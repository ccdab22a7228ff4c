"""The release smoke test, the same on Linux, Windows and macOS.

Given an installed (or unpacked) zapdesk, it checks what a person would notice first:
`--version` answers the expected version, `accounts` works from a terminal, and the demo
opens and paints its window offscreen in English and in Portuguese (Brazil), the two
pictures differing and the log naming the Portuguese catalogue it loaded. Plain standard
library, so the release workflow runs it with any Python 3.11 and the test suite runs it
against the source checkout.

    python packaging/smoke.py --app DIR        # DIR: the bundle folder, or zapdesk.app
    python packaging/smoke.py --command "python -m zapdesk"   # a checkout
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
TIMEOUT = 180  # seconds per run; a cold start of a frozen app on a busy runner is slow
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def project_version() -> str:
    text = (TOP / "zapdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("smoke: no __version__ in zapdesk/__init__.py")
    return found.group(1)


def app_commands(app: Path) -> tuple[list[str], list[str]]:
    """(the windowed app, the one that prints to a terminal) inside an installed app."""
    if app.suffix == ".app":  # macOS: the bundle's executable also prints to a terminal
        exe = app / "Contents" / "MacOS" / "zapdesk"
        return [str(exe)], [str(exe)]
    if (app / "zapdesk.exe").exists():  # Windows: the windowed .exe has no console
        return [str(app / "zapdesk.exe")], [str(app / "zapdesk-cli.exe")]
    return [str(app / "zapdesk")], [str(app / "zapdesk")]


def png_size(path: Path) -> tuple[int, int] | None:
    try:
        head = path.read_bytes()[:24]
    except OSError:
        return None
    if len(head) < 24 or not head.startswith(PNG_MAGIC) or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return width, height


class Smoke:
    def __init__(self, gui: list[str], cli: list[str], version: str, work: Path) -> None:
        self.gui, self.cli, self.version, self.work = gui, cli, version, work
        self.failures: list[str] = []
        self.env = {k: v for k, v in os.environ.items() if k != "ZAPDESK_DATA_DIR"}
        self.env["QT_QPA_PLATFORM"] = "offscreen"

    def run(self, what: str, command: list[str]) -> subprocess.CompletedProcess[str] | None:
        print(f"smoke: {what}: {shlex.join(command)}", flush=True)
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  env=self.env, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.fail(f"{what}: {exc}")
            return None
        if done.returncode != 0:
            self.fail(f"{what}: exit {done.returncode}\n{done.stdout}{done.stderr}")
            return None
        return done

    def fail(self, message: str) -> None:
        print(f"smoke: FAILED {message}", flush=True)
        self.failures.append(message)

    def check_version(self) -> None:
        done = self.run("version", [*self.cli, "--version"])
        if done is not None and self.version not in done.stdout + done.stderr:
            self.fail(f"version: expected {self.version}, got {done.stdout!r}")

    def screenshot(self, lang: str) -> Path | None:
        data = self.work / f"data-{lang}"
        shot = self.work / f"demo-{lang}.png"
        done = self.run(f"demo screenshot ({lang})",
                        [*self.gui, "--sandbox", "--lang", lang, "--data-dir", str(data),
                         "--listen", "127.0.0.1:0", "--screenshot", str(shot)])
        size = png_size(shot)
        if done is not None and (size is None or size[0] < 400 or size[1] < 300):
            self.fail(f"demo screenshot ({lang}): no usable picture at {shot} ({size})")
            return None
        log = data / "logs" / "zapdesk.log"
        if done is not None and lang != "en":  # English is the source: it needs no catalogue
            text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
            if not re.search(rf"catalogue .*zapdesk_{lang}\.qm loaded", text):
                self.fail(f"demo screenshot ({lang}): {log} does not say the zapdesk_{lang} "
                          "catalogue loaded")
        return shot if done is not None else None

    def check_accounts(self) -> None:
        # After the demo ran in that folder, so there is something to list (or say).
        done = self.run("accounts", [*self.cli, "accounts", "--data-dir",
                                     str(self.work / "data-en")])
        if done is not None and not done.stdout.strip():
            self.fail("accounts: printed nothing")

    def all(self) -> list[str]:
        self.check_version()
        english = self.screenshot("en")
        portuguese = self.screenshot("pt_BR")
        if english and portuguese and english.read_bytes() == portuguese.read_bytes():
            self.fail("the English and Portuguese pictures are the same: "
                      "the pt_BR catalogue did not load")
        self.check_accounts()
        return self.failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--app", type=Path, help="the installed bundle folder, or zapdesk.app")
    where.add_argument("--command", help="how to start zapdesk, e.g. 'python -m zapdesk'")
    parser.add_argument("--version", dest="expected", default=None,
                        help="the version it must report (default: the checkout's)")
    parser.add_argument("--keep", type=Path, help="keep the pictures and data here")
    args = parser.parse_args(argv)
    if args.app is not None:
        gui, cli = app_commands(args.app.resolve())
    else:
        gui = cli = shlex.split(args.command, posix=os.name != "nt")
    version = args.expected or project_version()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        failures = Smoke(gui, cli, version, args.keep.resolve()).all()
    else:
        with tempfile.TemporaryDirectory(prefix="zapdesk-smoke-") as work:
            failures = Smoke(gui, cli, version, Path(work)).all()
    if failures:
        print(f"smoke: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print(f"smoke: zapdesk {version} passed (version, demo in en and pt_BR, accounts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
