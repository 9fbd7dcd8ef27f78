import io

import av

from recording.encode.remux import chapters_for, probe_duration, remux
from tests.helpers.media import live_mkv


def test_probe_duration_of_a_live_mode_recording():
    data = live_mkv(2)
    src = io.BytesIO(data)
    src.seek(100)
    assert abs(probe_duration(src) - 2.0) < 0.05
    assert src.tell() == 100  # left where it was
    assert probe_duration(io.BytesIO(b"not media" * 100)) is None


def test_remux_keeps_tracks_and_adds_chapters_and_duration(tmp_path):
    out = tmp_path / "out.mkv"
    remux(io.BytesIO(live_mkv(2)), out, [{"title": "Break", "start": 0.5, "end": 1.0}])
    assert not (tmp_path / "out.mkv.partial").exists()
    with av.open(str(out)) as c:
        assert abs(c.duration / 1e6 - 2.0) < 0.1
        assert [s.metadata.get("language") for s in c.streams.audio] == ["eng", "spa"]
        (ch,) = c.chapters()
        assert ch["metadata"]["title"] == "Break"
        assert sum(1 for _ in c.decode(video=0)) == 60
    assert chapters_for([{"start": 3, "end": None}])[0]["end"] == 3001  # an open break gets 1 ms
