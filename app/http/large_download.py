"""A download too large for the response cache, compressed once and streamed (issue 13).

At 50 MB of data `estimates.csv` is about 42 MB: past the cache's body cap, it went out uncompressed and
without an ETag on every download. Its gzip form is made once per release (about a tenth of the size) and
both are streamed from memory in pieces; a client holding it gets a 304.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.responses import Response, StreamingResponse

from .conditional import is_not_modified
from .encoding import choose_encoding

CHUNK = 1024 * 1024
GZIP_LEVEL = 6  # 50 MB in about 1.5 s, once; level 9 takes three times as long for a few per cent


@dataclass(frozen=True)
class Packed:
    """A body's gzip form and its entity tag, made once."""

    gzip: bytes
    etag: str

    @property
    def size(self) -> int:
        return len(self.gzip)


def pack(body: bytes) -> Packed:
    digest = hashlib.blake2b(body, digest_size=10).hexdigest()
    return Packed(gzip.compress(body, GZIP_LEVEL, mtime=0), f'"{digest}"')


def _pieces(body: bytes) -> Iterator[bytes]:
    view = memoryview(body)
    for start in range(0, len(view), CHUNK):
        yield bytes(view[start : start + CHUNK])


def large_download(
    request_headers: Headers, body: bytes, packed: Packed, media_type: str, headers: Mapping[str, str]
) -> Response:
    """``body`` or its gzip form, as the client accepts, streamed; 304 when the client has it already."""
    common = {**headers, "ETag": packed.etag, "Vary": "Accept-Encoding"}
    if is_not_modified(request_headers.get("if-none-match", ""), packed.etag):
        return Response(status_code=304, headers=common)
    coding = choose_encoding(request_headers.get("accept-encoding", ""), ("gzip",))
    sent = packed.gzip if coding else body
    encoding = {"Content-Encoding": coding} if coding else {}
    length = {"Content-Length": str(len(sent))}
    return StreamingResponse(_pieces(sent), media_type=media_type, headers=common | encoding | length)
