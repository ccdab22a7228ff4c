"""Start-up time and memory of zapdesk against a bare PySide6 window, in the same run.

Run with ``packaging/dev/bench``; it never runs inside the test suite. Each program starts
N times as a fresh process (offscreen). Reported: the median of the app's own milestones
(logged from the first line of ``zapdesk.main``), the whole process's wall time (which
includes the interpreter, PySide6's import, and the screenshot mode's 0.5 s settle
delay), and the peak resident memory. When `packaging/build` has made dist/zapdesk, the
frozen app is measured too, in the same run (its milestones start when zapdesk.main is
imported, after the bootloader; its wall time includes everything).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1180, 760); w.show()
app.processEvents()
w.grab().save(sys.argv[1])
"""

# Runs one command in a fresh child and reports its wall time and peak RSS; a separate
# process per measurement because RUSAGE_CHILDREN keeps a maximum over all children.
PROBE = """
import json, os, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
t = time.perf_counter()
done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
print(json.dumps({"wall": time.perf_counter() - t, "code": done.returncode,
                  "rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "log": done.stderr}))
"""
MILESTONES = ("window painted", "services imported", "instances loaded")
FROZEN = Path(__file__).resolve().parents[2] / "dist" / "zapdesk" / "zapdesk"


def measure(cmd: list[str]) -> dict[str, float]:
    probe = subprocess.run([sys.executable, "-c", PROBE, json.dumps(cmd)], capture_output=True,
                           text=True, timeout=300,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    result = json.loads(probe.stdout)
    if result["code"] != 0:
        raise SystemExit(f"{cmd[:4]} failed:\n{result['log'][-2000:]}")
    figures = {"wall": result["wall"] * 1000, "rss": result["rss"]}
    for milestone in MILESTONES:
        found = re.search(rf"{milestone} (\d+) ms after start", result["log"])
        if found:
            figures[milestone] = float(found.group(1))
    return figures


def main(rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        shot = str(Path(tmp) / "shot.png")
        app = [sys.executable, "-m", "zapdesk", "--log-level", "INFO", "--screenshot", shot]
        cases = {
            "bare PySide6 window": [sys.executable, "-c", BARE, shot],
            "zapdesk, no account (welcome)": [*app, "--data-dir", str(Path(tmp) / "a")],
            "zapdesk --sandbox (demo list)": [*app, "--sandbox", "--data-dir",
                                              str(Path(tmp) / "b")],
        }
        frozen = FROZEN if FROZEN.is_file() else None  # packaging/build's bundle, if built
        if frozen is not None:
            app = [str(frozen), "--log-level", "INFO", "--screenshot", shot]
            cases["frozen, no account (welcome)"] = [*app, "--data-dir", str(Path(tmp) / "c")]
            cases["frozen --sandbox (demo list)"] = [*app, "--sandbox", "--data-dir",
                                                     str(Path(tmp) / "d")]
        columns = ["wall", *MILESTONES, "rss"]
        print(f"{'median of ' + str(rounds):<32}" + "".join(f"{c:>20}" for c in columns))
        for name, cmd in cases.items():
            runs = [measure(cmd) for _ in range(rounds)]
            row = []
            for column in columns:
                values = [r[column] for r in runs if column in r]
                unit = " MiB" if column == "rss" else " ms"
                row.append(f"{statistics.median(values):.0f}{unit}" if values else "—")
            print(f"{name:<32}" + "".join(f"{v:>20}" for v in row))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
