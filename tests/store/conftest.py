from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest_asyncio

from zapdesk.store.store import Store


@pytest_asyncio.fixture
async def store(tmp_path: Path, loop_errors: list[dict[str, Any]]) -> AsyncIterator[Store]:
    opened = Store(tmp_path)
    await opened.open()
    yield opened
    await opened.close()
