"""axe-core, a real accessibility auditor, on each kind of page: no serious or critical violation.

`make prepare` fetches the pinned axe-core into tests/browser/vendor/ (never served by the app).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from .conftest import LiveServer
from .test_pages_in_chromium import wait_for_charts

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
# One page of each kind. An embed is light unless asked, so its auto theme is audited too (dark on a dark system).
PAGES = (
    "/",
    "/charts/workers-abroad",
    "/countries/rus",
    "/embed/workers-abroad",
    "/embed/workers-abroad?theme=auto",
    "/embed/indicator?indicator=work_permits&countries=mlt",
    "/map",
    "/data",
    "/changes",
    "/v/2.0.0-rc.1/estimates/e0108",  # pinned, with the newer-data notice and a history
)
COLOR_SCHEMES = ("light", "dark")
WIDTHS = (1280, 375)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = ("serious", "critical")
# Violations inside the Plotly chart markup, which is being rewritten (issue 10): (rule id, CSS target).
# Each is a known defect, not an accepted one; empty this as the chart rewrite fixes them.
KNOWN_IN_CHART_MARKUP: frozenset[tuple[str, str]] = frozenset()


def audit(browser: Browser, url: str, color_scheme: Any, width: int) -> list[dict[str, Any]]:
    """axe's serious and critical violations on the page, its charts drawn."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"{AXE_SCRIPT} is missing: `make prepare` fetches axe-core")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=color_scheme)
    try:
        page = context.new_page()
        page.goto(url)
        wait_for_charts(page)
        # The site's CSP allows only its own scripts, so axe is not added as a <script>: page.evaluate runs
        # its source through the DevTools protocol, which the page's CSP does not govern.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            TAGS,
        )
    finally:
        context.close()
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def unexpected(violations: list[dict[str, Any]]) -> list[str]:
    """One line per offending element: rule, impact, target and axe's summary of what to fix."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            if (violation["id"], target) in KNOWN_IN_CHART_MARKUP:
                continue
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{violation['id']} ({violation['impact']}) at {target}: {violation['help']}. {summary}")
    return lines


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("color_scheme", COLOR_SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(
    browser: Browser, live_server: LiveServer, path: str, color_scheme: str, width: int
) -> None:
    problems = unexpected(audit(browser, live_server.url + path, color_scheme, width))
    assert problems == [], f"axe on {path} ({color_scheme}, {width} px):\n" + "\n".join(problems)


def test_the_audit_reports_what_it_finds(browser: Browser) -> None:
    """The harness itself: an image without a text alternative (critical) is reported with its target."""
    page = "data:text/html,<!doctype html><html lang=en><title>t</title><main><img src=x.png></main></html>"
    (problem,) = unexpected(audit(browser, page, "light", 1280))
    assert problem.startswith(
        "image-alt (critical) at img: Images must have alternative text. Fix any of the following:"
    )
