"""What the single-instance check costs a start, whole process, beside bare baselines
measured in the same run; and how long a second launch takes to hand over its link.

Run with ``packaging/dev/bench``; it never runs inside the test suite. Each row is the
median wall time of N fresh processes (offscreen):
- a bare QtCore process (QCoreApplication, nothing else) and the same process doing what
  the first zapdesk does before its window (import QtNetwork, take the lock file, listen
  on the local socket, let go): the difference is the added cost to every start;
- the whole ``zapdesk`` start to its welcome screenshot, beside a bare PySide6 window;
- ``zapdesk LINK`` while another zapdesk holds the folder: connect, hand over, exit 0.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
BARE_CORE = "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([])"
CHECK = """
import argparse, sys
from pathlib import Path
from zapdesk.desktop.launch import claim_or_hand_over
s, _code = claim_or_hand_over(argparse.Namespace(data_dir=Path(sys.argv[1]), links=[],
                                                 screenshot=None, lang=None))
assert s is not None
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
assert s.listen()
s.close()
"""
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1180, 760); w.show()
app.processEvents()
w.grab().save(sys.argv[1])
"""
HOLDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from zapdesk.desktop.single_instance import SingleInstance
app = QCoreApplication([])
s = SingleInstance(Path(sys.argv[1]))
assert s.claim() and s.listen()
print("ready", flush=True)
app.exec()
"""


def wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=ENV)
    took = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed:\n{done.stderr[-2000:]}")
    return took


def median(cmd: list[str], rounds: int) -> float:
    return statistics.median(wall(cmd) for _ in range(rounds))


def main(rounds: int = 7) -> None:
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        shot = str(Path(tmp) / "shot.png")
        rows = {
            "bare QtCore process": median([py, "-c", BARE_CORE], rounds),
            "  + lock and local socket": median([py, "-c", CHECK, str(Path(tmp) / "c")],
                                                rounds),
            "bare PySide6 window": median([py, "-c", BARE_WINDOW, shot], rounds),
            "zapdesk to its welcome screen": median(
                [py, "-m", "zapdesk", "--screenshot", shot, "--data-dir",
                 str(Path(tmp) / "w")], rounds),
        }
        holder = subprocess.Popen([py, "-c", HOLDER, str(Path(tmp) / "h")],
                                  stdout=subprocess.PIPE, text=True, env=ENV)
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
            rows["second launch handing over a link"] = median(
                [py, "-m", "zapdesk", "--data-dir", str(Path(tmp) / "h"),
                 "https://wa.me/5511988887777"], rounds)
        finally:
            holder.terminate()
            holder.wait(10)
    print(f"{'median wall time of ' + str(rounds):<40}{'ms':>8}")
    for name, value in rows.items():
        print(f"{name:<40}{value:>8.0f}")
    print(f"{'added to every start':<40}"
          f"{rows['  + lock and local socket'] - rows['bare QtCore process']:>8.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
