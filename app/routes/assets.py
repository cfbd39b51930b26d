"""plotly.js, served from this site under a versioned name so browsers may keep it forever."""

from __future__ import annotations

import re
from pathlib import Path

import plotly
from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

router = APIRouter(prefix="/assets")

PLOTLY_BUNDLE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
IMMUTABLE = "public, max-age=31536000, immutable"


def plotly_js_version(bundle: Path = PLOTLY_BUNDLE) -> str:
    """The version in the bundle's licence header ('plotly.js v4.1.1')."""
    with bundle.open(encoding="utf-8") as handle:
        head = handle.read(200)
    match = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", head)
    if match is None:
        raise RuntimeError(f"No plotly.js version in the header of '{bundle}'")
    return match.group(1)


PLOTLY_JS_VERSION = plotly_js_version()


@router.get("/plotly-{version}.min.js")
def plotly_bundle(version: str) -> FileResponse:
    """The plotly.js bundle that ships with the installed plotly package."""
    if version != PLOTLY_JS_VERSION:
        raise HTTPException(404, f"This site serves plotly.js {PLOTLY_JS_VERSION}, not {version}.")
    return FileResponse(PLOTLY_BUNDLE, media_type="text/javascript", headers={"Cache-Control": IMMUTABLE})
