"""Command line.

python -m app serve [--host H] [--port P] [--workers N]   serve the site (NKW_* settings; SIGHUP reloads data)
python -m app validate [DATA_DIR]   check the data files and report every problem
python -m app prepare               validate the bundled data and pre-compress the assets, for a fast start
python -m app plotly-version        the plotly.js version the plotly package ships (for fetching its basic bundle)
python -m app citation-cff [PATH]   write CITATION.cff (default: at the project root) from the data's descriptor
python -m app release VERSION       validate the data, write its changelog entry and freeze it as VERSION
python -m app export DIR [--base-url URL]   write the whole site as static files (pre-compressed) into DIR
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .assets import plotly_js_version, plotly_package_bundle, prepare_assets
from .data import DataValidationError
from .data.citations import DatasetCitation, citation_cff
from .data.dataset import read_dataset
from .data.descriptor import Descriptor
from .data.releases import ReleaseError
from .data.stamp import write_stamp
from .main import create_app
from .server import serve
from .settings import PROJECT_ROOT, Settings
from .urls import Urls


def main(argv: list[str] | None = None) -> int:
    try:
        return run_command(argv)
    except ValidationError as error:  # an NKW_ variable that Settings refuses
        for line in settings_problems(error):
            print(line, file=sys.stderr)
        return 2


def settings_problems(error: ValidationError) -> list[str]:
    """One line per refused setting, naming its variable."""
    lines = []
    for problem in error.errors():
        message = str(problem["msg"]).removeprefix("Value error, ")
        name = f"NKW_{'.'.join(map(str, problem['loc'])).upper()}"
        lines.append(message if message.startswith(name) else f"{name}: {message}")
    return lines


def run_command(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the site with the limits and proxies NKW_* settings name")
    serve.add_argument("--host", help="the address to listen on (default: NKW_HOST, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="the port (default: NKW_PORT, 8000)")
    serve.add_argument("--workers", type=int, help="worker processes (default: NKW_WORKERS, 1)")
    validate = commands.add_parser("validate", help="check the data files and report every problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=Settings().data_dir)
    commands.add_parser("prepare", help="validate the bundled data and pre-compress the assets")
    commands.add_parser("plotly-version", help="the plotly.js version the plotly package ships")
    cff = commands.add_parser("citation-cff", help="write CITATION.cff from the data's descriptor")
    cff.add_argument("path", nargs="?", type=Path, default=PROJECT_ROOT / "CITATION.cff")
    export = commands.add_parser("export", help="write the whole site as static files into a new or empty DIR")
    export.add_argument("folder", type=Path, metavar="DIR")
    export.add_argument("--base-url", help="the public address, https://example.org (default: NKW_BASE_URL)")
    release = commands.add_parser("release", help="validate the data, write its changelog entry, freeze it")
    release.add_argument("version", help="the new version, newer than every release: 2.1.0, 2.1.0-rc.1")
    release.add_argument("--data-dir", type=Path, default=Settings().data_dir)
    release.add_argument("--date", type=date.fromisoformat, default=None, help="the release date (default: today)")
    args = parser.parse_args(argv)
    if args.command == "serve":
        return run_serve(args.host, args.port, args.workers)
    if args.command == "release":
        return run_release(args.data_dir, args.version, args.date or date.today())
    if args.command == "export":
        return run_export(args.folder, args.base_url)
    if args.command == "citation-cff":
        return run_citation_cff(Settings(), args.path)
    if args.command == "validate":
        return run_validate(args.data_dir)
    if args.command == "prepare":
        return run_prepare(Settings())
    print(plotly_js_version(plotly_package_bundle()))
    return 0


def run_serve(host: str | None, port: int | None, workers: int | None) -> int:
    given: dict[str, Any] = {"host": host, "port": port, "workers": workers}
    serve(Settings(**{name: value for name, value in given.items() if value is not None}))
    return 0


def run_validate(data_dir: Path) -> int:
    # Imported here, as the other commands' own modules are: `serve` starts faster without frictionless (0.2 s).
    from .data.validate import validate_data_dir

    problems = validate_data_dir(data_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found in {data_dir}", file=sys.stderr)
        return 1
    write_stamp(Settings().cache_dir, data_dir)
    counts = read_dataset(data_dir).row_counts()
    summary = ", ".join(f"{name} {count} rows" for name, count in counts.items())
    print(f"{data_dir}: valid ({summary})")
    return 0


def run_prepare(settings: Settings) -> int:
    status = run_validate(settings.data_dir)
    if status or settings.cache_dir is None:
        return status
    written = prepare_assets(settings.static_dir, settings.vendor_dir, settings.cache_dir)
    print(f"{len(written)} assets pre-compressed in {settings.cache_dir}")
    return 0


def run_citation_cff(settings: Settings, path: Path) -> int:
    """CITATION.cff for the bundled release; it names the data page's address when NKW_BASE_URL is set."""
    descriptor = Descriptor.read(settings.data_dir).raw
    urls = Urls(base_url=settings.base_url).release(str(descriptor["version"]))  # the release's own data page
    url = urls.absolute(urls.data()) if settings.base_url else ""
    cite = DatasetCitation.from_descriptor(descriptor, publisher=settings.site_name, url=url)
    path.write_text(citation_cff(cite), encoding="utf-8")
    print(f"{path} written")
    return 0


def run_export(folder: Path, base_url: str | None) -> int:
    """The site as static files; embed code, oEmbed and citations in them need the public address."""
    from .static_site.export import ExportError, export_site, seed_paths

    try:
        settings = Settings(base_url=base_url) if base_url else Settings()
    except ValidationError as error:
        print(f"--base-url: {error.errors()[0]['msg']}", file=sys.stderr)
        return 2
    if not settings.base_url:
        print(
            "The export needs the site's public address (embed code, oEmbed and citations name it): "
            "give --base-url https://example.org or set NKW_BASE_URL",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    app = create_app(settings)
    try:
        done = export_site(app, settings.base_url, seed_paths(app.state.context), folder)
    except ExportError as error:
        print(f"export failed: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(
        f"{folder}: {done.pages} pages and files of {settings.base_url}, {done.files} files with their .gz and .br "
        f"copies, {done.bytes / 1_000_000:.1f} MB, in {seconds:.1f} s"
    )
    print(
        f"{done.dynamic} links with a query string (filtered views) left to the app; "
        f"{done.redirects} redirecting addresses not written"
    )
    return 0


def run_release(data_dir: Path, version: str, day: date) -> int:
    """Freeze ``data_dir`` as ``version``: its files, checksums and changelog entry; CITATION.cff follows."""
    from .data.make_release import make_release

    try:
        frozen = make_release(data_dir, version, day)
    except ReleaseError as error:
        print(f"Not released: {error}", file=sys.stderr)
        return 1
    except DataValidationError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"Release {version} frozen in {frozen.path}; its changelog entry is at the top of {data_dir / 'CHANGELOG.md'}"
    )
    if data_dir.resolve() == Settings().data_dir.resolve():
        return run_citation_cff(Settings(), PROJECT_ROOT / "CITATION.cff")
    return 0


if __name__ == "__main__":
    sys.exit(main())
