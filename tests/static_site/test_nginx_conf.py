"""The nginx server block for the static export is written once (app/static_site/nginx.conf) and cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

from app.security import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parents[2]
CONF = (ROOT / "app" / "static_site" / "nginx.conf").read_text(encoding="utf-8")


def test_the_readme_shows_the_file_the_test_serves_the_export_with() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```nginx\n{CONF}```" in readme


def test_its_content_security_policy_is_the_app_s() -> None:
    (policy,) = re.findall(r'add_header Content-Security-Policy "(.*); frame-ancestors \$nkw_frame_ancestors";', CONF)
    assert policy == CONTENT_SECURITY_POLICY


def test_it_serves_files_only() -> None:
    """Filtered views go to the app only where a deployment says so (the commented-out line)."""
    assert not re.search(r"(?m)^\s*[^#\s][^#]*proxy_pass", CONF)
    assert re.search(r"(?m)^\s*# if \(\$args\) \{ proxy_pass http://127\.0\.0\.1:8000; \}$", CONF)
