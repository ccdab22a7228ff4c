"""``--screenshot`` gives up at once, saying why, when the start-up reports a bug (the
subprocess runs in tests/test_app.py cover the accounts and the data folder)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env
from zapdesk.main import parse_args, screenshot

pytestmark = pytest.mark.asyncio


async def test_a_bug_during_start_up_ends_the_screenshot_wait(
        qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with console_env(qtbot, tmp_path) as env:
        args = parse_args(["--screenshot", str(tmp_path / "shot.png")])
        env.app.loading = True  # the accounts are still opening
        waiting = asyncio.ensure_future(screenshot(env.window, env.console, args))
        await asyncio.sleep(0.3)
        assert not waiting.done()

        async def broken() -> None:
            raise RuntimeError("forced start-up failure")

        env.app.tasks.spawn(broken())  # an unexpected error in a start-up task
        async with asyncio.timeout(3):
            code = await waiting
        assert code == 1
        assert not (tmp_path / "shot.png").exists()
        said = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert "start-up failed, no screenshot: a bug was reported: RuntimeError: forced " \
               "start-up failure" in said
        env.app.loading = False
        env.app.bugs.clear()  # reported on purpose
