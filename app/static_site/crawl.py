"""Crawl the app in-process: every page and file of this site that the seeds lead to, by their links."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .links import css_links, html_links, same_site

# A redirect is a link that still works (an old address moved on); anything else is a broken link of ours.
REDIRECTS = frozenset({301, 302})


@dataclass(frozen=True)
class Answer:
    """What the app answered for one path, as far as a crawl cares."""

    status: int
    media_type: str  # without parameters: 'text/html'
    body: bytes
    location: str = ""  # where a redirect points


Fetch = Callable[[str], Answer]
FetchEach = Callable[[Fetch, list[str]], Iterable[Answer]]
Found = Callable[[str, Answer], None]


@dataclass(frozen=True)
class Broken:
    path: str
    status: int
    linked_from: str  # '' for a seed

    def __str__(self) -> str:
        where = f" (linked from {self.linked_from})" if self.linked_from else " (a seed)"
        return f"{self.path} answered {self.status}{where}"


@dataclass
class Crawl:
    files: dict[str, Answer] = field(default_factory=dict)  # path -> a 200 answer, in the order found
    redirects: dict[str, str] = field(default_factory=dict)  # path -> where it points
    dynamic: set[str] = field(default_factory=set)  # links with a query string: filtered views, left to the app
    broken: list[Broken] = field(default_factory=list)


def crawl(
    fetch: Fetch,
    seeds: Iterable[str],
    base_url: str,
    found: Found = lambda _path, _answer: None,
    fetch_each: FetchEach = map,
) -> Crawl:
    """Every address of this site (``base_url``) without a query string that ``seeds`` lead to, by their links;
    ``found`` hears of each file as it comes, so that its compression can start while the crawl goes on.

    The addresses one link away are fetched together, by ``fetch_each`` (a thread pool's ``map``: while the
    browser draws a chart's image, the app renders pages). What one seed leads to is crawled before the next
    seed, so an archived release's pages come together and the app builds that release once, not once a page.
    """
    result = Crawl()
    seen: set[str] = set()
    for seed in seeds:
        if seed in seen:
            continue
        seen.add(seed)
        level = [(seed, "")]
        while level:
            answers = fetch_each(fetch, [path for path, _referrer in level])
            following = []
            for (path, referrer), answer in zip(level, answers, strict=True):
                for target in record(path, referrer, answer, base_url, result, found):
                    if target in seen:
                        continue
                    seen.add(target)
                    if "?" in target:
                        result.dynamic.add(target)
                    else:
                        following.append((target, path))
            level = following
    return result


def record(path: str, referrer: str, answer: Answer, base_url: str, result: Crawl, found: Found) -> list[str]:
    """Keep what one address answered, and give the addresses of this site it leads to."""
    if answer.status == 200:
        result.files[path] = answer
        found(path, answer)
        links = links_in(answer)
    elif answer.status in REDIRECTS:
        result.redirects[path] = answer.location
        links = [answer.location]
    else:
        result.broken.append(Broken(path, answer.status, referrer))
        return []
    targets = (same_site(link, path, base_url) for link in links)
    return [target for target in targets if target is not None]


def links_in(answer: Answer) -> list[str]:
    if answer.media_type == "text/html":
        return html_links(answer.body.decode("utf-8", errors="replace"))
    if answer.media_type == "text/css":
        return css_links(answer.body.decode("utf-8", errors="replace"))
    return []
