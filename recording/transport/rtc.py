"""aiortc helpers shared by both stations: a peer connection with a chosen DTLS certificate, no
third-party STUN server, and fingerprints in SDP form."""

from __future__ import annotations

from aiortc import RTCBundlePolicy, RTCConfiguration, RTCPeerConnection
from aiortc.rtcdtlstransport import RTCCertificate

from recording.transport.errors import LinkError
from recording.transport.invite import Fingerprint


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
    return pc
