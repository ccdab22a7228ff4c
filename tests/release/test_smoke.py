"""packaging/smoke.py, the smoke test every release job runs on its installed app.

Here it runs against the source checkout (`python -m zapdesk`) and the installed .deb's
tree (as the release workflow's Linux job does), so a change that would fail it on the
release runners (a renamed option, a catalogue no longer loaded, a log line reworded)
fails here first; and against a stand-in that gets things wrong, to show it notices.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest

# The Linux packaging tests' session fixture: the .deb built once per session and unpacked.
from tests.packaging.test_installed_app import Installed, installed  # noqa: F401
from tests.release.scripts import load

smoke = load("smoke.py")


def test_the_checkout_passes_the_release_smoke_test(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    command = shlex.join([sys.executable, "-m", "zapdesk"])
    assert smoke.main(["--command", command, "--keep", str(tmp_path)]) == 0, \
        capsys.readouterr().out
    english = smoke.png_size(tmp_path / "demo-en.png")
    assert english is not None and english == smoke.png_size(tmp_path / "demo-pt_BR.png")
    assert "passed" in capsys.readouterr().out


BROKEN_APP = '''
import sys
from pathlib import Path
args = sys.argv[1:]
if args == ["--version"]:
    print("zapdesk 0.0.0")
elif args[:1] == ["accounts"]:
    pass  # prints nothing
else:  # the same picture whatever the language, and no log
    shot = Path(args[args.index("--screenshot") + 1])
    shot.write_bytes(Path(sys.argv[0]).with_name("picture.png").read_bytes())
'''


def test_it_notices_what_a_person_would(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "broken.py"
    app.write_text(BROKEN_APP, encoding="utf-8")
    # A real PNG header (800x600) is enough for the size check; the rest is never read.
    (tmp_path / "picture.png").write_bytes(smoke.PNG_MAGIC + b"\x00\x00\x00\rIHDR"
                                           + (800).to_bytes(4, "big") + (600).to_bytes(4, "big"))
    command = shlex.join([sys.executable, str(app)])
    assert smoke.main(["--command", command, "--version", "1.2.3",
                       "--keep", str(tmp_path / "work")]) == 1
    out = capsys.readouterr().out
    assert "version: expected 1.2.3" in out
    assert "does not say the zapdesk_pt_BR catalogue loaded" in out
    assert "the English and Portuguese pictures are the same" in out
    assert "accounts: printed nothing" in out


@pytest.mark.skipif(shutil.which("dpkg-deb") is None,
                    reason="the Linux packages need dpkg-deb (Debian/Ubuntu)")
@pytest.mark.timeout(1800)  # builds first when the packaging tests have not
def test_the_installed_linux_app_passes_the_release_smoke_test(
        installed: Installed, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    # What the release workflow's Linux job runs on the .deb's tree: the same script the
    # Windows and macOS jobs run on their installed apps.
    assert smoke.main(["--app", str(installed.app.parent)]) == 0, capsys.readouterr().out
