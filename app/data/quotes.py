"""Check that a quote appears in an article's text.

The comparison ignores differences that are typography, not wording: runs of
white space, curly versus straight quote marks and dashes. The article files
are plain-text captures that keep some Markdown (``[words](#)`` links and
``\\$`` escapes); those marks are not the publisher's words, so they go too.
"""

from __future__ import annotations

import re

_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WHITESPACE = re.compile(r"\s+")
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def normalise(text: str) -> str:
    text = _MARKDOWN_LINK.sub(r"\1", text).replace("\\$", "$")
    return _WHITESPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


def quote_in_text(quote: str, text: str) -> bool:
    return bool(quote.strip()) and normalise(quote) in normalise(text)
