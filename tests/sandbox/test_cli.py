"""`zapdesk-sandbox` as a person runs it: a separate process with the seeded demo tenant."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import httpx

from zapdesk.sandbox.seed import DEMO_EMAIL, DEMO_PASSWORD


def test_the_sandbox_runs_alone_with_the_demo_tenant() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "zapdesk.sandbox", "--port", "0", "--time-scale", "20",
         "--log-level", "WARNING"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert match, first
        assert DEMO_EMAIL in proc.stdout.readline()
        with httpx.Client(base_url=match.group(1), timeout=5) as client:
            r = client.post("/auth/sessions",
                            json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
            assert r.status_code == 200
            instances = client.get("/whatsapp/instances").json()["data"]
            assert {i["status"] for i in instances} >= {"connected", "disconnected"}
            assert len(instances) == 4  # a Pro plan: room for exactly one more
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_a_busy_port_is_a_clear_error() -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "zapdesk.sandbox", "--port", str(port)],
                              capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
