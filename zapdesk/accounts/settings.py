"""App settings in ``settings.json``: where the webhook listener listens and what the
operator's ZapFlare should call, and how long raw events are kept. No secrets here."""

from __future__ import annotations

import ipaddress
import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from zapdesk.accounts import atomic
from zapdesk.core import validation
from zapdesk.core.errors import InvalidInput

log = logging.getLogger(__name__)
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    listen_host: str = "127.0.0.1"  # loopback unless the operator forwards a port
    listen_port: int = 8787
    public_base_url: str | None = None  # e.g. a tunnel's https://… address
    raw_log_days: float = 30.0
    raw_log_megabytes: float = 200.0
    quiet_minutes: float = 30.0  # "no events while connected" warning after this long
    notification_previews: bool = True  # show the message's text in desktop notifications
    notification_sound: bool = False
    link_instance: str | None = None  # "account id/instance id" last picked for a link
    tray_hint_shown: bool = False  # told once that closing the window keeps zapdesk running

    def checked(self) -> Settings:
        """The same settings, or InvalidInput saying which one is wrong and why."""
        host = listen_host(self.listen_host)
        if not 0 <= self.listen_port <= 65535:
            raise InvalidInput(f"port {self.listen_port} is not 0–65535", field="listen_port")
        base = validation.optional_http_url(self.public_base_url or "", field="public_base_url")
        if not isinstance(self.link_instance, str | None) or \
                not isinstance(self.tray_hint_shown, bool):
            raise InvalidInput("link_instance must be text, tray_hint_shown true or false",
                               field="link_instance")
        for name in ("raw_log_days", "raw_log_megabytes", "quiet_minutes"):
            if not getattr(self, name) > 0:
                raise InvalidInput(f"{name} must be more than 0", field=name)
        return replace(self, listen_host=host,
                       public_base_url=base.rstrip("/") if base else None)


def listen_host(text: str) -> str:
    host = text.strip().strip("[]")
    if host == "localhost":
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        raise InvalidInput(f"not an IP address: {text!r}", field="listen_host") from None


def parse_listen(text: str) -> tuple[str, int]:
    """``127.0.0.1:8787``, ``[::1]:8787`` or ``:8787`` (loopback) → (host, port)."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise InvalidInput(f"expected HOST:PORT, e.g. 127.0.0.1:8787, not {text!r}",
                           field="listen")
    return (listen_host(host) if host else "127.0.0.1"), int(port)


class SettingsStore:
    def __init__(self, directory: Path) -> None:
        self.path = directory / FILE_NAME

    def load(self) -> Settings:
        """The saved settings; a missing file is the defaults, a damaged value is its
        default (said in the log), never a crash at start-up."""
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as exc:
            log.warning("%s cannot be read (%s); using the defaults", self.path, exc)
            return Settings()
        chosen = Settings()
        for item in fields(Settings):
            if isinstance(raw, dict) and item.name in raw:
                candidate = replace(chosen, **{item.name: raw[item.name]})
                try:
                    chosen = candidate.checked()
                except (InvalidInput, TypeError) as exc:
                    log.warning("setting %s in %s ignored: %s", item.name, self.path, exc)
        return chosen

    def save(self, settings: Settings) -> None:
        checked = settings.checked()
        atomic.write_text(self.path, json.dumps(asdict(checked), indent=2) + "\n")

    def update(self, **changes: Any) -> Settings:
        """Change a few settings in the file, keeping the rest as saved there."""
        changed = replace(self.load(), **changes)
        self.save(changed)
        return changed
