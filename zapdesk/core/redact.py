"""Keeping secrets out of log lines, whatever logs them."""

from __future__ import annotations

import logging
import re
import threading

_PATTERNS = [
    re.compile(r"(zpk_(?:live|test)_)[A-Za-z0-9]+"),
    re.compile(r"((?:auth-session|password|apikey|api_key|token)[\"']?\s*[=:]\s*[\"']?)"
               r"[^\s\"';,&]+", re.IGNORECASE),
    re.compile(r"((?:Bearer)\s+)\S+", re.IGNORECASE),
]
MASK = "***"


class Redactor(logging.Filter):
    """A logging filter that masks registered secrets and secret-looking fields."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str | None) -> None:
        if secret and len(secret) >= 4:  # masking "a" would garble every line
            with self._lock:
                self._secrets.add(secret)

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            text = text.replace(secret, MASK)
        for pattern in _PATTERNS:
            text = pattern.sub(lambda m: m.group(1) + MASK, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if clean != message:
            record.msg, record.args = clean, None
        return True


REDACTOR = Redactor()


def install(logger: logging.Logger | None = None) -> Redactor:
    """Attach the shared redactor to every handler of ``logger`` (the root by default)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if REDACTOR not in handler.filters:
            handler.addFilter(REDACTOR)
    return REDACTOR
