from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from zapdesk.accounts.settings import DEFAULT_PORT, Settings, SettingsStore, parse_listen
from zapdesk.core.errors import InvalidInput


@pytest.mark.parametrize(("text", "expected"), [
    ("127.0.0.1:8787", ("127.0.0.1", 8787)), ("[::1]:9000", ("::1", 9000)),
    (":8787", ("127.0.0.1", 8787)), ("localhost:0", ("127.0.0.1", 0)),
    ("0.0.0.0:8080", ("0.0.0.0", 8080))])  # noqa: S104 - an operator's explicit choice
def test_listen_addresses(text: str, expected: tuple[str, int]) -> None:
    assert parse_listen(text) == expected


@pytest.mark.parametrize("text", ["8787", "example.com:80", "127.0.0.1:99999",
                                  "127.0.0.1:http", ""])
def test_bad_listen_addresses_say_what_to_type(text: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_listen(text)
    said = raised.value.message()
    assert f"127.0.0.1:{DEFAULT_PORT}" in said or "IP address" in said


def test_settings_round_trip_and_defaults(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    chosen = Settings(listen_port=9999, public_base_url="https://abc.trycloudflare.com/",
                      raw_log_days=7)
    store.save(chosen)
    loaded = store.load()
    assert loaded.listen_port == 9999 and loaded.raw_log_days == 7
    assert loaded.public_base_url == "https://abc.trycloudflare.com"


def test_a_damaged_value_falls_back_to_its_default_and_is_logged(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "settings.json").write_text(json.dumps(
        {"listen_port": "eighty", "listen_host": "example.com", "raw_log_days": 3,
         "public_base_url": "ftp://x"}))
    with caplog.at_level(logging.WARNING):
        loaded = SettingsStore(tmp_path).load()
    assert loaded == Settings(raw_log_days=3)
    assert "listen_port" in caplog.text and "listen_host" in caplog.text
    (tmp_path / "settings.json").write_text("{broken")
    assert SettingsStore(tmp_path).load() == Settings()


def test_saving_refuses_invalid_settings(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        SettingsStore(tmp_path).save(Settings(public_base_url="not a url"))
    assert not (tmp_path / "settings.json").exists()


def test_a_bad_listen_option_is_refused_before_any_window(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "zapdesk", "--data-dir", str(tmp_path),
                           "--listen", "nowhere"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "HOST:PORT" in done.stderr
