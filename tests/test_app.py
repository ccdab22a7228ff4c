"""The `zapdesk` command as a person starts it, in a separate process."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.sandbox.helpers import closed_port
from zapdesk.sandbox import SandboxClock, SandboxServer


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "zapdesk", *args, "--data-dir",
                           str(tmp_path / "data")], capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.parametrize("start", ["--sandbox", "--demo-if-empty"])
def test_sandbox_screenshot_shows_the_demo(tmp_path: Path, start: str) -> None:
    shot = tmp_path / "window.png"
    done = run_app(start, "--screenshot", str(shot), "--lang", "en", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = Image.open(shot)
    assert image.size[0] >= 800 and image.size[1] >= 500
    # Not a blank window: the text drew dark pixels onto the light background.
    dark = sum(image.convert("L").histogram()[:100])
    assert dark > 500
    # The list it shows is the demo's: the log says what was listed before the picture.
    log = (tmp_path / "data" / "logs" / "zapdesk.log").read_text(encoding="utf-8")
    assert "account Demo (sandbox): 4 instances" in log
    assert "demo@zapdesk.local" not in log or "zapdesk-demo" not in log


def test_the_window_speaks_portuguese(tmp_path: Path) -> None:
    script = (
        "from PySide6.QtWidgets import QApplication;"
        "from zapdesk.i18n import install_translators;"
        "from zapdesk.ui.console import WelcomePage;"
        "from zapdesk.ui.status import status_word;"
        "app = QApplication([]); install_translators(app, 'pt_BR'); w = WelcomePage();"
        "print(w.sign_in.text()); print(w.demo.text()); print(status_word('qr'))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Entrar no ZapFlare", "Experimentar a demonstração",
                                        "Aguardando leitura do QR"]


# ---- where the data lives, and a start-up that fails -------------------------------------
def app_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ZAPDESK_DATA_DIR"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def start(cwd: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """The app as a person starts it, from ``cwd``, saying where it listens (a free port:
    the default one may be taken by another test run)."""
    return subprocess.Popen([sys.executable, "-m", "zapdesk", "--lang", "en", "--listen",
                             f"127.0.0.1:{closed_port()}", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen[str], seconds: float = 60) -> tuple[int, str]:
    try:
        _out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AssertionError(f"still running after {seconds} s") from None
    return process.returncode, err


def logged(data: Path) -> str:
    return (data / "logs" / "zapdesk.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("given", ["relative", "home", "env", "env-home"])
def test_a_data_dir_given_relative_or_with_a_tilde_just_works(tmp_path: Path, given: str
                                                               ) -> None:
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    env = app_env(HOME=str(home))
    args = ["--sandbox", "--screenshot", "shot.png"]
    if given == "relative":
        args += ["--data-dir", "demo"]
        data = cwd / "demo"
    elif given == "home":
        args += ["--data-dir", "~/zapdesk-data"]  # as a launcher passes it, unexpanded
        data = home / "zapdesk-data"
    elif given == "env":
        env["ZAPDESK_DATA_DIR"] = "demo"
        data = cwd / "demo"
    else:
        env["ZAPDESK_DATA_DIR"] = "~/zapdesk-data"
        data = home / "zapdesk-data"
    code, err = finished(start(cwd, env, *args))
    assert code == 0, err
    assert "Traceback" not in err and "unexpected error" not in err
    assert (cwd / "shot.png").stat().st_size > 0
    assert (data / "zapdesk.sqlite3").is_file()  # the store opened where it was told
    assert "account Demo (sandbox): 4 instances" in logged(data)


@pytest.fixture
def keyring_bus(secret_service_bus: str | None) -> str:
    if secret_service_bus is None:
        pytest.skip("no dbus-daemon/gnome-keyring-daemon here (packaging/dev/setup installs "
                    "them on Debian)")
    return secret_service_bus


async def stored_account(data: Path, bus: str, base_url: str, email: str) -> None:
    """An account signed in once and kept (profile in ``data``, password in the keyring),
    as a previous run of the app leaves it."""
    from keyring.backends.SecretService import Keyring

    from zapdesk.accounts.keychain import SecretStore
    from zapdesk.accounts.manager import AccountManager
    from zapdesk.accounts.profiles import ProfileStore

    previous = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus
    try:
        manager = AccountManager(ProfileStore(data), SecretStore(Keyring()))
        _profile, client = await manager.add(display_name="Loja Centro", base_url=base_url,
                                             email=email, password="pw-123456")
        await client.aclose()
    finally:
        if previous is None:
            del os.environ["DBUS_SESSION_BUS_ADDRESS"]
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous


@contextlib.asynccontextmanager
async def ana_stored(tmp_path: Path, keyring_bus: str) -> AsyncIterator[SandboxServer]:
    """A separately started sandbox with Ana's tenant, and her account stored in
    ``tmp_path/data`` with its password in the keyring (the non-demo path)."""
    async with SandboxServer(clock=SandboxClock(scale=0)) as sandbox, \
            httpx.AsyncClient(base_url=sandbox.url) as control:
        r = await control.post("/_sandbox/tenants", json={
            "email": "ana@example.test", "password": "pw-123456", "plan": "pro"})
        assert r.status_code == 201, r.text
        await stored_account(tmp_path / "data", keyring_bus, sandbox.url, "ana@example.test")
        yield sandbox


@pytest.mark.keyring_service
@pytest.mark.asyncio
async def test_a_stored_account_loads_from_a_relative_data_dir(tmp_path: Path, keyring_bus: str
                                                               ) -> None:
    async with ana_stored(tmp_path, keyring_bus):
        process = start(tmp_path, app_env(DBUS_SESSION_BUS_ADDRESS=keyring_bus),
                        "--data-dir", "data", "--screenshot", "shot.png")
        code, err = await asyncio.to_thread(finished, process)
        assert code == 0, err
        assert "unexpected error" not in err
        log = logged(tmp_path / "data")
        assert "account Loja Centro: 0 instances" in log, log
        assert (tmp_path / "data" / "zapdesk.sqlite3").is_file()


@pytest.mark.keyring_service
@pytest.mark.asyncio
async def test_screenshot_exits_promptly_when_start_up_fails(tmp_path: Path, keyring_bus: str
                                                             ) -> None:
    async with ana_stored(tmp_path, keyring_bus):
        pass  # stored; leaving stops the server
    # The server is gone now: the account cannot load.
    started = time.monotonic()
    process = start(tmp_path, app_env(DBUS_SESSION_BUS_ADDRESS=keyring_bus),
                    "--data-dir", str(tmp_path / "data"), "--screenshot", "shot.png")
    code, err = await asyncio.to_thread(finished, process, 30)
    took = time.monotonic() - started
    assert code != 0, err
    assert took < 10, f"took {took:.1f} s to give up"
    assert not (tmp_path / "shot.png").exists()
    assert "start-up failed, no screenshot: account Loja Centro: " in logged(tmp_path / "data")
