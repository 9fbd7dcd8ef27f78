"""Plain-language messages for errors from the core (after Anki's ``aqt/errors.py``).

Messages never repeat exception text that could carry case details; they say what happened and what
to do.  Unknown errors get a generic message (the type is logged, not shown)."""

from __future__ import annotations

import errno
import logging

from PySide6.QtCore import QCoreApplication

from recording import errors as rec_errors
from recording.session import PlanError
from vault import errors as vault_errors

log = logging.getLogger("testimony_shield.ui.errors")
translate = QCoreApplication.translate  # the staff screens' language (Qt catalogues, context "Errors")


def user_message(exc: BaseException) -> str:
    """A short, calm sentence for the person at the screen."""
    if isinstance(exc, vault_errors.WrongPassphrase):
        return translate("Errors", "That passphrase is not right. Please check it and try again.")
    if isinstance(exc, vault_errors.IntegrityError):
        return translate("Errors", "This recording or the audit trail has been changed or damaged since it was "
                         "sealed. Do not rely on it; report it to the court's IT security contact.")
    if isinstance(exc, vault_errors.AccessDenied):
        text = str(exc)
        if "share expired" in text:
            return translate("Errors", "The share for your role has expired. Ask the judge for a new one.")
        if "raw (unmasked)" in text:
            return translate("Errors", "The raw (unmasked) recording may only go to the judge.")
        if isinstance(exc, vault_errors.MissingKey) and "station" in text:
            return translate("Errors", "The recording station's key is locked: enter the station "
                             "passphrase.")
        return translate("Errors", "Your role is not allowed to open this recording.")
    if isinstance(exc, vault_errors.VaultNotInitialised):
        return translate("Errors", "There is no vault in this folder yet.")
    if isinstance(exc, vault_errors.NotFound):
        return translate("Errors", "That recording is not in the vault.")
    if isinstance(exc, vault_errors.DiskFull) or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return translate("Errors", "The disk is full. Free some space; everything recorded so far has been kept "
                         "and sealed.")
    if isinstance(exc, vault_errors.SealedError):
        return translate("Errors", "This recording is sealed and cannot be changed.")
    if isinstance(exc, vault_errors.VaultError):
        return translate("Errors", "The vault could not complete that action.")
    if isinstance(exc, rec_errors.SourceLost):
        return translate("Errors", "The camera or microphone stopped working. Check the cable, then start "
                         "again.")
    if isinstance(exc, rec_errors.SourceUnavailable):
        text = str(exc).lower()
        if "micro" in text or "audio" in text:
            return translate("Errors", "No microphone could be opened. Check that it is plugged in and not used "
                             "by another program.")
        if "camera" in text or "video" in text:
            return translate("Errors", "No camera could be opened. Check that it is plugged in and not used by "
                             "another program.")
        return translate("Errors", "A camera or microphone could not be opened.")
    if isinstance(exc, PlanError):
        return translate("Errors", "The session plan is not complete: {detail}.").format(detail=exc)
    if isinstance(exc, rec_errors.EncoderError):
        return translate("Errors", "The recording could not be written. Everything up to now has been "
                         "kept.")
    if isinstance(exc, rec_errors.RecordingError):
        return translate("Errors", "The recording system reported a problem.")
    log.error("unexpected error: %s", type(exc).__name__)
    return translate("Errors", "Something went wrong. The session data is safe; please try again or call "
                     "support.")
