"""aiortc helpers shared by both stations: a peer connection with a chosen DTLS certificate, no
third-party STUN server (the court's own TURN server when the hearing goes through the court relay,
with ICE transport policy relay), fingerprints in SDP form, which path ICE chose, and the frames of a
received track (:func:`frames`, :func:`mono_blocks`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import av
import numpy as np
from aiortc import RTCBundlePolicy, RTCConfiguration, RTCIceTransportPolicy, RTCPeerConnection
from aiortc.mediastreams import MediaStreamError
from aiortc.rtcdtlstransport import RTCCertificate

from recording.model import AUDIO_RATE
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


def peer_connection(certificate: RTCCertificate | None = None, turn: Any = None) -> RTCPeerConnection:
    """A peer connection that gathers host candidates only (no STUN server is contacted: the stations
    are on one network) or, with ``turn`` (a :class:`recording.transport.turn.TurnConfig`: the
    hearing's credentials from the court relay), only a relayed candidate on the court's TURN server
    (ICE transport policy relay: no host or reflexive address of this station is ever offered), and, if given, presents
    ``certificate`` in DTLS — the court's, whose fingerprint the signed invitation pins.  Max-bundle
    on both sides: every track rides one ICE/DTLS transport (aiortc only starts the first track of
    each kind otherwise, and the link carries several audio tracks)."""
    if turn is not None:
        config = RTCConfiguration(iceServers=turn.ice_servers(), bundlePolicy=RTCBundlePolicy.MAX_BUNDLE,
                                  iceTransportPolicy=RTCIceTransportPolicy.RELAY)
    else:
        config = RTCConfiguration(iceServers=[], bundlePolicy=RTCBundlePolicy.MAX_BUNDLE)
    pc = RTCPeerConnection(config)
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


def ice_path(pc: RTCPeerConnection | None) -> str:
    """The type of this station's candidate in the pair ICE selected: "relay", "host", "srflx",
    "prflx" ("" before a pair is selected).  aiortc has no public getter for the selected pair; it
    is read from aioice's nominated pair (component 1: max-bundle and rtcp-mux, one component)."""
    if pc is None:
        return ""
    for t in pc.getTransceivers():
        dtls = t.sender.transport if t.sender is not None else None
        conn = getattr(getattr(getattr(dtls, "transport", None), "iceGatherer", None), "_connection", None)
        pair = getattr(conn, "_nominated", {}).get(1) if conn is not None else None
        if pair is not None:
            return str(getattr(pair.protocol.local_candidate, "type", "") or "")
    return ""


async def frames(track: Any) -> AsyncIterator[Any]:
    """Each frame a received ``track`` delivers, until it ends."""
    while True:
        try:
            frame = await track.recv()
        except MediaStreamError:
            return
        yield frame


async def mono_blocks(track: Any) -> AsyncIterator[tuple[Any, list[np.ndarray]]]:
    """Each frame of a received audio ``track`` with its samples as float32 mono blocks at 48 kHz."""
    resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
    async for frame in frames(track):
        yield frame, [out.to_ndarray().reshape(-1).astype(np.float32) for out in resampler.resample(frame)]
