"""The changelog's twins: its JSON, and its Atom 1.0 feed (RFC 4287) for journalists' feed readers.

The feed is written with ElementTree, so every text is escaped and the document is well formed whatever an id
or a column title holds. Entry ids are the absolute address of the release's entry on /changes: stable for good
once NKW_BASE_URL is set (without it they follow the host a request came to).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from .domain.change_words import ReleaseEntry, plural
from .jsontypes import JSONObject
from .urls import Urls

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
ATOM_MEDIA_TYPE = "application/atom+xml; charset=utf-8"
CHANGES_TITLE = "Changes to the dataset, release by release"


def changes_json(entries: list[ReleaseEntry], urls: Urls) -> JSONObject:
    """Every release, newest first, with the ids it added, corrected and removed and where each copy is."""
    releases = []
    for entry in entries:
        note, here = entry.note, urls.release(entry.version)
        before = urls.release(note.previous) if note.previous else None
        claims: JSONObject = {
            "summary": entry.claims,
            "added": [{"id": i, "url": urls.absolute(here.estimate(i))} for i in note.claims.added],
            "corrected": [
                {"id": c.id, "columns": list(c.names), "columns_in_words": c.columns}
                | {"url": urls.absolute(here.estimate(c.id))}
                | ({"previous_url": urls.absolute(before.estimate(c.id))} if before else {})
                for c in entry.corrected_claims
            ],
            "removed": [
                {"id": i} | ({"previous_url": urls.absolute(before.estimate(i))} if before else {})
                for i in note.claims.removed
            ],
        }
        events: JSONObject = {
            "summary": entry.events,
            "added": list(note.events.added),
            "corrected": [{"id": c.id, "columns": list(c.names)} for c in entry.corrected_events],
            "removed": list(note.events.removed),
        }
        releases.append(
            {"version": entry.version, "published": note.published.isoformat() if note.published else None}
            | {"previous": note.previous, "title": entry.title, "url": urls.absolute(urls.changes(entry.version))}
            | {"home": urls.absolute(here.home()), "zip": urls.absolute(here.data_zip())}
            | {"claims": claims, "events": events}
        )
    return {
        "title": CHANGES_TITLE,
        "url": urls.absolute(urls.changes()),
        "feed": urls.absolute(urls.changes_feed()),
    } | {"releases": releases}


def atom_feed(entries: list[ReleaseEntry], urls: Urls, site_name: str, no_release_day: date) -> bytes:
    """The feed, newest release first; ``no_release_day`` dates it while the archive has no release yet."""
    feed = ET.Element("feed", {"xmlns": ATOM_NAMESPACE})
    _text(feed, "id", urls.absolute(urls.changes()))
    _text(feed, "title", f"{site_name}: {CHANGES_TITLE.lower()}")
    days = [entry.note.published for entry in entries if entry.note.published]
    _text(feed, "updated", _timestamp(max(days, default=no_release_day)))
    author = ET.SubElement(feed, "author")
    _text(author, "name", site_name)
    _text(author, "uri", urls.absolute(urls.home()))
    _link(feed, "self", urls.absolute(urls.changes_feed()), "application/atom+xml")
    _link(feed, "alternate", urls.absolute(urls.changes()), "text/html")
    for entry in entries:
        item = ET.SubElement(feed, "entry")
        _text(item, "id", urls.absolute(urls.changes(entry.version)))
        _text(item, "title", entry.title)
        day = entry.note.published or no_release_day
        _text(item, "published", _timestamp(day))
        _text(item, "updated", _timestamp(day))
        _link(item, "alternate", urls.absolute(urls.changes(entry.version)), "text/html")
        _link(item, "related", urls.absolute(urls.release(entry.version).home()), "text/html")
        content = _text(item, "content", _content_html(entry, urls))
        content.set("type", "html")
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def _content_html(entry: ReleaseEntry, urls: Urls) -> str:
    """The entry's body: its counts, then every changed claim id linked to its copy in that release."""
    note, here = entry.note, urls.release(entry.version)
    body = ET.Element("div")
    if entry.first:
        claims, events = plural(len(note.claims.added), "claim"), plural(len(note.events.added), "event")
        _text(body, "p", f"The first release kept in the archive: its {claims} and {events} are the starting set.")
    else:
        _text(body, "p", f"{entry.claims}; {entry.events}.")
    if not entry.first:
        corrected = [(c.id, f" ({c.columns})", here.estimate(c.id)) for c in entry.corrected_claims]
        _id_list(body, "Claims corrected: ", corrected, urls)
        _id_list(body, "Claims added: ", [(i, "", here.estimate(i)) for i in note.claims.added], urls)
        before = urls.release(note.previous or entry.version)
        _id_list(body, "Claims removed: ", [(i, "", before.estimate(i)) for i in note.claims.removed], urls)
    links = ET.SubElement(body, "p")
    _text(links, "a", f"Release {entry.version} on the site", href=urls.absolute(here.home())).tail = " · "
    _text(links, "a", "its data (zip)", href=urls.absolute(here.data_zip()))
    return ET.tostring(body, encoding="unicode", method="html")


def _id_list(parent: ET.Element, label: str, items: list[tuple[str, str, str]], urls: Urls) -> None:
    """'Claims added: e0001, e0002 (notes)', each id a link; nothing when there are none."""
    if not items:
        return
    paragraph = _text(parent, "p", label)
    for index, (claim_id, after, path) in enumerate(items):
        link = _text(paragraph, "a", claim_id, href=urls.absolute(path))
        link.tail = after + (", " if index < len(items) - 1 else "")


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "href": href, "type": media_type})


def _timestamp(day: date) -> str:
    """RFC 3339, as Atom requires: a release is dated by its day, at midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"
