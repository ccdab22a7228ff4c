"""``zapdesk accounts`` as a person runs it in a terminal, in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sandbox.helpers import closed_port
from zapdesk.accounts.profiles import AccountProfile, ProfileStore

ROOT = Path(__file__).resolve().parents[1]


def accounts(data: Path, **env: str) -> str:
    base = {k: v for k, v in os.environ.items()
            if k not in ("ZAPDESK_DATA_DIR", "PYTHON_KEYRING_BACKEND", "LANGUAGE")}
    done = subprocess.run([sys.executable, "-m", "zapdesk", "accounts", "--data-dir",
                           str(data), "--listen", "127.0.0.1:28799"], cwd=ROOT,
                          env={**base, "XDG_CONFIG_HOME": str(data / "xdg"), **env},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


@pytest.fixture
def data(tmp_path: Path) -> Path:
    ProfileStore(tmp_path).add(AccountProfile("acc_1", "Loja", f"http://127.0.0.1:"
                                              f"{closed_port()}", "password", "a@b.test"))
    return tmp_path


@pytest.mark.parametrize("lang", ["en_US.UTF-8", "pt_BR.UTF-8"])
def test_without_a_keyring_no_url_is_invented(data: Path, lang: str) -> None:
    no_bus = f"unix:path={data / 'no-bus'}"  # no Secret Service, as on a bare server
    first = accounts(data, DBUS_SESSION_BUS_ADDRESS=no_bus, LANG=lang, LC_ALL=lang)
    # A token made up by this process would die with it: nobody would ever listen there.
    assert "/hooks/" not in first, first
    row, *explanation = first.splitlines()
    assert row.split("\t")[:3] == ["acc_1", "Loja", row.split("\t")[2]]
    said = "\n".join(explanation)
    if lang.startswith("pt"):
        assert "(nenhuma URL de webhook estável)" in row
        assert "chaveiro" in said and "deixa de valer quando ele fecha" in said, said
    else:
        assert "(no stable webhook URL)" in row
        assert "No stable webhook URL exists" in said and "keyring" in said, said
        assert "only until it closes" in said and "shown in the app" in said, said
    assert accounts(data, DBUS_SESSION_BUS_ADDRESS=no_bus, LANG=lang, LC_ALL=lang) == first


@pytest.mark.keyring_service
def test_with_a_secret_service_the_url_is_stable(data: Path, secret_service_bus: str | None
                                                 ) -> None:
    if secret_service_bus is None:
        pytest.skip("no dbus-daemon/gnome-keyring-daemon here (packaging/dev/setup installs "
                    "them on Debian)")
    listed = accounts(data, DBUS_SESSION_BUS_ADDRESS=secret_service_bus, LANG="en_US.UTF-8")
    [row] = listed.splitlines()
    assert row.split("\t")[3].startswith("http://127.0.0.1:28799/hooks/"), listed
    assert accounts(data, DBUS_SESSION_BUS_ADDRESS=secret_service_bus) == listed
