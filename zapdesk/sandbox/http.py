"""Shared HTTP helpers: the success envelope and reading a JSON object body."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from zapdesk.sandbox.errors import ApiError


def ok(data: object, status: int = 200) -> web.Response:
    return web.json_response({"success": True, "data": data}, status=status)


async def json_object(request: web.Request, *, optional: bool = False) -> dict[str, Any]:
    raw = await request.read()
    if not raw.strip() and optional:
        return {}
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "invalid_request", "the body must be valid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "the body must be a JSON object")
    return body
