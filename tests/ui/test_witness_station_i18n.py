"""Witness station: screen language (Qt translations), listening channel, text size, contrast, and the
rehearsal with its break try."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from recording.pipeline import SessionPipeline
from recording.session import SessionPlan, State, demo_plan
from recording.sources.demo import DemoVideoSource
from tests.helpers.fake_session import SMALL
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource
from ui.i18n import WitnessTranslator, screen_language_for
from ui.session import SessionController, SessionHub
from ui.theme import WITNESS, stylesheet
from ui.witness.station import WitnessStation


class FakeSpeaker:
    """A sound device that keeps what it is given."""

    def __init__(self) -> None:
        self.blocks: list[np.ndarray] = []
        self.opened = self.closed = False
        self.lock = threading.Lock()

    def open(self) -> None:
        self.opened = True

    def push(self, samples: np.ndarray, start_sample: int | None = None) -> None:
        with self.lock:
            self.blocks.append(np.asarray(samples).copy())

    def close(self) -> None:
        self.closed = True

    def rms_db(self, last: int = 10) -> float:
        with self.lock:
            x = np.concatenate(self.blocks[-last:]) if self.blocks else np.zeros(1)
        return 20 * np.log10(np.sqrt(np.mean(x ** 2)) + 1e-9)


def no_speaker() -> FakeSpeaker:
    raise OSError("no PortAudio device")


def test_translator_catalogues():
    assert screen_language_for("spa") == "es" and screen_language_for("fra") == "fr"
    assert screen_language_for("deu") == "en" and screen_language_for("") == "en"
    t = WitnessTranslator("es")
    assert t.language == "es" and t.tr("I need a break") == "Necesito un descanso"
    assert t.tr("Welcome, {name}. Take your time.").format(name="X") == "Bienvenido/a, X. Tómese su tiempo."
    assert t.tr("not in the catalogue") == "not in the catalogue"
    t.set_language("fra")
    assert t.tr("I need a break") == "J'ai besoin d'une pause"
    t.set_language("en")
    assert t.tr("I need a break") == "I need a break"


def _visible_texts(w: WitnessStation) -> dict[str, str]:
    out = {}
    for child in w.findChildren(QLabel) + w.findChildren(QPushButton):
        if child.isVisibleTo(w) and child.text() and child.objectName() not in ("breakTimer",) \
                and child.text() not in ("A−", "A+"):
            out[f"{type(child).__name__}:{id(child)}"] = child.text()
    return out


def test_switching_language_changes_the_break_button(qtbot, runner, fake_session):
    hub = SessionHub()
    w = WitnessStation(hub, speaker_factory=None)
    qtbot.addWidget(w)
    w.show()
    c = SessionController(fake_session(), runner)
    hub.set_controller(c)
    assert w.break_button.text() == "I need a break"
    english = _visible_texts(w)
    i = w.screen_language.findData("es")
    w.screen_language.setCurrentIndex(i)  # as the witness picks it
    assert w.language == "es"
    assert w.break_button.text() == "Necesito un descanso"
    assert w.break_button.accessibleName() == "Necesito un descanso"
    assert "Bienvenido/a, Witness A" in w.greeting.text()
    assert "Nadie en el tribunal" in w.who.text() or "Todavía nadie" in w.who.text()
    spanish = _visible_texts(w)
    same = [text for key, text in spanish.items() if english.get(key) == text and "Witness A" not in text
            and text not in ("English", "Español", "Français")]
    assert not same, same  # every witness-facing text is translated
    w.set_language("fr")
    assert w.break_button.text() == "J'ai besoin d'une pause"
    assert w.screen_language.currentData() == "fr"
    c.go_live()
    qtbot.waitUntil(lambda: "L'accusé ne peut pas vous voir." in w.who.text(), timeout=2000)
    w.take_break()
    assert w.ready_button.text() == "Je suis prêt·e à continuer" and "Personne, sauf Support worker" in w.who.text()
    w.resume()
    w.set_language("en")
    assert w.break_button.text() == "I need a break"
    c.stop_polling()
    w.close()


def test_language_from_the_plan_and_listening_channel(qtbot, runner, fake_session):
    plan = demo_plan(("spa",))
    session = fake_session(plan)
    session.pipeline = SessionPipeline(plan, session.video, ToneSource(), BoxMasker((100, 40, 220, 160)),
                                       GainVoice, interpreters={"spa": ToneSource()}, realtime=True)
    speaker = FakeSpeaker()
    hub = SessionHub()
    w = WitnessStation(hub, speaker_factory=lambda: speaker)
    qtbot.addWidget(w)
    w.show()
    c = SessionController(session, runner)
    hub.set_controller(c)
    # no screen language chosen: the plan's interpretation language decides, and the witness hears it
    assert w.language == "es" and w.break_button.text() == "Necesito un descanso"
    assert w.listening_channel == "spa" and w.listening.available and speaker.opened
    assert "intérprete" in w.sound.text()
    c.go_live()
    qtbot.waitUntil(lambda: len(speaker.blocks) > 20, timeout=5000)
    with_interp = speaker.rms_db()
    w.choose_channel("floor")
    assert w.listening.channel == "floor" and "Oye la sala" in w.sound.text()
    n = len(speaker.blocks)
    qtbot.waitUntil(lambda: len(speaker.blocks) > n + 20, timeout=5000)
    floor_only = speaker.rms_db()
    # the interpretation (-12 dB tone) over the masked floor; the masked floor alone is quieter
    assert with_interp > floor_only + 6
    c.stop_polling()
    w.close()
    assert speaker.closed


def test_no_speakers_is_said_calmly(qtbot, runner, fake_session):
    hub = SessionHub()
    w = WitnessStation(hub, speaker_factory=no_speaker)
    qtbot.addWidget(w)
    c = SessionController(fake_session(), runner)
    hub.set_controller(c)
    assert not w.listening.available and "No speakers found" in w.sound.text()
    assert not w.channel.isEnabled()  # the floor only: nothing to choose
    c.stop_polling()


def test_text_size_and_high_contrast(qtbot):
    w = WitnessStation(SessionHub(), speaker_factory=None)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.text_scale_changed):
        qtbot.mouseClick(w.larger, Qt.MouseButton.LeftButton)
    assert w.text_scale == 1.15 and w.styleSheet() == stylesheet(WITNESS, False, 1.15)
    w.step_text_size(10)
    assert not w.larger.isEnabled()
    w.step_text_size(-10)
    assert not w.smaller.isEnabled() and w.text_scale < 1.0
    assert "#000000" not in w.styleSheet()
    qtbot.mouseClick(w.contrast, Qt.MouseButton.LeftButton)
    assert w.high_contrast and "#000000" in w.styleSheet() and "#ffff00" in w.styleSheet()
    qtbot.mouseClick(w.contrast, Qt.MouseButton.LeftButton)
    assert not w.high_contrast
    for child in w.findChildren(QPushButton) + w.findChildren(QComboBox):
        assert child.accessibleName(), child


def _rehearsal_factory(made: list):
    def factory(plan: SessionPlan | None) -> SessionPipeline:
        languages = plan.languages if plan is not None else ()
        p = SessionPipeline(plan or demo_plan(), DemoVideoSource(SMALL, 30), ToneSource(),
                            BoxMasker((100, 40, 220, 160)), GainVoice,
                            interpreters={lang: ToneSource() for lang in languages}, realtime=True)
        made.append(p)
        return p

    return factory


def test_rehearsal_opens_and_its_break_try_returns(qtbot, runner, fake_session):
    made: list = []
    speaker = FakeSpeaker()
    hub = SessionHub()
    w = WitnessStation(hub, speaker_factory=lambda: speaker, rehearsal_factory=_rehearsal_factory(made),
                       language="fr")
    qtbot.addWidget(w)
    w.show()
    plan = demo_plan(("fra",))
    c = SessionController(fake_session(plan), runner)
    hub.set_controller(c)
    assert w.rehearse_button.isVisible() and w.rehearse_button.isEnabled()
    qtbot.mouseClick(w.rehearse_button, Qt.MouseButton.LeftButton)
    r = w.rehearsal
    assert r is not None and r.windowTitle() == "Essai et vérification du matériel"
    with qtbot.waitSignal(r.ready, timeout=5000):
        pass
    # 1. the camera with the mask on
    qtbot.waitUntil(lambda: r.view.current_image() is not None, timeout=5000)
    assert r.view.current_image().pixelColor(160, 100).value() == 0  # the fake mask's black box
    # 2. the microphone level and the masked voice, held in memory and played back
    qtbot.waitUntil(lambda: r.mic_meter.level_db > -30, timeout=3000)
    r.snippet._max = 28_800  # 0.6 s is enough here
    qtbot.mouseClick(r.record_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: r.play_btn.isEnabled(), timeout=5000)
    snippet = r.snippet.samples()
    assert 0.55 < len(snippet) / 48_000 < 0.65
    peak = float(np.max(np.abs(snippet)))
    assert 0.04 < peak < 0.08  # the masked voice (GainVoice x0.25 of a 0.25 tone), not the raw one
    assert r.play_snippet()
    qtbot.waitUntil(lambda: r.play_btn.isEnabled(), timeout=5000)
    played = np.concatenate(speaker.blocks)
    assert len(played) == len(snippet)
    # 3. the interpreter channel
    assert r.channel.currentData() == "fra"
    r.listen_btn.setChecked(True)
    qtbot.waitUntil(lambda: r.listen_meter.level_db > -20, timeout=3000)
    r.listen_btn.setChecked(False)
    # 4. the break button: the break screen, then back
    with qtbot.waitSignal(r.break_tried):
        qtbot.mouseClick(r.try_break, Qt.MouseButton.LeftButton)
    assert r.stack.currentWidget() is r.break_page and made[0].on_break
    assert c.state is State.DRAFT  # the real session is untouched
    qtbot.mouseClick(r.back_btn, Qt.MouseButton.LeftButton)
    assert r.stack.currentWidget() is r.check_page and not made[0].on_break
    # nothing recorded, nothing kept
    qtbot.mouseClick(r.done_btn, Qt.MouseButton.LeftButton)
    assert w.rehearsal is None and r.pipeline is None and len(r.snippet.samples()) == 0
    assert made[0].finished.wait(2)
    c.stop_polling()
    w.close()


def test_rehearsal_without_speakers(qtbot):
    made: list = []
    w = WitnessStation(SessionHub(), speaker_factory=no_speaker, rehearsal_factory=_rehearsal_factory(made))
    qtbot.addWidget(w)
    w.show()
    r = w.open_rehearsal()
    with qtbot.waitSignal(r.ready, timeout=5000):
        pass
    assert "No speakers found" in r.status.text()
    r.reject()
    assert made[0].finished.wait(2)
