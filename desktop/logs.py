"""Logging set-up: named loggers per area, Qt messages routed to logging (in ui/), and an excepthook
that reports a crash without testimony content, keys or passphrases (only the exception type and the
code location are logged; messages may carry names of files, never media)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback

#: libraries whose DEBUG records carry data (websockets logs every signalling frame, with its join and
#: resumption tokens; aiortc/aioice log SDP and candidates): never below INFO, even with --verbose
CHATTY = ("websockets", "aiortc", "aioice", "asyncio", "botocore", "boto3", "s3transfer", "urllib3")


def setup(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.WARNING)


def safe_excepthook(exc_type, exc, tb) -> None:
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames[-5:]))
    logging.getLogger("testimony_shield.crash").critical("unhandled %s at %s", exc_type.__name__, where)


def safe_thread_excepthook(args) -> None:
    """The same report for an exception that ends a thread (the default hook prints its message)."""
    if args.exc_type is SystemExit:
        return
    safe_excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthooks() -> None:
    sys.excepthook = safe_excepthook
    threading.excepthook = safe_thread_excepthook
