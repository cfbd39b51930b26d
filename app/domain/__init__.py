"""The claims domain: typed, read-only objects built once from the validated tables.

Everything after loading (chart building, routes, templates) works with these,
never with pandas rows; every rule about how a claim reads lives in ``words``.
"""

from .claim import Claim
from .country import WORLDWIDE, Country
from .event import Event
from .period import Period
from .release import Release
from .source import Source

__all__ = ["WORLDWIDE", "Claim", "Country", "Event", "Period", "Release", "Source"]
