"""All configuration, read once from the environment (variables prefixed ``NKW_``)."""

from __future__ import annotations

from ipaddress import ip_network
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, field_validator
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
    # The public address (https://example.org), for embed snippets, oEmbed, citations and og:image.
    # Empty: the address each request came to, for the hosts in allowed_hosts only.
    base_url: str = ""
    # Host names the server answers for (comma-separated; '*' for any). Any other Host header gets 400,
    # so that a forged Host never reaches a link in a page, an embed code or a cache.
    allowed_hosts: str = "localhost,127.0.0.1"
    # Where the server remembers that unchanged data already validated; empty turns that off.
    cache_dir: Path | None = PROJECT_ROOT / ".cache"
    # Chromium, for rendering PNG and SVG images of charts (kaleido drives it).
    browser_path: Path = Path("/usr/bin/chromium")

    # `python -m app serve` (app/server.py): where it listens and with how many worker processes.
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    # Proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-Proto and X-Forwarded-For are believed.
    # Empty: none, so no client can claim another scheme or address.
    trusted_proxies: str = ""
    # A request's line and headers must fit in this many bytes (431 otherwise) and arrive within this
    # many seconds of its first byte or of the connection opening (408, or the connection closed).
    max_header_bytes: int = Field(default=32 * 1024, ge=1024)
    header_timeout: float = Field(default=10.0, gt=0)
    # An idle keep-alive connection is closed after this; keep it longer than a load balancer's idle timeout.
    keep_alive_timeout: int = Field(default=5, ge=1)
    # On SIGTERM, requests in flight get this long to finish; then they are cut and the process exits.
    # Under Docker's 10 s between SIGTERM and SIGKILL.
    shutdown_timeout: int = Field(default=8, ge=0)
    access_log: bool = True

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _empty_means_off(cls, value: object) -> object:
        # NKW_CACHE_DIR= (empty) turns the cache off; read as a path it would be the current directory.
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("base_url")
    @classmethod
    def _absolute_http_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"NKW_BASE_URL must be an http(s) address such as https://example.org, not '{value}'")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses(cls, value: str) -> str:
        for entry in value.split(","):
            if entry.strip():
                try:
                    ip_network(entry.strip(), strict=False)
                except ValueError:
                    raise ValueError(
                        f"NKW_TRUSTED_PROXIES: '{entry.strip()[:60]}' is not an IP address or network (CIDR), "
                        "such as 10.0.0.5 or 10.0.0.0/8"
                    ) from None
        return value

    @property
    def proxy_addresses(self) -> list[str]:
        """The trusted proxies, one address or network each."""
        return [entry.strip() for entry in self.trusted_proxies.split(",") if entry.strip()]

    @property
    def host_names(self) -> list[str]:
        """The hosts requests may name: allowed_hosts, and the base URL's own host."""
        names = [name.strip().lower() for name in self.allowed_hosts.split(",") if name.strip()]
        if self.base_url:
            names.append(str(urlsplit(self.base_url).hostname))
        return names
