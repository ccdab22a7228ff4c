from __future__ import annotations

import json
import logging
import os
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


def test_the_app_starts_with_a_hand_edited_file_full_of_wrong_values(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({
        "listen_port": 99999, "listen_host": True, "theme": "purple", "language": 7,
        "quiet_minutes": "soon", "raw_log_megabytes": None, "notification_previews": 1}),
        encoding="utf-8")
    shot = tmp_path / "window.png"
    done = subprocess.run(
        [sys.executable, "-m", "zapdesk", "--sandbox", "--data-dir", str(data), "--lang", "en",
         "--listen", "127.0.0.1:0", "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=90,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and shot.exists()
    log = (data / "logs" / "zapdesk.log").read_text(encoding="utf-8")
    for name, why in (("listen_port", "not 99999"), ("listen_host", "not true"),
                      ("theme", 'not "purple"'), ("language", "not 7"),
                      ("quiet_minutes", 'not "soon"'), ("raw_log_megabytes", "not null"),
                      ("notification_previews", "not 1")):
        assert f"setting {name} in " in log and why in log, name


def test_every_kind_of_wrong_value_is_refused_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({
        "listen_port": 8787.0, "raw_log_days": float("inf"), "language": "fr",
        "public_base_url": "https://tunnel.example/", "notification_sound": True}))
    store = SettingsStore(tmp_path)
    loaded = store.load()
    assert loaded == Settings(public_base_url="https://tunnel.example", notification_sound=True)
    reasons = {problem.field: problem.message() for problem in store.ignored}
    assert reasons == {
        "listen_port": "Expected a whole number from 1 to 65535, not 8787.0.",
        "raw_log_days": "Expected a number greater than 0 and at most 36500, not Infinity.",
        "language": 'Expected one of "", "en", "pt_BR", not "fr".'}
    (tmp_path / "settings.json").write_text("[1, 2]")
    assert store.load() == Settings()
    assert [p.field for p in store.ignored] == ["settings.json"]
