"""Plain-language messages for errors from the core (after Anki's ``aqt/errors.py``).

Messages never repeat exception text that could carry case details; they say what happened and what
to do.  Unknown errors get a generic message (the type is logged, not shown)."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from recording import errors as rec_errors
from recording.session import PlanError
from vault import errors as vault_errors

log = logging.getLogger("testimony_shield.ui.errors")
translate = QCoreApplication.translate  # the staff screens' language (Qt catalogues, context "Errors")


def _access_denied(exc: BaseException) -> str:
    text = str(exc)
    if "share expired" in text:
        return translate("Errors", "The share for your role has expired. Ask the judge for a new one.")
    if "raw (unmasked)" in text:
        return translate("Errors", "The raw (unmasked) recording may only go to the judge.")
    if isinstance(exc, vault_errors.MissingKey) and "station" in text:
        return translate("Errors", "The recording station's key is locked: enter the station "
                         "passphrase.")
    return translate("Errors", "Your role is not allowed to open this recording.")


def _source_unavailable(exc: BaseException) -> str:
    text = str(exc).lower()
    if "micro" in text or "audio" in text:
        return translate("Errors", "No microphone could be opened. Check that it is plugged in and not used "
                         "by another program.")
    if "camera" in text or "video" in text:
        return translate("Errors", "No camera could be opened. Check that it is plugged in and not used by "
                         "another program.")
    return translate("Errors", "A camera or microphone could not be opened.")


def _plan_error(exc: BaseException) -> str:
    return translate("Errors", "The session plan is not complete: {detail}.").format(detail=exc)


#: what to say of each kind of error, tried in order (a subclass before its base): a message
#: (translated when shown) or a function of the error that chooses one
MESSAGES: tuple[tuple[type[BaseException], str | Callable[[BaseException], str]], ...] = (
    (vault_errors.WrongPassphrase,
     QT_TRANSLATE_NOOP("Errors", "That passphrase is not right. Please check it and try again.")),
    (vault_errors.IntegrityError,
     QT_TRANSLATE_NOOP("Errors", "This recording or the audit trail has been changed or damaged since it was "
                       "sealed. Do not rely on it; report it to the court's IT security contact.")),
    (vault_errors.AccessDenied, _access_denied),
    (vault_errors.VaultNotInitialised, QT_TRANSLATE_NOOP("Errors", "There is no vault in this folder yet.")),
    (vault_errors.NotFound, QT_TRANSLATE_NOOP("Errors", "That recording is not in the vault.")),
    (vault_errors.DiskFull,
     QT_TRANSLATE_NOOP("Errors", "The disk is full. Free some space; everything recorded so far has been kept "
                       "and sealed.")),
    (vault_errors.SealedError, QT_TRANSLATE_NOOP("Errors", "This recording is sealed and cannot be changed.")),
    (vault_errors.VaultError, QT_TRANSLATE_NOOP("Errors", "The vault could not complete that action.")),
    (rec_errors.SourceLost,
     QT_TRANSLATE_NOOP("Errors", "The camera or microphone stopped working. Check the cable, then start "
                       "again.")),
    (rec_errors.SourceUnavailable, _source_unavailable),
    (PlanError, _plan_error),
    (rec_errors.EncoderError,
     QT_TRANSLATE_NOOP("Errors", "The recording could not be written. Everything up to now has been "
                       "kept.")),
    (rec_errors.RecordingError, QT_TRANSLATE_NOOP("Errors", "The recording system reported a problem.")),
)


def user_message(exc: BaseException) -> str:
    """A short, calm sentence for the person at the screen."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        exc = vault_errors.DiskFull()  # said as the vault's disk full
    for kind, message in MESSAGES:
        if isinstance(exc, kind):
            return message(exc) if callable(message) else translate("Errors", message)
    log.error("unexpected error: %s", type(exc).__name__)
    return translate("Errors", "Something went wrong. The session data is safe; please try again or call "
                     "support.")
