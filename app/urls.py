"""Every URL the site links to is built here, so templates never assemble paths by hand."""

from __future__ import annotations

DOWNLOAD_FORMATS = ("csv", "json")


class Urls:
    def home(self) -> str:
        return "/"

    def healthz(self) -> str:
        return "/healthz"

    def table(self, name: str, fmt: str) -> str:
        if fmt not in DOWNLOAD_FORMATS:
            raise ValueError(f"Unknown download format '{fmt}'; expected one of {', '.join(DOWNLOAD_FORMATS)}")
        return f"/data/{name}.{fmt}"

    def static(self, path: str) -> str:
        return f"/static/{path.lstrip('/')}"


urls = Urls()
