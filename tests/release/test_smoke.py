"""packaging/smoke.py, the smoke test every release job runs on its installed app.

Here it runs against the source checkout (`python -m zapdesk`), so a change to the app
that would fail it on the release runners (a renamed option, a catalogue no longer
loaded, a log line reworded) fails here first; and against a stand-in that gets things
wrong, to show it notices.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from tests.release.scripts import load

smoke = load("smoke.py")


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
