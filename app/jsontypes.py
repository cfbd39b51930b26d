"""The one loose type: a JSON document whose shape another schema defines.

Plotly figures follow Plotly's schema (the chart tests validate them against it), and
JSON response bodies follow their documented formats; everything of our own is typed.
"""

from __future__ import annotations

from typing import Any

JSONObject = dict[str, Any]
