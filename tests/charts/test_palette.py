"""One colour per country, fixed in one place (``app/charts/palette.py``)."""

from __future__ import annotations

from app.charts.palette import CHOSEN, OTHERS, WORKFORCES, country_colour


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_are_fixed_and_the_chosen_ones_distinct() -> None:
    assert country_colour("RUS") == country_colour("rus") == CHOSEN["RUS"]
    assert len(set(CHOSEN.values())) == len(CHOSEN)
    assert not set(OTHERS) & set(CHOSEN.values())
    assert country_colour("XYZ") == country_colour("XYZ") in OTHERS


def test_every_colour_shows_on_the_light_and_the_dark_theme() -> None:
    # Graphical objects need 3:1 against their background (WCAG 1.4.11): the light and dark themes' backgrounds.
    for colour in [*CHOSEN.values(), *OTHERS, *WORKFORCES.values()]:
        assert contrast(colour, "#ffffff") >= 3, colour
        assert contrast(colour, "#141414") >= 3, colour
