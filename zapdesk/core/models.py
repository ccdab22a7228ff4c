"""What the API returns, as plain typed values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    CREATED = "created"
    QR = "qr"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    BANNED = "banned"

    @classmethod
    def known(cls, value: str) -> Status | None:
        try:
            return cls(value)
        except ValueError:
            return None


# The published variant's word for a new instance means the same as ours.
STATUS_ALIASES = {"initializing": Status.CREATED.value}


@dataclass(frozen=True)
class QrCode:
    png: bytes  # the decoded PNG, already checked to be one
    attempt_id: str  # "qr_attempt_3"; a new id means a new code
    expiry: float  # seconds the code stays valid, counted from when the answer arrived
    expires_at: datetime | None = None  # when the server says so explicitly

    @property
    def attempt(self) -> int | None:
        """3 for "qr_attempt_3"; None when the id has another shape."""
        tail = self.attempt_id.rsplit("_", 1)[-1]
        return int(tail) if tail.isdigit() else None


@dataclass(frozen=True)
class Instance:
    id: str
    name: str
    status: str  # a Status value, or whatever unknown word the server sent
    phone: str | None = None  # "+5511999999999"
    webhook_url: str | None = None
    active: bool | None = None
    integration: str | None = None
    profile_pic_url: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    qr: QrCode | None = None
    qr_problem: str | None = None  # why a qrCode the server sent could not be used

    @property
    def known_status(self) -> Status | None:
        return Status.known(self.status)


@dataclass(frozen=True)
class SentMessage:
    id: str | None
    status: str  # "queued", or whatever the server says
    to: str


@dataclass(frozen=True)
class RateLimit:
    limit: int
    remaining: int
    reset: float  # epoch seconds
    window: int | None


# From the contract: instances per plan, and the QR series.
PLAN_LIMITS = {"starter": 1, "pro": 5, "enterprise": 50}
QR_ATTEMPTS = 6
QR_LIFETIME = 20.0
