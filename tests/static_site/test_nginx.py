"""The static export of the real site, served by a real nginx with app/static_site/nginx.conf and no Python.

One test, so that the export (about 20 s) runs once whichever pytest-xdist worker takes it.
"""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.types import ASGIApp, Receive, Scope, Send

from app.context import AppContext
from app.domain.summaries import country_summaries
from app.editions import Edition
from app.main import create_app
from app.routes.sources import SOURCES_PER_PAGE
from app.settings import Settings
from app.static_site.export import Export, export_site, seed_paths
from app.static_site.files import is_compressible
from app.urls import CHART_FORMATS, TABLE_FORMATS, Urls

from ..html import parse
from ..tiny_data import REAL_DATA

NGINX = Path(os.environ.get("NGINX_PATH", "/usr/sbin/nginx"))  # `make tools` installs it
SITE_CONF = Path(__file__).resolve().parents[2] / "app" / "static_site" / "nginx.conf"
SITE = "https://example.org"  # the public address the export is built for
ACCESSED = date(2026, 11, 23)  # the "accessed on" day of citations, the same for the export and the app
HEADERS_FROM_THE_APP = ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy")


class CountingApp:
    """The app, counting the requests that reach it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.requests = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.requests += 1
        await self.app(scope, receive, send)


@dataclass(frozen=True)
class Served:
    url: str  # where nginx listens
    folder: Path  # the export it serves
    export: Export


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def site_conf(root: Path, port: int) -> str:
    """The README's server block, as deployed: only where it listens and its root change."""
    conf = SITE_CONF.read_text(encoding="utf-8")
    conf, listens = re.subn(r"(?m)^    listen 8080;$", f"    listen 127.0.0.1:{port};", conf)
    conf, roots = re.subn(r"(?m)^    root /srv/nk-workers-abroad;$", f"    root {root};", conf)
    assert (listens, roots) == (1, 1), "nginx.conf's listen or root line changed: change the test with it"
    assert not re.search(r"(?m)^\s*[^#\s][^#]*proxy_pass", conf), "the static site must not reach the app"
    return conf


def nginx_conf(prefix: Path, root: Path, port: int) -> str:
    """An unprivileged nginx whose every file (pid, logs, temp) is under ``prefix``."""
    (prefix / "site.conf").write_text(site_conf(root, port), encoding="utf-8")
    temps = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = " ".join(f"{kind}_temp_path {prefix / kind};" for kind in temps)
    # As root, nginx's workers would read the files as nobody, who cannot enter the tmp folder.
    user = "user root;" if os.geteuid() == 0 else ""
    return (
        f"{user} daemon off; worker_processes 1; pid {prefix / 'nginx.pid'}; error_log {prefix / 'error.log'};\n"
        f"events {{ worker_connections 64; }}\n"
        f"http {{ access_log {prefix / 'access.log'}; {temp} include {prefix / 'site.conf'}; }}\n"
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Iterator[tuple[Served, CountingApp]]:
    if not NGINX.is_file():
        pytest.fail(f"{NGINX} is missing: run 'make tools' (it installs Debian's nginx)")
    settings = Settings(data_dir=REAL_DATA, cache_dir=cache_dir, base_url=SITE)
    app = CountingApp(create_app(settings, clock=lambda: ACCESSED))
    folder = tmp_path_factory.mktemp("export") / "site"
    export = export_site(app, SITE, seed_paths(context_of(app)), folder)
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (prefix / "nginx.conf").write_text(nginx_conf(prefix, folder, port), encoding="utf-8")
    command: list[str | Path] = [NGINX, "-p", prefix, "-c", prefix / "nginx.conf", "-e", prefix / "error.log"]
    nginx = subprocess.Popen(command)
    try:
        wait_for(port, nginx, prefix)
        yield Served(f"http://127.0.0.1:{port}", folder, export), app
    finally:
        nginx.terminate()
        nginx.wait(10)


def wait_for(port: int, nginx: subprocess.Popen[bytes], prefix: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if nginx.poll() is not None:
            pytest.fail(f"nginx stopped: {(prefix / 'error.log').read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("nginx did not start listening within 10 s")


def context_of(app: CountingApp) -> AppContext:
    context: AppContext = app.app.state.context  # type: ignore[attr-defined]
    return context


def site_links(page: str, html: str) -> set[str]:
    """Every address of the site a page names in any attribute (href, src, srcset, data-*, og:image...),
    found independently of app/static_site/links.py, fragments dropped."""
    found = set()
    for tag in parse(html).find_all(True):
        for name, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name in ("srcset", "imagesrcset"):
                values = [candidate.split()[0] for candidate in str(value).split(",") if candidate.strip()]
            for item in values:
                if name in ("href", "src", "action") or item.startswith(("/", SITE)):
                    target = urlsplit(urljoin(SITE + page, item))
                    if f"{target.scheme}://{target.netloc}" == SITE and not item.startswith("//"):
                        found.add(target.path + (f"?{target.query}" if target.query else ""))
    return found


def crawl_static(http: httpx.Client, seeds: list[str], hops: int | None = None) -> tuple[set[str], list[str]]:
    """Every address reached from ``seeds`` (in at most ``hops`` links) through the static server, and those
    that did not answer 200."""
    queue = deque((seed, "a seed", 0) for seed in seeds)
    seen = set(seeds)
    broken = []
    while queue:
        path, referrer, depth = queue.popleft()
        response = http.get(path)
        if response.status_code != 200:
            broken.append(f"{path} answered {response.status_code} (from {referrer})")
            continue
        if response.headers.get("content-type", "").startswith("text/html") and depth != hops:
            for link in site_links(path, response.text) - seen:
                seen.add(link)
                if "?" not in link:  # a filtered view: the app's, not the static site's
                    queue.append((link, path, depth + 1))
    return {path for path in seen if "?" not in path}, broken


def editions_of(context: AppContext) -> list[tuple[Urls, Edition]]:
    """The latest release at its plain addresses, and each release pinned, with its addresses."""
    editions = [(context.urls, context.latest)]
    for version in context.editions.versions:
        edition = context.editions.get(version)
        assert edition is not None
        editions.append((context.urls.release(version), edition))
    return editions


def default_views(context: AppContext) -> list[str]:
    """Every default view a reader, a CMS or a script asks for by its address, in the latest release and pinned
    to each release, from the app's own lists."""
    site = context.urls
    paths = [site.data_zip_latest(), site.citation("cff"), site.embed_js()]
    paths += [site.changes(), site.changes_feed(), site.changes_data()]
    for urls, edition in editions_of(context):
        paths += [urls.home(), urls.charts(), urls.countries(), urls.map(), urls.sources()]
        paths += [urls.sources(page) for page in range(2, -(-len(edition.release.sources) // SOURCES_PER_PAGE) + 1)]
        for spec in edition.views.specs.values():
            view = edition.views.default(spec)
            paths += [urls.view(view), *(urls.view(view, format=kind) for kind in CHART_FORMATS), urls.embed(view)]
            paths += [urls.oembed_of(urls.view(view)), urls.oembed_of(urls.embed(view))]
        for summary in country_summaries(edition.release):
            paths += [urls.country(summary.iso3), urls.oembed_of(urls.country(summary.iso3))]
        paths += [urls.map(format=kind) for kind in TABLE_FORMATS]
        tables = [urls.table(name, kind) for name in edition.release.table_names for kind in TABLE_FORMATS]
        paths += [urls.about(), urls.data(), *tables, urls.datapackage(), urls.data_zip()]
        paths += [urls.citation("bib"), urls.citation("ris")]
    return paths


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip()


def test_the_export_served_by_nginx_is_the_site(served: tuple[Served, CountingApp]) -> None:
    static, app = served
    context = context_of(app)
    requests_before = app.requests
    with httpx.Client(base_url=static.url) as http:
        # (1) No broken link: every address of the site a page names answers 200 from nginx.
        roots = [context.urls.home(), *(context.urls.release(version).home() for version in context.editions.versions)]
        crawled, broken = crawl_static(http, roots)
        assert broken == []
        # Every claim and source page of each release, among the rest.
        for urls, edition in editions_of(context):
            pages = {urls.estimate(claim.id) for claim in edition.release.claims}
            pages |= {urls.source(source) for source in edition.release.sources}
            assert pages - crawled == set()

        # ... and the crawl would see a missing file: hide one that a page links to.
        hidden = static.folder / "charts" / "revenue.csv"
        moved = {copy: copy.with_name(f"hidden-{copy.name}") for copy in hidden.parent.glob("revenue.csv*")}
        for file, away in moved.items():
            file.rename(away)
        try:
            missing = crawl_static(http, [context.urls.chart("revenue")], hops=1)[1]
            assert missing == ["/charts/revenue.csv answered 404 (from /charts/revenue)"]
        finally:
            for file, away in moved.items():
                away.rename(file)

        # (4) No request reached the app while nginx served the site.
        assert app.requests == requests_before

        views = default_views(context)
        with TestClient(app, base_url=SITE) as dynamic:
            for path in views:
                # (2) The same bytes as the dynamic app, with the same type and security headers.
                ours = http.get(path, headers={"Accept-Encoding": "identity"})
                theirs = dynamic.get(path, headers={"Accept-Encoding": "identity"})
                assert (ours.status_code, theirs.status_code) == (200, 200), path
                assert ours.content == theirs.content, path
                assert media_type(ours.headers["content-type"]) == media_type(theirs.headers["content-type"]), path
                for header in HEADERS_FROM_THE_APP:
                    assert ours.headers.get(header) == theirs.headers.get(header), (path, header)
                if "immutable" in theirs.headers.get("cache-control", ""):
                    assert ours.headers["cache-control"] == theirs.headers["cache-control"], path

                # (3) gzip_static: a client that takes gzip gets the .gz file, which decompresses to the file.
                served_file = static.folder / path.lstrip("/")
                if not served_file.is_file():
                    served_file = served_file / "index.html"
                if is_compressible(PurePosixPath(served_file.name)):
                    with http.stream("GET", path, headers={"Accept-Encoding": "gzip"}) as zipped:
                        raw = b"".join(zipped.iter_raw())
                    assert zipped.headers.get("content-encoding") == "gzip", path
                    assert "Accept-Encoding" in zipped.headers.get("vary", ""), path
                    assert raw == served_file.with_name(served_file.name + ".gz").read_bytes(), path
                    assert gzip.decompress(raw) == served_file.read_bytes() == ours.content, path
