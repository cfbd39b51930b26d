"""In-process clients of the app, at an address the app answers for (``localhost`` is in the default allow-list)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

LOCAL_URL = "http://localhost"


def app_client(settings: Settings) -> TestClient:
    """A client of the app built from ``settings``; use it as a context manager to run the app's lifespan."""
    return TestClient(create_app(settings), base_url=LOCAL_URL)
