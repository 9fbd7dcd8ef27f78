import io

import av
import numpy as np
import pytest

from recording.encode.writer import AudioTrack, MkvWriter
from recording.errors import EncoderError
from tests.helpers.media import NonSeekableSink


def test_tracks_languages_and_frames_round_trip():
    sink = NonSeekableSink()
    w = MkvWriter(sink, 160, 96, 30, (AudioTrack("eng", "Floor"), AudioTrack("spa", "Spanish interpretation")))
    for i in range(15):
        w.write_video(np.full((96, 160, 3), i * 10, np.uint8), i)
        for t in range(2):
            w.write_audio(t, np.full(1600, 0.1 * (t + 1), np.float32))
    with pytest.raises(EncoderError):
        w.write_video(np.zeros((96, 160, 3), np.uint8), 3)
    w.close()
    with av.open(io.BytesIO(bytes(sink.data))) as c:
        assert [s.metadata.get("language") for s in c.streams.audio] == ["eng", "spa"]
        assert [s.metadata.get("title") for s in c.streams.audio] == ["Floor", "Spanish interpretation"]
        frames = list(c.decode(video=0))
        assert len(frames) == 15
        # timestamps at the frame rate (not milliseconds mistaken for frames)
        assert [round(float(f.time), 3) for f in frames[:3]] == [0.0, 0.033, 0.067]
        assert float(frames[-1].time) == pytest.approx(14 / 30, abs=0.002)
