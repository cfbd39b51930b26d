"""Live servers in subprocesses: what signals, sockets and timers do is only seen in a real process."""

from __future__ import annotations

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here starts a server process: marked, and still in `make test-fast` (each under 20 s)."""
    for item in items:
        if "tests/ops/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.process)
