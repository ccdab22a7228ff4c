"""Account profiles in ``accounts.json``: who and where, never a secret.

The file is written whole to a temporary file and renamed over the old one, so a crash
never leaves half a file; a file that cannot be read is reported and left untouched.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

from zapdesk.accounts import atomic
from zapdesk.core.errors import AccountError

AuthMode = Literal["password", "api_key"]
FILE_NAME = "accounts.json"
VERSION = 1
_FIELDS = ("id", "display_name", "base_url", "auth_mode", "email")


@dataclass(frozen=True)
class AccountProfile:
    id: str
    display_name: str
    base_url: str
    auth_mode: AuthMode
    email: str | None = None

    @staticmethod
    def new(display_name: str, base_url: str, auth_mode: AuthMode,
            email: str | None = None) -> AccountProfile:
        return AccountProfile("acc_" + secrets.token_hex(6), display_name.strip() or base_url,
                              base_url.rstrip("/"), auth_mode, email)


class ProfileStore:
    def __init__(self, directory: Path) -> None:
        self.path = directory / FILE_NAME

    def load(self) -> list[AccountProfile]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise AccountError(f"cannot read {self.path}: {exc.strerror}") from exc
        try:
            document = json.loads(raw)
            rows = document["accounts"]
            profiles = [self._profile(row) for row in rows]
        except (ValueError, KeyError, TypeError) as exc:
            raise AccountError(f"{self.path} is damaged ({exc}); it was left as it is") from exc
        return profiles

    @staticmethod
    def _profile(row: dict[str, object]) -> AccountProfile:
        mode = row["auth_mode"]
        if mode not in ("password", "api_key"):
            raise ValueError(f"unknown auth_mode {mode!r}")
        email = row.get("email")
        return AccountProfile(str(row["id"]), str(row["display_name"]), str(row["base_url"]),
                              mode, str(email) if email is not None else None)

    def save(self, profiles: list[AccountProfile]) -> None:
        # Only the known fields are written: no secret can slip in through a new attribute.
        rows = [{k: v for k, v in asdict(p).items() if k in _FIELDS} for p in profiles]
        text = json.dumps({"version": VERSION, "accounts": rows}, indent=2, ensure_ascii=False)
        atomic.write_text(self.path, text + "\n")

    def add(self, profile: AccountProfile) -> None:
        self.save([*self.load(), profile])

    def remove(self, account_id: str) -> None:
        self.save([p for p in self.load() if p.id != account_id])

    def rename(self, account_id: str, display_name: str) -> None:
        self.save([replace(p, display_name=display_name) if p.id == account_id else p
                   for p in self.load()])
