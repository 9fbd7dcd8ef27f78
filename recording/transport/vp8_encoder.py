"""The witness's VP8 encoder: aiortc's, with the keyframe's size held to three times an average
frame (libvpx ``max-intra-rate``).  aiortc's own lets the first keyframe, and any keyframe a loss
asks for, take a second of the bitrate at once: on a narrow uplink that is a queue the voice waits
behind and the next loss, and a new keyframe request."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import av
from aiortc.codecs.vpx import Vp8Encoder, number_of_threads

from recording.transport.media_tracks import VIDEO_CLOCK

#: a keyframe at most this many percent of an average frame's bits
MAX_INTRA_PCT = 300


#: below this bitrate the encoder denoises (bits are scarce); above, it saves the CPU
DENOISE_BELOW_BPS = 800_000


class BoundedKeyframeVp8Encoder(Vp8Encoder):
    def __init__(self, threads: int = 1) -> None:
        super().__init__()
        self._threads = threads

    def encode_packet(self, frame: Any, force_keyframe: bool = False) -> av.Packet:
        """``frame`` as one VP8 packet (a frame's bytes), stamped with its time on the 90 kHz clock."""
        if frame.format.name != "yuv420p":
            frame = frame.reformat(format="yuv420p")
        c = self.codec
        if c is not None and (frame.width != c.width or frame.height != c.height
                              or abs(self.target_bitrate - (c.bit_rate or 1)) / (c.bit_rate or 1) > 0.1):
            self.codec = None
        if force_keyframe:
            frame.pict_type = av.video.frame.PictureType.I
        if self.codec is None:
            self.codec = self._open(frame.width, frame.height)
        # read before encoding: PyAV rebases the frame's pts to the codec's time base (rounding it)
        stamp = int(frame.pts * (frame.time_base or Fraction(1, VIDEO_CLOCK)) * VIDEO_CLOCK)
        packet = av.Packet(b"".join(bytes(p) for p in self.codec.encode(frame)))
        packet.pts = stamp
        packet.time_base = Fraction(1, VIDEO_CLOCK)
        return packet

    def encode(self, frame: Any, force_keyframe: bool = False) -> tuple[list[bytes], int]:
        """aiortc's encoder interface: the packet's RTP payloads and timestamp."""
        return self.pack(self.encode_packet(frame, force_keyframe))

    def _open(self, width: int, height: int) -> Any:
        c = av.CodecContext.create("libvpx", "w")
        c.width, c.height = width, height
        rate = self.target_bitrate
        c.bit_rate = rate
        c.pix_fmt = "yuv420p"
        c.gop_size = 3000  # keyframes when asked for (a loss) or when the size changes
        c.qmin, c.qmax = 2, 56
        # the fastest real-time speed (two video streams at 720p30 beside masking and two recordings on a
        # small machine: 6.7 vs 11.6 ms a frame, the same size); the denoiser only when bits are scarce
        # (it saves a noisy camera's bits on a narrow link, at a lower rung where frames are small)
        c.options = {"bufsize": str(rate), "cpu-used": "-16", "deadline": "realtime", "lag-in-frames": "0",
                     "minrate": str(rate), "maxrate": str(rate),
                     "noise-sensitivity": "4" if rate < DENOISE_BELOW_BPS else "0", "overshoot-pct": "15",
                     "partitions": "0", "static-thresh": "1", "undershoot-pct": "100",
                     "max-intra-rate": str(MAX_INTRA_PCT)}
        c.thread_count = min(self._threads, number_of_threads(width * height, 2))
        return c
