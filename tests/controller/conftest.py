"""Controller code runs on the app's qasync loop; so do its tests."""

import gc
from collections.abc import Iterator

import pytest

from tests.ui.conftest import pytest_asyncio_loop_factories

__all__ = ["pytest_asyncio_loop_factories"]


@pytest.fixture(autouse=True)
def collected_on_the_gui_thread() -> Iterator[None]:
    """A test's controllers (QObjects with timers) are collected here, on the GUI thread:
    left to a later collection, one may run in a worker thread, and Qt warns "Timers
    cannot be stopped from another thread"."""
    yield
    gc.collect()
