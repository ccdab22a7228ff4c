from __future__ import annotations

import json
from pathlib import Path

import pytest

from zapdesk.accounts import paths
from zapdesk.accounts.profiles import AccountProfile, ProfileStore
from zapdesk.core.errors import AccountError


def test_profiles_round_trip_and_stay_free_of_secrets(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    assert store.load() == []
    first = AccountProfile.new("Loja Centro", "https://api.zapflare.io/", "password", "a@b.test")
    second = AccountProfile.new("", "http://127.0.0.1:8787", "api_key")
    store.add(first)
    store.add(second)
    assert store.load() == [first, second]
    assert second.display_name == "http://127.0.0.1:8787" and first.base_url.endswith(".io")
    store.rename(first.id, "Loja Sul")
    store.remove(second.id)
    assert [p.display_name for p in store.load()] == ["Loja Sul"]
    document = json.loads(store.path.read_text())
    assert document["version"] == 1
    assert set(document["accounts"][0]) == {"id", "display_name", "base_url", "auth_mode",
                                            "email"}
    assert [p.name for p in tmp_path.iterdir()] == ["accounts.json"]  # no temp files left


@pytest.mark.parametrize("content", ["{", "[]", '{"accounts": [{"id": "x"}]}',
                                     '{"accounts": [{"id": "x", "display_name": "d", '
                                     '"base_url": "u", "auth_mode": "magic"}]}'])
def test_a_damaged_file_is_reported_and_left_alone(tmp_path: Path, content: str) -> None:
    (tmp_path / "accounts.json").write_text(content)
    with pytest.raises(AccountError) as caught:
        ProfileStore(tmp_path).load()
    assert "damaged" in str(caught.value)
    assert (tmp_path / "accounts.json").read_text() == content


def test_the_data_dir_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    assert paths.config_dir() != tmp_path and "zapdesk" in str(paths.config_dir())
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.config_dir() == paths.data_dir() == tmp_path / "env"
    assert paths.config_dir(tmp_path / "arg") == tmp_path / "arg"  # the option wins
