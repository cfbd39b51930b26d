"""One bounded cache for every cache of bytes: least recently used first out, capped in entries and in bytes.

A cap on entries alone does not bound memory when one value may weigh megabytes, and a
cap on bytes alone lets millions of tiny values through; so both. Keys count in the bytes
too: a key may come from a request (a host, a query string) and weigh more than its value.
Thread-safe: routes run in Starlette's threadpool.

    images = LruCache[tuple[str, str], bytes](max_entries=256, max_bytes=64 * MiB, size=len)
    png = images.get_or_create(("/charts/revenue", "png"), render)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MiB = 1024 * 1024


class LruCache(Generic[K, V]):
    """Values are never None: ``get`` answers None for a miss."""

    def __init__(
        self, max_entries: int, max_bytes: int, size: Callable[[V], int], key_size: Callable[[K], int] | None = None
    ) -> None:
        if max_entries < 1:
            raise ValueError(f"LruCache max_entries must be at least 1, not {max_entries}")
        if max_bytes < 0:
            raise ValueError(f"LruCache max_bytes must not be negative, not {max_bytes}")
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._size = size
        self._key_size: Callable[[K], int] = key_size or approximate_size
        self._values: OrderedDict[K, tuple[V, int]] = OrderedDict()  # oldest use first
        self._total_bytes = 0
        self._lock = threading.Lock()
        # The renders under way, one per key, which later callers for that key wait on.
        self._pending: dict[K, Future[V]] = {}

    def __len__(self) -> int:
        return len(self._values)

    @property
    def total_bytes(self) -> int:
        """The sum of the sizes of the values kept and of their keys."""
        return self._total_bytes

    def get(self, key: K) -> V | None:
        with self._lock:
            return self._get(key)

    def put(self, key: K, value: V) -> None:
        """Keep ``value``, dropping the least recently used values past either cap.

        A value larger than ``max_bytes`` is not kept (and replaces nothing): keeping it would
        empty the cache for one value that is unlikely to be asked for more than the rest.
        """
        size = self._size(value) + self._key_size(key)
        if size < 0:
            raise ValueError(f"LruCache size of the value for {key!r} is negative: {size}")
        with self._lock:
            self._put(key, value, size)

    def clear(self) -> None:
        """Drop every value kept (renders under way still finish, for their callers)."""
        with self._lock:
            self._values.clear()
            self._total_bytes = 0

    def get_or_create(self, key: K, factory: Callable[[], V]) -> V:
        """The value for ``key``, made by ``factory`` on a miss.

        Single-flight: callers that miss the same key at once wait for one call of ``factory``
        and share its value (or its exception), so a slow render is not done once per caller.
        A failure is not kept: the next caller after it calls ``factory`` again.
        """
        with self._lock:
            value = self._get(key)
            if value is not None:
                return value
            pending = self._pending.get(key)
            if pending is None:
                pending = self._pending[key] = Future()
                leader = True
            else:
                leader = False
        if not leader:
            return pending.result()
        try:
            value = factory()
            self.put(key, value)
        except BaseException as error:
            self._settle(key)
            pending.set_exception(error)
            raise
        self._settle(key)
        pending.set_result(value)
        return value

    def _settle(self, key: K) -> None:
        # Before the waiters wake: a caller arriving now finds the value kept, or starts afresh.
        with self._lock:
            del self._pending[key]

    def _get(self, key: K) -> V | None:
        kept = self._values.get(key)
        if kept is None:
            return None
        self._values.move_to_end(key)
        return kept[0]

    def _put(self, key: K, value: V, size: int) -> None:
        if size > self.max_bytes:
            return
        old = self._values.pop(key, None)
        if old is not None:
            self._total_bytes -= old[1]
        self._values[key] = (value, size)
        self._total_bytes += size
        while len(self._values) > self.max_entries or self._total_bytes > self.max_bytes:
            _, (_, dropped) = self._values.popitem(last=False)
            self._total_bytes -= dropped


def approximate_size(key: object) -> int:
    """The bytes of the text in a key (strings, bytes, and tuples of them), near enough: not object overheads."""
    if isinstance(key, str | bytes):
        return len(key)
    if isinstance(key, tuple):
        return sum(approximate_size(part) for part in key)
    return 8
