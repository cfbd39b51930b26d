"""The addresses of this site that a page or a stylesheet refers to."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

LINK_ATTRIBUTES = frozenset({"href", "src", "poster", "action"})
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES:
                self.found.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.found.extend(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
            elif name.startswith("data-") and value.startswith("/") and not value.startswith("//"):
                # A script fetches it (the map's shapes, data-shapes): the static copy needs it as much.
                self.found.append(value)


def html_links(html: str) -> list[str]:
    """Every address in a link, script, image, form or data attribute of the page, as written."""
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    return parser.found


def css_links(css: str) -> list[str]:
    """Every ``url(...)`` of a stylesheet, as written."""
    return [match.group(2).strip() for match in CSS_URL.finditer(css)]


def same_site(link: str, page_path: str, base_url: str) -> str | None:
    """The path (and query) of ``link`` on this site, resolved against the page it is on; None for other sites,
    ``data:`` and ``mailto:`` addresses. The fragment is dropped: it names a place in a page, not a file."""
    site = urlsplit(base_url)
    target = urlsplit(urljoin(base_url + page_path, link.strip()))
    if (target.scheme, target.netloc) != (site.scheme, site.netloc):
        return None
    path = target.path or "/"
    return f"{path}?{target.query}" if target.query else path
