"""Secrets in the OS keyring, one service name for the app.

Only a backend that really encrypts is accepted. Without one, storing fails with
``KeyringUnavailable`` and the caller may choose to keep the secret in memory for this
session only; nothing is ever silently written to a plain file (the ``keyrings.alt``
backends are refused for that reason).

Backends raise more than ``keyring``'s own errors (SecretStorage's ItemNotFoundException,
jeepney and D-Bus errors, OSError): any failure of the store turns it into "no keyring"
for the rest of the run, with the reason, never an exception that kills the app.
"""

from __future__ import annotations

import logging
from enum import StrEnum

import keyring
import keyring.backends.fail
import keyring.errors
from keyring.backend import KeyringBackend

from zapdesk.core.errors import KeyringUnavailable
from zapdesk.core.redact import REDACTOR

log = logging.getLogger(__name__)

SERVICE = "zapdesk"


class SecretKind(StrEnum):
    PASSWORD = "password"  # noqa: S105 - a key name, not a password
    API_KEY = "api_key"
    SESSION = "session"
    WEBHOOK = "webhook_token"


def unusable_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` must not hold secrets, or None when it may."""
    module = type(backend).__module__
    if module.startswith("keyrings.alt"):
        return f"{type(backend).__name__} keeps secrets in a plain file"
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return "no keyring backend is installed or running (e.g. GNOME Keyring, KWallet)"
    try:
        if backend.priority <= 0:
            return f"{type(backend).__name__} is not usable here"
    except Exception as exc:  # backends raise their own types when their service is absent
        return str(exc) or type(exc).__name__
    if module == "keyring.backends.chainer":
        inner = getattr(backend, "backends", [])
        if not [b for b in inner if unusable_reason(b) is None]:
            return "no usable keyring backend"
    return None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class SecretStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._memory: dict[str, str] = {}  # secrets the operator chose to keep for this session
        self.broken = False  # the store failed during this run: reads say so, not "nothing"
        if backend is None:
            try:
                backend = keyring.get_keyring()
            except Exception as exc:  # discovery talks to D-Bus; any backend error ends here
                log.warning("no keyring: choosing a backend failed: %s", _describe(exc))
                self.backend: KeyringBackend = keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]
                self.unavailable_reason: str | None = _describe(exc)
                return
        self.backend = backend
        self.unavailable_reason = unusable_reason(self.backend)

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    @staticmethod
    def _key(account_id: str, kind: SecretKind) -> str:
        return f"{account_id}/{kind.value}"

    def set(self, account_id: str, kind: SecretKind, value: str, *,
            session_only: bool = False) -> None:
        REDACTOR.add(value)
        key = self._key(account_id, kind)
        if session_only:
            self._memory[key] = value
            self._delete_stored(key)
            return
        if self.unavailable_reason is not None:
            raise KeyringUnavailable(self.unavailable_reason)
        try:
            self.backend.set_password(SERVICE, key, value)
        except Exception as exc:
            raise self._failed("store", exc) from exc
        self._memory.pop(key, None)

    def get(self, account_id: str, kind: SecretKind) -> str | None:
        key = self._key(account_id, kind)
        value = self._memory.get(key)
        if value is None and self.broken:  # it may be stored, we just cannot read it now
            raise KeyringUnavailable(self.unavailable_reason or "")
        if value is None and self.unavailable_reason is None:
            try:
                value = self.backend.get_password(SERVICE, key)
            except Exception as exc:
                raise self._failed("read", exc) from exc
        REDACTOR.add(value)
        return value

    def delete(self, account_id: str, kind: SecretKind) -> None:
        key = self._key(account_id, kind)
        self._memory.pop(key, None)
        self._delete_stored(key)

    def delete_all(self, account_id: str) -> None:
        for kind in SecretKind:
            self.delete(account_id, kind)

    def _delete_stored(self, key: str) -> None:
        if self.unavailable_reason is not None:
            return
        try:
            self.backend.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored under that name
        except Exception as exc:
            self._failed("delete", exc)

    def _failed(self, action: str, exc: Exception) -> KeyringUnavailable:
        """The store broke under us: from now on this run has no keyring, and says why."""
        reason = _describe(exc)
        log.warning("the keyring failed to %s a secret, so it is not used for the rest of "
                    "this run: %s", action, reason)
        self.unavailable_reason = reason
        self.broken = True
        return KeyringUnavailable(reason)
