"""App settings in ``settings.json``: where the webhook listener listens and what the
operator's ZapFlare should call, how long raw events are kept, the look and the
notifications. No secrets here.

The file may be edited by hand: each value is checked on its own, and one that is wrong is
refused with a reason the window can show (its default is used), never a crash.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from zapdesk.accounts import atomic
from zapdesk.core import validation
from zapdesk.core.errors import InvalidInput, InvalidListenAddress, InvalidUrl
from zapdesk.core.operator import clean_name
from zapdesk.core.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
FILE_NAME = "settings.json"
# Below the ephemeral range of Linux (32768+) and Windows (49152+), and not a port other
# local tools default to (the sandbox's example is 8787; 8080/8000/3000 are everyone's).
DEFAULT_PORT = 28787
THEMES = ("system", "light", "dark")
LANGUAGES = ("", "en", "pt_BR")  # "" is the system's language


# ---- why a value is refused (shown under a field, or in the list of ignored settings) ----
class SettingRefused(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "This value is not allowed here: {value}.")


class WholeNumberNeeded(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "Expected a whole number from {low} to {high}, "
                                           "not {value}.")


class PositiveNumberNeeded(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "Expected a number greater than 0 and at most "
                                           "{high}, not {value}.")


class YesNoNeeded(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "Expected true or false, not {value}.")


class ChoiceNeeded(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "Expected one of {choices}, not {value}.")


class AddressNeeded(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "Expected an IP address of this computer, such "
                                           "as 127.0.0.1 or ::1 (0.0.0.0 for all of its "
                                           "addresses), not {value}.")


class UrlNeeded(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "Expected a full http:// or https:// address, "
                                           "such as https://abc.example.com, not {value}.")


class UnknownSetting(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "zapdesk has no such setting.")


class UnreadableSettings(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "The file cannot be read: every setting has its "
                                           "default.")


class NotJson(UnreadableSettings):
    template = QT_TRANSLATE_NOOP("errors", "The file is not valid JSON (line {line}, column "
                                           "{column}): every setting has its default.")


class NotAnObject(UnreadableSettings):
    template = QT_TRANSLATE_NOOP("errors", "The file must hold one JSON object (names and "
                                           "values between braces): every setting has its "
                                           "default.")


class SettingsNotSaved(SettingRefused):
    template = QT_TRANSLATE_NOOP("errors", "The preferences cannot be saved in {path} (the "
                                           "log has the details); they apply until zapdesk "
                                           "closes.")


def shown(value: object) -> str:
    """A value as the operator typed it into the file (JSON), kept short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def whole(value: object, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise WholeNumberNeeded(f"{name} must be a whole number from {low} to {high}",
                                field=name, low=low, high=high, value=shown(value))
    return value


def positive(value: object, name: str, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value) or not 0 < value <= high:
        raise PositiveNumberNeeded(f"{name} must be more than 0 and at most {high:g}",
                                   field=name, high=f"{high:g}", value=shown(value))
    return float(value)


def yes_no(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise YesNoNeeded(f"{name} must be true or false", field=name, value=shown(value))
    return value


def optional_text(value: object, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise SettingRefused(f"{name} must be text", field=name, value=shown(value))
    return value or None


def operator_name(value: object) -> str | None:
    text = optional_text(value, "operator_name")
    return clean_name(text) or None if text else None


def text_list(value: object, name: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise SettingRefused(f"{name} must be a list of texts", field=name, value=shown(value))
    return tuple(dict.fromkeys(value))


def choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(shown(c) for c in choices)
        raise ChoiceNeeded(f"{name} must be one of {listed}", field=name, choices=listed,
                           value=shown(value))
    return value


def listen_host(text: object) -> str:
    host = text.strip().strip("[]") if isinstance(text, str) else ""
    if host == "localhost":
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        raise AddressNeeded(f"not an IP address: {text!r}", field="listen_host",
                            value=shown(text)) from None


def public_url(value: object) -> str | None:
    if value is None or value == "":
        return None
    try:
        url = validation.http_url(value, field="public_base_url") \
            if isinstance(value, str) else None
    except InvalidUrl:
        url = None
    if url is None:
        raise UrlNeeded(f"not an http(s) URL: {value!r}", field="public_base_url",
                        value=shown(value))
    return url.rstrip("/")


@dataclass(frozen=True)
class Settings:
    listen_host: str = "127.0.0.1"  # loopback unless the operator forwards a port
    listen_port: int = DEFAULT_PORT
    public_base_url: str | None = None  # e.g. a tunnel's https://… address
    raw_log_days: float = 30.0
    raw_log_megabytes: float = 200.0
    quiet_minutes: float = 30.0  # "no events while connected" warning after this long
    notification_previews: bool = True  # show the message's text in desktop notifications
    notification_sound: bool = False
    theme: str = "system"
    language: str = ""  # "" follows the system; read at start-up
    link_instance: str | None = None  # "account id/instance id" last picked for a link
    tray_hint_shown: bool = False  # told once that closing the window keeps zapdesk running
    operator_name: str | None = None  # who answers, as signed and recorded; None: the OS user
    signed_instances: tuple[str, ...] = ()  # "account id/instance id" where "Sign" is on

    def checked(self) -> Settings:
        """The same settings, normalised, or a SettingRefused saying which one and why."""
        return replace(
            self,
            listen_host=listen_host(self.listen_host),
            listen_port=whole(self.listen_port, "listen_port", 1, 65535),
            public_base_url=public_url(self.public_base_url),
            raw_log_days=positive(self.raw_log_days, "raw_log_days", 36500),
            raw_log_megabytes=positive(self.raw_log_megabytes, "raw_log_megabytes", 1_000_000),
            quiet_minutes=positive(self.quiet_minutes, "quiet_minutes", 10080),
            notification_previews=yes_no(self.notification_previews, "notification_previews"),
            notification_sound=yes_no(self.notification_sound, "notification_sound"),
            theme=choice(self.theme, "theme", THEMES),
            language=choice(self.language, "language", LANGUAGES),
            link_instance=optional_text(self.link_instance, "link_instance"),
            tray_hint_shown=yes_no(self.tray_hint_shown, "tray_hint_shown"),
            operator_name=operator_name(self.operator_name),
            signed_instances=text_list(self.signed_instances, "signed_instances"),
        )


def parse_listen(text: str) -> tuple[str, int]:
    """``127.0.0.1:28787``, ``[::1]:28787`` or ``:28787`` (loopback) → (host, port); port 0
    (any free port) is allowed here, for a run, not in the saved settings."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise InvalidListenAddress(f"expected HOST:PORT, not {text!r}", field="listen",
                                   port=DEFAULT_PORT)
    return (listen_host(host) if host else "127.0.0.1"), int(port)


class SettingsStore:
    def __init__(self, directory: Path) -> None:
        self.path = directory / FILE_NAME
        self.ignored: list[SettingRefused] = []  # what the last load refused, and why

    def load(self) -> Settings:
        """The saved settings; a missing file is the defaults, a refused value is its
        default (listed in ``ignored`` and the log), never a crash at start-up."""
        self.ignored = []
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except json.JSONDecodeError as exc:
            self._ignore(NotJson(str(exc), field=FILE_NAME, line=exc.lineno, column=exc.colno))
            return Settings()
        except (OSError, ValueError) as exc:  # unreadable, or not UTF-8
            self._ignore(UnreadableSettings(str(exc), field=FILE_NAME))
            return Settings()
        if not isinstance(raw, dict):
            self._ignore(NotAnObject("not a JSON object", field=FILE_NAME))
            return Settings()
        chosen = Settings()
        names = {item.name for item in fields(Settings)}
        for name, value in raw.items():
            if name not in names:
                self._ignore(UnknownSetting(f"unknown setting {name!r}", field=name))
                continue
            try:
                chosen = replace(chosen, **{name: value}).checked()
            except SettingRefused as exc:
                self._ignore(exc)
        return chosen

    def _ignore(self, problem: SettingRefused) -> None:
        log.warning("setting %s in %s ignored: %s", problem.field, self.path, problem)
        self.ignored.append(problem)

    def save(self, settings: Settings) -> Settings:
        checked = settings.checked()
        try:
            atomic.write_text(self.path, json.dumps(asdict(checked), indent=2) + "\n")
        except OSError as exc:
            log.error("cannot write %s: %s", self.path, exc)
            raise SettingsNotSaved(str(exc), field=FILE_NAME, path=str(self.path)) from exc
        self.ignored = []
        return checked

    def update(self, **changes: Any) -> Settings:
        """Change a few settings in the file, keeping the rest as saved there (raises
        SettingsNotSaved when it cannot be written)."""
        return self.save(replace(self.load(), **changes))
