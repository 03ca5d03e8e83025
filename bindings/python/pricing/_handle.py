# SPDX-License-Identifier: MIT
"""The library's objects owned from Python: the errcheck hook that turns a
failed call into its PricingError, a catalog handle that several threads
may use while one closes it, and the quote object each thread reuses."""

from __future__ import annotations

import threading
import weakref
from ctypes import byref, c_void_p, pointer
from typing import Any, Optional, Tuple

from . import _lib, errors

__all__ = ["Handle", "ThreadState"]

_c = _lib.lib


def _errcheck(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """ctypes errcheck hook of every fallible function: 0 passes, anything
    else raises the PricingError described by the pricing_error argument
    (always the last one)."""
    if result == 0:
        return 0
    raise errors.from_struct(args[-1], result)


for _name in ("pricing_catalog_load", "pricing_catalog_load_file",
              "pricing_catalog_check_rules", "pricing_quote_new",
              "pricing_quote_json", "pricing_quote_jsonl",
              "pricing_catalog_write_summary",
              "pricing_envelope_quote_json", "pricing_catalog_write_json",
              "pricing_catalog_sheet", "pricing_catalog_diff",
              "pricing_catalog_chart",
              "pricing_catalog_diff_requests"):
    getattr(_c, _name).errcheck = _errcheck
del _name


class Handle:
    """Owns one pricing_catalog *. Calls hold it with acquire()/release();
    close() frees it at once when idle, else when the last call returns, so
    closing (or collecting) a catalog under a running quote is safe."""

    __slots__ = ("_ptr", "_lock", "_users", "_closing", "_free", "_states")

    def __init__(self, ptr: int) -> None:
        self._ptr: Optional[int] = ptr
        self._lock = threading.Lock()
        self._users = 0
        self._closing = False
        # Bound now: at interpreter shutdown module globals may be gone.
        self._free = _c.pricing_catalog_free
        # The per-thread quote objects used with this catalog: freed before
        # it (a quote must not outlive its catalog's use).
        self._states: "weakref.WeakSet[ThreadState]" = weakref.WeakSet()

    def acquire(self) -> int:
        """The pointer, held for one call (InvalidArgumentError once closed)."""
        with self._lock:
            if self._closing or not self._ptr:
                raise errors.make("invalid_argument",
                                  "the catalog is closed")
            self._users += 1
            return self._ptr

    def release(self) -> None:
        """Ends a call; frees the catalog if it was closed meanwhile."""
        with self._lock:
            self._users -= 1
            if self._closing and self._users == 0:
                self._dispose()

    def close(self) -> None:
        """Frees the catalog now, or when the last running call ends."""
        with self._lock:
            self._closing = True
            if self._users == 0:
                self._dispose()

    @property
    def closed(self) -> bool:
        """True once close() was called."""
        return self._closing

    def register(self, state: "ThreadState") -> None:
        """Records a thread's quote object (called during a call, so the
        catalog cannot be disposed meanwhile)."""
        self._states.add(state)

    def _dispose(self) -> None:
        # No call is running (users == 0): every quote object is idle.
        for state in list(self._states):
            state.free()
        ptr, self._ptr = self._ptr, None
        if ptr:
            self._free(ptr)


def _free_state(quote_free: Any, buffer_dispose: Any, quote: int,
                bufp: Any) -> None:
    """Finalizer of a ThreadState: its buffer, then its quote."""
    buffer_dispose(bufp)
    quote_free(quote)


class ThreadState:
    """What one thread needs to quote: a reusable pricing_quote, a buffer
    and an error struct. Never shared between threads."""

    __slots__ = ("quote", "buf", "bufp", "err", "_fin", "__weakref__")

    def __init__(self) -> None:
        self.buf = _lib.Buffer()
        self.bufp = pointer(self.buf)
        self.err = _lib.Error()
        out = c_void_p()
        _c.pricing_quote_new(byref(out), self.err)
        self.quote: int = out.value  # type: ignore[assignment]
        # Freed when the thread ends or the catalog goes. Not at exit: a
        # daemon thread may still be inside a call then.
        self._fin = weakref.finalize(self, _free_state,
                                     _c.pricing_quote_free,
                                     _c.pricing_buffer_dispose, self.quote,
                                     self.bufp)
        self._fin.atexit = False

    def free(self) -> None:
        """Releases the quote object and buffer now (idempotent)."""
        self._fin()

