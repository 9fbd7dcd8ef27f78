"""An asyncio event loop on a background thread, for the link (aiortc, websockets) under Qt, and
:func:`run_link`, the one way a station's window runs its link to the end."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from recording.transport.errors import LinkError


class LoopThread:
    def __init__(self, name: str = "link-loop") -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def submit(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def call(self, fn: Any, *args: Any) -> None:
        self.loop.call_soon_threadsafe(fn, *args)

    def stop(self, timeout: float = 5.0) -> None:
        if not self._thread.is_alive():
            return

        async def _cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks(self.loop) if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
            self.submit(_cancel_all()).result(timeout)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self.loop.close()


async def run_link(link: Any, body: Callable[[], Awaitable[str]], failed: Callable[[str], Any],
                   log: logging.Logger, what: str) -> None:
    """Run a station's link: ``body()`` joins, starts the media and runs until the end, returning
    why it ended; the link is closed with that.  A link that cannot start (a ``LinkError``: refused,
    expired, unreachable) is closed as "could not start" and ``failed`` gets its plain message; any
    other error is logged (``what`` failed) and closed as "error": a clear message, never a silent hang."""
    try:
        await link.close(await body())
    except LinkError as exc:
        await link.close("could not start")
        failed(str(exc))
    except Exception as exc:
        log.exception("%s failed", what)
        await link.close("error")
        failed(f"the link failed ({exc.__class__.__name__})")
