"""Coroutines run from a synchronous test, whatever the test session's main thread is doing."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` on its own event loop in another thread.

    The browser tests keep Playwright's loop running in this thread for the whole session, and
    asyncio.run refuses to start a second loop in a thread that has one.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
