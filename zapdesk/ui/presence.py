"""What the chat header says about the contact: typing…, recording audio…, online."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

TYPING_SECONDS = 25  # a "composing" presence older than this is stale
ONLINE_SECONDS = 300


def presence_text(presence: tuple[str, float] | None, now: float) -> str:
    translate = QCoreApplication.translate
    if presence is None:
        return ""
    word, at = presence
    age = now - at
    if word == "composing" and age < TYPING_SECONDS:
        return translate("chat", "typing…")
    if word == "recording" and age < TYPING_SECONDS:
        return translate("chat", "recording audio…")
    if word in ("available", "composing", "recording", "paused") and age < ONLINE_SECONDS:
        return translate("chat", "online")
    return ""
