"""What the witness hears: a :class:`~recording.audio.mixer.ListenerMix` of the chosen channel (the
floor, or their interpretation language with the floor underneath) played on a sound device.

The mix is a pipeline consumer: it runs on the pipeline thread and only pushes into the speaker's
bounded buffer.  With no sound device (a server, a test machine) ``available`` is False and the
station says "no speakers found" — the session goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np

from recording.audio.mixer import FLOOR, ListenerMix
from recording.audio.output import close_quietly
from recording.model import Audience
from ui.widgets.channel_matrix import level_db

log = logging.getLogger("testimony_shield.ui.witness.listening")

SpeakerFactory = Callable[[], Any]


def default_speaker_factory() -> Any:
    from recording.audio.output import SpeakerOutput

    return SpeakerOutput()


def open_speaker(factory: SpeakerFactory | None) -> Any | None:
    """An opened speaker, or None when there is no sound device."""
    if factory is None:
        return None
    try:
        speaker = factory()
        speaker.open()
        return speaker
    except Exception as exc:
        log.info("no speakers: %s", type(exc).__name__)
        return None


class Listening:
    """The witness's listening channel on ``pipeline`` for ``audience``."""

    def __init__(self, pipeline: Any, speaker_factory: SpeakerFactory | None, channel: str = FLOOR,
                 audience: Audience = Audience.WITNESS_SELF) -> None:
        self.pipeline = pipeline
        self.speaker = open_speaker(speaker_factory)
        self.lost = False
        self.level = -90.0
        self.blocks = 0
        self.mix = ListenerMix(audience, list(pipeline.channels), self._push, channel)
        pipeline.subscribe({audience}, self.mix)

    @property
    def available(self) -> bool:
        return self.speaker is not None and not self.lost

    @property
    def channel(self) -> str:
        return self.mix.channel

    def choose(self, channel: str | None) -> None:
        self.mix.choose(channel)

    def _push(self, samples: np.ndarray, start_sample: int) -> None:  # pipeline thread
        self.level = level_db(samples)
        self.blocks += 1
        if self.speaker is None or self.lost:
            return
        try:
            self.speaker.push(samples, start_sample)
        except Exception:
            self.lost = True

    def close(self) -> None:
        self.pipeline.unsubscribe(self.mix)
        close_quietly(self.speaker, "the speaker")
        self.speaker = None
