import numpy as np
import pytest

from recording.model import AUDIO_BLOCK, Audience, Decision
from recording.pipeline import FLOOR, SessionPipeline, curtain_like
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource, LoopedAudioSource, demo_media_dir
from tests.helpers.fakes import BoxMasker, Collector, GainVoice
from tests.helpers.sources import ToneSource

ALL = {Audience.JUDGE, Audience.COURT, Audience.WITNESS_SELF, Audience.SUPPORT, Audience.RECORD_RAW,
       Audience.RECORD_MASKED}


def make(frames: int = 12, languages=(), masker=None, voice=GainVoice):
    plan = demo_plan(languages)
    video = DemoVideoSource((160, 90), 30.0)
    masker = masker or BoxMasker()
    interp = {lang: ToneSource(660.0, amplitude=0.5) for lang in languages}
    p = SessionPipeline(plan, video, ToneSource(amplitude=0.5), masker, voice, interpreters=interp, realtime=False)
    c = Collector()
    p.subscribe(ALL, c)
    p.max_frames = frames
    return p, c, masker


def run(p):
    p.start()
    assert p.finished.wait(20)
    p.stop()


def test_judge_gets_raw_everyone_else_masked():
    p, c, _ = make()
    run(p)
    for audience in ALL:
        assert len(c.video[audience]) == 12
    for (_, raw, _), (_, masked, _) in zip(c.video[Audience.JUDGE], c.video[Audience.COURT], strict=True):
        assert masked is not raw
        assert not np.array_equal(raw[:40, :40], masked[:40, :40]) or raw[:40, :40].max() == 0
        assert masked[:40, :40].max() == 0
    # the raw recording is raw; the masked recording and the witness's self-view are masked
    assert c.video[Audience.RECORD_RAW][0][1] is c.video[Audience.JUDGE][0][1]
    assert c.video[Audience.WITNESS_SELF][0][1] is c.video[Audience.COURT][0][1]


def test_masker_exception_curtains_masked_audiences_only():
    p, c, masker = make()
    masker.fail = True
    run(p)
    for _, img, dec in c.video[Audience.COURT]:
        assert dec is Decision.CURTAINED
        np.testing.assert_array_equal(img, curtain_like(img))
    assert p.status.stats.curtained_frames == 12


def test_voice_masked_for_court_natural_for_judge_and_silence_on_failure():
    p, c, _ = make(frames=30)
    run(p)
    judge = np.concatenate([s for _, s in c.audio[(Audience.JUDGE, FLOOR)]])
    court = np.concatenate([s for _, s in c.audio[(Audience.COURT, FLOOR)]])
    assert len(judge) == len(court) and len(judge) % AUDIO_BLOCK == 0
    assert len(judge) >= 48000 - AUDIO_BLOCK  # 30 frames at 30 fps = 1 s of audio
    np.testing.assert_allclose(court, judge * 0.25, atol=1e-6)

    voices = []

    def failing(preset):
        v = GainVoice(preset)
        v.fail = True
        voices.append(v)
        return v

    p, c, _ = make(frames=10, voice=failing)
    run(p)
    court = np.concatenate([s for _, s in c.audio[(Audience.COURT, FLOOR)]])
    assert not court.any(), "a failed voice masker must give silence, never the natural voice"
    assert p.status.voice_failed_blocks > 0


def test_break_curtains_and_mutes_everyone_but_the_support_person():
    p, c, _ = make(frames=1)
    p.set_break(True)
    p.max_frames = 6
    run(p)
    for audience in ALL - {Audience.SUPPORT}:
        assert all(dec is Decision.CURTAINED for _, _, dec in c.video[audience])
        assert not np.concatenate([s for _, s in c.audio[(audience, FLOOR)]]).any()
    assert all(dec is Decision.DETECTED for _, _, dec in c.video[Audience.SUPPORT])
    assert np.concatenate([s for _, s in c.audio[(Audience.SUPPORT, FLOOR)]]).any()


def test_interpreter_channels_carry_their_own_audio():
    p, c, _ = make(frames=15, languages=("spa",))
    run(p)
    spa = np.concatenate([s for _, s in c.audio[(Audience.COURT, "spa")]])
    spectrum = np.abs(np.fft.rfft(spa[:9600]))
    assert abs(np.argmax(spectrum) * 48000 / 9600 - 660) < 10
    assert p.channels == [FLOOR, "spa"]


def test_demo_media_ships():
    d = demo_media_dir()
    assert (d / "astronaut.jpg").exists() and (d / "speech.ogg").exists()
    src = LoopedAudioSource(d / "speech.ogg", "x")
    src.open()
    assert src.read(48000).std() > 0.01


@pytest.mark.parametrize("index", [0, 100])
def test_demo_source_deterministic(index):
    a, b = DemoVideoSource((320, 180)), DemoVideoSource((320, 180))
    a.open(), b.open()
    np.testing.assert_array_equal(a.frame_at(index), b.frame_at(index))


def test_voice_deadline_overrun_gives_silence_never_the_natural_voice():
    class SlowVoice:
        def __init__(self, preset):
            self.failed = False

        def process_safe(self, block, deadline_s):
            # what recording.masking.voice.VoiceMasker.process_safe does on an overrun
            self.failed = True
            return np.zeros_like(block)

    p, c, _ = make(frames=6, voice=SlowVoice)
    run(p)
    court = np.concatenate([s for _, s in c.audio[(Audience.COURT, FLOOR)]])
    judge = np.concatenate([s for _, s in c.audio[(Audience.JUDGE, FLOOR)]])
    assert not court.any() and judge.any()
    assert p.status.voice_failed_blocks == len(court) // AUDIO_BLOCK


def test_real_voice_masker_in_the_pipeline_masks_and_keeps_length():
    from recording.masking.voice import VoiceMasker

    p, c, _ = make(frames=30, voice=lambda preset: VoiceMasker(preset, 48000, seed=1))
    run(p)
    court = np.concatenate([s for _, s in c.audio[(Audience.COURT, FLOOR)]])
    judge = np.concatenate([s for _, s in c.audio[(Audience.JUDGE, FLOOR)]])
    assert len(court) == len(judge) > 0
    assert not np.allclose(court, judge)
