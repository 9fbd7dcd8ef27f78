"""aiortc helpers shared by both stations: a peer connection with a chosen DTLS certificate, no
third-party STUN server, and fingerprints in SDP form."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiortc import RTCBundlePolicy, RTCConfiguration, RTCPeerConnection
from aiortc.rtcdtlstransport import RTCCertificate

from recording.transport.errors import LinkError
from recording.transport.invite import Fingerprint
from recording.transport.rtp_hooks import attach

log = logging.getLogger(__name__)


def new_certificate() -> RTCCertificate:
    return RTCCertificate.generateCertificate()


def certificate_fingerprints(cert: RTCCertificate) -> list[Fingerprint]:
    return [Fingerprint(f.algorithm.lower(), f.value.upper()) for f in cert.getFingerprints()]


def sha256_fingerprint(fps: list[Fingerprint] | tuple[Fingerprint, ...]) -> str:
    return next((f.value for f in fps if f.algorithm == "sha-256"), "")


def peer_connection(certificate: RTCCertificate | None = None) -> RTCPeerConnection:
    """A peer connection that gathers host candidates only (no STUN server is contacted: the stations
    are on one network; a court network adds its TURN/SFU here) and, if given, presents
    ``certificate`` in DTLS — the court's, whose fingerprint the signed invitation pins.  Max-bundle
    on both sides: every track rides one ICE/DTLS transport (aiortc only starts the first track of
    each kind otherwise, and the link carries several audio tracks)."""
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[], bundlePolicy=RTCBundlePolicy.MAX_BUNDLE))
    if certificate is not None:
        # aiortc 1.x has no public way to choose the certificate; it keeps the list in a private
        # attribute that it reads when the DTLS transports are created (after setRemoteDescription).
        attr = "_RTCPeerConnection__certificates"
        if not hasattr(pc, attr):
            raise LinkError("this aiortc version cannot use a pinned certificate")
        setattr(pc, attr, [certificate])
    attach(pc)  # poor networks: reorder/NACK/PLI, rate estimate and adaptation (docs/network.md)
    return pc


async def close_peer(pc: RTCPeerConnection, timeout: float = 5.0) -> None:
    """Close ``pc`` and release its sockets whatever happens.  aiortc's ``close()`` is never cancelled
    half-way (a cancelled close leaves the ICE sockets to the garbage collector and makes every later
    ``close()`` wait forever); when it has not finished within ``timeout`` seconds — a dead network,
    a loaded machine — the ICE sockets are closed directly."""
    task = asyncio.ensure_future(pc.close())
    try:
        await asyncio.wait({task}, timeout=timeout)
    finally:
        if not task.done():
            task.cancel()
        elif not task.cancelled() and task.exception() is not None:
            log.info("peer connection close failed (%s)", type(task.exception()).__name__)
        release_sockets(pc)


def release_sockets(pc: RTCPeerConnection) -> None:
    """Close every ICE socket of ``pc`` (idempotent).  aiortc keeps them in aioice connections it
    has no public handle on; an unclosed one is a leaked file descriptor and a ResourceWarning."""
    ice: list[Any] = []
    dtls = [t.receiver.transport for t in pc.getTransceivers()] + [t.sender.transport for t in pc.getTransceivers()]
    if pc.sctp is not None:
        dtls.append(pc.sctp.transport)
    for d in dtls:
        it = getattr(d, "transport", None)
        if it is not None and it not in ice:
            ice.append(it)
    for it in ice:
        conn = getattr(it, "_connection", None)
        for proto in list(getattr(conn, "_protocols", ()) or ()):
            transport = getattr(proto, "transport", None)
            if transport is not None:
                transport.close()
