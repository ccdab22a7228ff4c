"""Controller code runs on the app's qasync loop; so do its tests."""

from tests.ui.conftest import pytest_asyncio_loop_factories

__all__ = ["pytest_asyncio_loop_factories"]
