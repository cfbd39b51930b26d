"""The changelog on a phone: a long list of ids stays folded until asked for, by keyboard too, and never makes
the page scroll sideways."""

from __future__ import annotations

from playwright.sync_api import Browser

from .conftest import LiveServer

PHONE = 375


def test_a_folded_list_of_ids_opens_by_keyboard_and_fits_a_phone(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/changes")
        release = page.locator('[id="release-2.0.0"]')
        added = release.locator("details", has_text="Added claims (272)")
        first_id = added.locator("ul.id-list a").first
        assert not first_id.is_visible()
        added.locator("summary").focus()
        page.keyboard.press("Enter")
        assert first_id.is_visible()
        assert added.locator("ul.id-list a").count() == 272
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, "the page scrolls sideways"
        href = first_id.get_attribute("href") or ""
        assert href.startswith("/v/2.0.0/estimates/e")
        first_id.click()
        page.wait_for_url(f"{live_server.url}{href}")
        assert "History" in page.locator("main").inner_text()
    finally:
        context.close()
