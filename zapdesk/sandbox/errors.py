"""The error a sandbox operation raises; the HTTP layer turns it into the spec's envelope."""

from __future__ import annotations

from zapdesk.sandbox.ratelimit import Quota


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        quota: Quota | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.quota = quota

    def body(self) -> dict[str, object]:
        error: dict[str, object] = {"code": self.code, "message": self.message}
        if self.field is not None:
            error["field"] = self.field
        return {"success": False, "error": error}


def invalid(field: str, message: str) -> ApiError:
    return ApiError(400, "invalid_request", message, field=field)


def not_found(what: str = "instance") -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def conflict(message: str) -> ApiError:
    return ApiError(409, "conflict", message)
