"""macOS: what the .dmg promised, checked on the release runner.

Mounts the image read-only, checks the /Applications symlink and the app's Info.plist
(packaging/macos/info_plist.py), copies the app out with ditto as a person dragging it to
Applications would, runs the release smoke test (packaging/smoke.py) on the copy, and,
when the image was signed, verifies the signatures (and Gatekeeper's verdict when it was
notarized too).

    python packaging/macos/check_dmg.py dist/zapdesk-1.2.3-macos-arm64.dmg [--signed] [--notarized]

Runs only on macOS; it has never run on a real Mac from this repository's own CI, only in
the release workflow.
"""

from __future__ import annotations

import argparse
import plistlib
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import smoke  # noqa: E402  (packaging/smoke.py)
from info_plist import info_plist  # noqa: E402


def expect(ok: bool, message: str, failures: list[str]) -> None:
    print(f"check_dmg: {'ok' if ok else 'FAILED'}: {message}", flush=True)
    if not ok:
        failures.append(message)


def run(*command: str) -> bool:
    print("check_dmg: $", " ".join(command), flush=True)
    return subprocess.run(command, check=False, timeout=600).returncode == 0


def check_volume(volume: Path, version: str, failures: list[str]) -> Path:
    link = volume / "Applications"
    expect(link.is_symlink() and str(link.readlink()) == "/Applications",
           "the image holds an /Applications symlink", failures)
    app = volume / "zapdesk.app"
    plist_path = app / "Contents" / "Info.plist"
    expect(plist_path.is_file(), "the image holds zapdesk.app", failures)
    if plist_path.is_file():
        built = plistlib.loads(plist_path.read_bytes())
        for key, value in info_plist(version).items():
            expect(built.get(key) == value, f"Info.plist {key} = {value!r}", failures)
        icon = built.get("CFBundleIconFile", "")
        expect(bool(icon) and (app / "Contents" / "Resources" / icon).is_file(),
               f"the icon {icon!r} is in the bundle", failures)
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="check a zapdesk .dmg (macOS only)")
    parser.add_argument("dmg", type=Path)
    parser.add_argument("--signed", action="store_true", help="also verify the signatures")
    parser.add_argument("--notarized", action="store_true", help="also ask Gatekeeper")
    args = parser.parse_args(argv)
    if sys.platform != "darwin":
        print("check_dmg: runs on macOS only", file=sys.stderr)
        return 2
    version = smoke.project_version()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="zapdesk-dmg-") as work:
        volume = Path(work) / "volume"
        volume.mkdir()
        if not run("hdiutil", "attach", "-nobrowse", "-readonly", "-noautoopen",
                   "-mountpoint", str(volume), str(args.dmg)):
            print("check_dmg: the image does not mount", file=sys.stderr)
            return 1
        try:
            app = check_volume(volume, version, failures)
            if args.signed:
                expect(run("codesign", "--verify", "--strict", str(args.dmg)),
                       "the image's signature", failures)
            installed = Path(work) / "Applications" / "zapdesk.app"
            installed.parent.mkdir()
            expect(run("ditto", str(app), str(installed)), "copied out with ditto", failures)
        finally:
            run("hdiutil", "detach", str(volume))
        if args.signed:
            expect(run("codesign", "--verify", "--deep", "--strict", "--verbose=2",
                       str(installed)), "the copied app's signature", failures)
        if args.notarized:
            expect(run("spctl", "--assess", "--type", "execute", "--verbose=2",
                       str(installed)), "Gatekeeper accepts the app", failures)
            expect(run("xcrun", "stapler", "validate", str(args.dmg)),
                   "the notarization ticket is stapled", failures)
        if smoke.main(["--app", str(installed)]) != 0:
            failures.append("the smoke test of the copied app")
    if failures:
        print(f"check_dmg: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("check_dmg: the image mounts, its app matches Info.plist and passes the smoke test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
