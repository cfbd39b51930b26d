"""All configuration, read once from the environment (variables prefixed ``NKW_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NKW_", frozen=True)

    data_dir: Path = PROJECT_ROOT / "data"
    templates_dir: Path = PROJECT_ROOT / "templates"
    static_dir: Path = PROJECT_ROOT / "static"
    # The official basic plotly.js bundle, which `make` fetches from the npm registry (not committed).
    vendor_dir: Path = PROJECT_ROOT / "static" / "vendor"
    site_name: str = "North Korean Workers Abroad"
    # The public address (https://example.org), for embed snippets, oEmbed and citations;
    # empty means the address each request came to.
    base_url: str = ""
    # Where the server remembers that unchanged data already validated; empty turns that off.
    cache_dir: Path | None = PROJECT_ROOT / ".cache"
    # Chromium, for rendering PNG and SVG images of charts (kaleido drives it).
    browser_path: Path = Path("/usr/bin/chromium")
