"""The windowed application: builds the QApplication, wires services (settings, vault, live session)
into the ``ui`` windows, and runs the event loop.

Order matters: the QApplication is created BEFORE anything imports ``cv2``.  opencv-python sets
QT_QPA_PLATFORM_PLUGIN_PATH and QT_QPA_FONTDIR to its own bundled Qt5 plugins on import; a Qt 6
application created after that would try to load them.  :func:`import_cv2` imports OpenCV and drops
those variables again, and the UI modules never import OpenCV at module level.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.unlock import open_station_vault, passphrase_from_args, unlock_station

log = logging.getLogger("testimony_shield.desktop.app")
qt_log = logging.getLogger("testimony_shield.qt")

#: The documented passphrase of the DEMO vault (``testimony-shield demo`` without a passphrase).  The
#: demo vault lives in its own folder and holds only the built-in demo witness; never use it for a case.
DEMO_PASSPHRASE = "demo-passphrase"
OPENCV_QT_VARIABLES = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")


def scrub_opencv_qt_env() -> None:
    for name in OPENCV_QT_VARIABLES:
        value = os.environ.get(name, "")
        if "cv2" in value.replace("\\", "/").split("/"):
            os.environ.pop(name, None)


def import_cv2() -> Any:
    """Import OpenCV without letting it redirect Qt to its bundled Qt5 plugins."""
    import cv2

    scrub_opencv_qt_env()
    return cv2


def _qt_message(mode: Any, context: Any, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtFatalMsg: logging.CRITICAL}.get(mode, logging.WARNING)
    qt_log.log(level, "%s (%s)", message, getattr(context, "category", "") or "qt")


def install_qt_message_handler() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_qt_message)


def create_application(argv: list[str] | None = None) -> Any:
    """The QApplication (created once, before OpenCV is imported), with the GUI-thread garbage
    collector running (:mod:`ui.garbage`)."""
    scrub_opencv_qt_env()  # in case something imported cv2 already
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("Testimony Shield")
        app.setOrganizationName("testimony-shield")
        # garbage cycles are collected on the GUI thread only, between events (ui/garbage.py): the
        # automatic collector destroyed Qt objects on worker threads and windows inside their own paint
        from ui.garbage import install

        install(app)
    return app


@dataclass
class Services:
    settings: Any
    runner: Any
    hub: Any
    vault_dir: Path
    passphrase: str | None = None
    vault: Any = None
    demo: bool = False
    windows: dict[str, Any] = field(default_factory=dict)
    #: where the settings are saved (None: the user's settings file); False ``persist``: never saved
    #: (settings given by a caller, e.g. the screenshot script)
    settings_path: Path | None = None
    persist: bool = True
    clerk_identity: Any = None
    #: what was wrong with the settings file ("" when nothing): the defaults were used, and the start
    #: window says so
    settings_problem: str = ""
    #: one passphrase per role for a vault about to be created (cleared once it is)
    new_vault_passphrases: dict[str, str] | None = None
    #: what recovery did when the station's vault was opened (quarantined folders, …)
    recovery_messages: list[str] = field(default_factory=list)

    def vault_hint(self) -> str:
        if self.demo and self.passphrase == DEMO_PASSPHRASE:
            return (f"Demo vault ({self.vault_dir}). The demo passphrase is “{DEMO_PASSPHRASE}” for every "
                    "role — it holds only the built-in demo witness; never use it for a real case.")
        return ""


def _make_services(args: argparse.Namespace, demo: bool, settings: Any = None) -> Services:
    from desktop import paths
    from desktop import settings as settings_mod
    from ui.concurrency import OpRunner
    from ui.i18n import install_staff_language
    from ui.session import SessionHub
    from vault.storage import vault_location

    given = settings is not None
    problem = ""
    if settings is None:
        settings, problem = settings_mod.load_checked()
        if problem:
            log.warning("%s", problem)
    install_staff_language(settings.language)  # the staff screens' language (system's by default)
    passphrase = passphrase_from_args(args)
    vault_arg = getattr(args, "vault", None)
    if demo:
        if passphrase is None:
            passphrase = DEMO_PASSPHRASE
        vault_dir = vault_location(vault_arg) if vault_arg else (
            paths.data_dir() / "demo-vault" if passphrase == DEMO_PASSPHRASE else settings.vault_path)
    else:
        vault_dir = vault_location(vault_arg) if vault_arg else settings.vault_path
    return Services(settings, OpRunner("vault-ops"), SessionHub(), vault_dir, passphrase, demo=demo,
                    persist=not given, settings_problem=problem)


def _session_factory(services: Services, demo_sources: bool) -> Any:
    def factory(plan: Any) -> Any:
        import_cv2()
        from desktop.live import LiveSession

        vault = open_station_vault(services)
        if plan.remote:  # the witness joins from elsewhere: the court station's side of the link
            from desktop.remote_court import open_remote_hearing

            return open_remote_hearing(plan, services.settings, vault, services.passphrase or "")
        kwargs: dict[str, Any] = {}
        if demo_sources:
            from recording.sources.demo import DemoVideoSource, demo_audio_source

            kwargs = {"video": DemoVideoSource(services.settings.video_size, services.settings.fps),
                      "audio": demo_audio_source()}
        return LiveSession(plan, services.settings, vault, services.passphrase, realtime=True, **kwargs)

    return factory


def plan_store(services: Services) -> dict[str, Any]:
    """The clerk console's saved-plan callables (``save_plan``, ``list_plans``, ``load_plan``): plans
    stored encrypted in the station's vault (:mod:`desktop.plans`).  They run on the op runner."""
    from desktop import plans

    def save(plan: Any) -> str:
        return plans.save_plan(open_station_vault(services), plan)

    def listing() -> list[tuple[str, str]]:
        return [(r.id, plans.plan_label(r)) for r in plans.list_plans(open_station_vault(services))]

    def load(plan_id: str) -> Any:
        vault = open_station_vault(services)
        if services.clerk_identity is None:
            services.clerk_identity = vault.unlock("clerk", services.passphrase or "")
        return plans.load_plan(vault, plan_id, services.clerk_identity)

    return {"save_plan": save, "list_plans": listing, "load_plan": load}


def save_settings(services: Services, **changes: Any) -> None:
    """Change and save the station settings (e.g. the witness's own choices); a failure to write is
    logged, never shown to the witness."""
    from desktop import settings as settings_mod

    services.settings = dataclasses.replace(services.settings, **changes)
    if not services.persist:
        return
    try:
        settings_mod.save(services.settings, services.settings_path)
    except OSError as exc:
        log.warning("could not save the settings: %s", type(exc).__name__)


def connect_witness_preferences(services: Services, witness: Any) -> None:
    """The witness's language, text size and contrast choices are kept for the next time."""
    witness.language_changed.connect(lambda lang: save_settings(services, witness_language=lang))
    witness.text_scale_changed.connect(lambda scale: save_settings(services, text_scale=round(float(scale), 2)))
    witness.high_contrast_changed.connect(lambda on: save_settings(services, high_contrast=bool(on)))


def apply_settings(services: Services, new: Any) -> None:
    """Apply saved settings to the windows already open: the staff screens' language, the witness's
    screen language, text size and contrast; the court windows' contrast.  Devices, masks and the vault apply to the
    next session."""
    from ui.i18n import install_staff_language
    from ui.theme import COURT, apply_theme

    old, services.settings = services.settings, new
    if new.language != old.language:  # open staff windows re-read their texts (LanguageChange)
        install_staff_language(new.language)
    for name, w in services.windows.items():
        if name == "witness":
            # only what changed: the witness's own choices since are not overridden
            if new.high_contrast != old.high_contrast:
                w.set_high_contrast(bool(new.high_contrast))
            if new.text_scale != old.text_scale:
                w.set_text_scale(float(new.text_scale))
            if new.witness_language != old.witness_language:
                w.set_language(new.witness_language or "en")
        elif name != "settings" and new.high_contrast != old.high_contrast:
            apply_theme(w, COURT, bool(new.high_contrast))


def _rehearsal_factory(services: Services) -> Any:
    """The witness's rehearsal pipeline: the station's camera and microphone, the plan's masks and
    interpreter channels, and NO recorder — nothing of the rehearsal is recorded."""

    def factory(plan: Any) -> Any:
        import_cv2()
        from desktop.live import open_audio_source, open_video_source
        from recording.masking.face import FaceMasker
        from recording.masking.voice import VoiceMasker
        from recording.pipeline import SessionPipeline
        from recording.session import SessionPlan, SpecialMeasures
        from recording.sources.demo import demo_interpreter_source

        s = services.settings
        languages = tuple(plan.languages) if plan is not None else ()
        # nobody is unmasked in a rehearsal: the witness sees and hears what the court will
        measures = dataclasses.replace(plan.measures, unmasked_audiences=()) if plan is not None \
            else SpecialMeasures(face_style=s.face_style, voice_preset=s.voice_preset, unmasked_audiences=())
        rehearsal = SessionPlan("REHEARSAL", "Witness", [], measures, languages=languages)
        return SessionPipeline(rehearsal, open_video_source(s), open_audio_source(s),
                               FaceMasker(style=measures.face_style or s.face_style),
                               lambda preset: VoiceMasker(preset, sample_rate=48_000),
                               interpreters={lang: demo_interpreter_source(lang) for lang in languages})

    return factory


def _witness_language(settings: Any) -> str:
    """The setting when it was chosen; "" lets the plan's interpretation language decide."""
    lang = getattr(settings, "witness_language", "en") or "en"
    return "" if lang == "en" else lang


def build_demo(args: argparse.Namespace, start_recording: bool = True, settings: Any = None) -> Services:
    """Build the demo: vault, live session on the demo witness, the three windows side by side; go
    live and start recording.  Returns the services (windows in ``services.windows``)."""
    from desktop.export_policy import EXPORT_POLICY
    from recording.session import demo_plan
    from ui.clerk.console import ClerkConsole
    from ui.review.judge import JudgeReview
    from ui.session import SessionController
    from ui.witness.station import WitnessStation

    services = _make_services(args, demo=True, settings=settings)
    languages = getattr(args, "languages", ()) or ()
    if isinstance(languages, str):  # "spa,fra" (scripts): the command line gives a checked tuple
        from recording.languages import parse_channels

        languages = parse_channels(languages)
    languages = tuple(languages)
    plan = demo_plan(languages)
    session = _session_factory(services, demo_sources=True)(plan)
    s = services.settings
    controller = SessionController(session, services.runner)
    clerk = ClerkConsole(_session_factory(services, True), services.runner, services.hub, controller,
                         high_contrast=s.high_contrast, **plan_store(services))
    witness = WitnessStation(services.hub, high_contrast=s.high_contrast, text_scale=s.text_scale,
                             language=_witness_language(s), rehearsal_factory=_rehearsal_factory(services))
    connect_witness_preferences(services, witness)
    judge = JudgeReview(services.vault, services.runner, hint=services.vault_hint(), high_contrast=s.high_contrast,
                        export_policy=EXPORT_POLICY)
    services.windows = {"clerk": clerk, "witness": witness, "judge": judge}
    _tile(list(services.windows.values()))
    for w in reversed(list(services.windows.values())):  # the clerk's console ends on top
        w.show()
    controller.go_live()
    if start_recording:
        controller.start_recording()
    return services


def _tile(windows: list[Any]) -> None:
    """Side by side when the screen is wide enough for every window's minimum width; otherwise
    cascaded, each window whole and on screen (a window manager lets the user bring any forward)."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is None or not windows:
        return
    geo = screen.availableGeometry()
    width = geo.width() // len(windows)
    if all(w.minimumSizeHint().width() <= width for w in windows):
        for i, w in enumerate(windows):
            w.resize(width, min(w.height(), geo.height()))
            w.move(geo.x() + i * width, geo.y())
        return
    step = 56
    for i, w in enumerate(windows):
        w.resize(min(w.width(), geo.width() - step * (len(windows) - 1)),
                 min(w.height(), geo.height() - step * (len(windows) - 1)))
        w.move(geo.x() + i * step, geo.y() + i * step)


def build_start(args: argparse.Namespace) -> Services:
    from desktop.export_policy import EXPORT_POLICY
    from ui.clerk.console import ClerkConsole
    from ui.review.judge import JudgeReview
    from ui.start import StartWindow
    from ui.witness.station import WitnessStation
    from vault.errors import VaultError
    from vault.store import Vault

    services = _make_services(args, demo=False)
    s = services.settings
    note = str(services.vault_dir)
    if services.settings_problem:  # the station started on the defaults: say so
        note += f"\nSettings: {services.settings_problem}."
    start = StartWindow(note=note, high_contrast=s.high_contrast)
    services.windows["start"] = start

    def open_clerk() -> None:
        if "clerk" not in services.windows:
            if not unlock_station(start, services):
                return
            cur = services.settings
            services.windows["clerk"] = ClerkConsole(_session_factory(services, cur.camera == "demo"),
                                                     services.runner, services.hub, high_contrast=cur.high_contrast,
                                                     **plan_store(services))
        services.windows["clerk"].show()
        services.windows["clerk"].raise_()

    def open_witness() -> None:
        if "witness" not in services.windows:
            cur = services.settings
            witness = WitnessStation(
                services.hub, high_contrast=cur.high_contrast, text_scale=cur.text_scale,
                language=_witness_language(cur), rehearsal_factory=_rehearsal_factory(services))
            connect_witness_preferences(services, witness)
            services.windows["witness"] = witness
        services.windows["witness"].show()
        services.windows["witness"].raise_()

    def open_remote_witness() -> None:
        """A witness station somewhere else: the join page (the court's invitation), then the hearing."""
        if "remote_witness" not in services.windows:
            from desktop.remote_witness import RemoteWitnessFlow, deliver_bundle

            cur = services.settings

            def open_vault() -> Any:
                if not unlock_station(start, services):
                    return None
                return services.vault, services.passphrase or ""

            def deliver(invite: Any, session: Any, summary: Any) -> Any:
                return deliver_bundle(session.vault, invite, services.passphrase or "")

            station = WitnessStation(high_contrast=cur.high_contrast, text_scale=cur.text_scale,
                                     language=_witness_language(cur), rehearsal_factory=_rehearsal_factory(services),
                                     join=lambda data: flow.join(data))
            connect_witness_preferences(services, station)
            flow = RemoteWitnessFlow(station, cur, services.runner, open_vault, deliver=deliver)
            station.flow = flow  # type: ignore[attr-defined]  (kept with its window)
            services.windows["remote_witness"] = station
        services.windows["remote_witness"].show()
        services.windows["remote_witness"].raise_()

    def open_judge() -> None:
        if "judge" not in services.windows:
            try:
                vault = services.vault or Vault.open(services.vault_dir)
            except VaultError:
                vault = None
            services.windows["judge"] = JudgeReview(vault, services.runner, export_policy=EXPORT_POLICY,
                                                    high_contrast=services.settings.high_contrast)
        services.windows["judge"].show()
        services.windows["judge"].raise_()

    def open_settings() -> None:
        from desktop import settings as settings_mod
        from ui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(lambda: settings_mod.load(services.settings_path),
                             lambda new: settings_mod.save(new, services.settings_path),
                             high_contrast=services.settings.high_contrast, parent=start)

        def saved(new: Any) -> None:
            apply_settings(services, new)
            if services.vault is None and "clerk" not in services.windows:
                services.vault_dir = new.vault_path
                start.set_vault_note(str(services.vault_dir))

        dlg.saved.connect(saved)
        services.windows["settings"] = dlg
        dlg.open()

    def open_interpreter() -> None:
        from desktop.interpreter_station import open_from_file

        window = open_from_file(start, services.settings.high_contrast)
        if window is not None:
            services.windows[f"interpreter-{id(window)}"] = window

    start.interpreter_requested.connect(open_interpreter)
    start.settings_requested.connect(open_settings)
    start.clerk_requested.connect(open_clerk)
    start.witness_requested.connect(open_witness)
    start.remote_witness_requested.connect(open_remote_witness)
    start.judge_requested.connect(open_judge)
    start.show()
    return services


def shutdown(services: Services) -> None:
    """End a running session (sealing what was recorded) and stop the worker."""
    hub = services.hub
    if hub is not None and hub.controller is not None:
        from recording.session import State

        c = hub.controller
        c.stop_polling()
        if c.state not in (State.ENDED, State.SEALED):
            try:
                c.session.end()
            except Exception as exc:
                log.error("ending the session on exit failed: %s", type(exc).__name__)
    remote = services.windows.get("remote_witness")
    flow = getattr(remote, "flow", None)
    if flow is not None and flow.session is not None:  # a remote hearing still open: leave it, seal
        from recording.session import State

        flow.leave()
        if flow.session.lifecycle.state not in (State.ENDED, State.SEALED):
            try:
                flow.session.end()
            except Exception as exc:
                log.error("ending the remote witness session on exit failed: %s", type(exc).__name__)
        flow.close()
    for w in services.windows.values():
        w.close()
    services.runner.shutdown(wait=True)


def run_gui(args: argparse.Namespace, mode: str = "start") -> int:
    app = create_application()
    install_qt_message_handler()
    import_cv2()
    from desktop.passphrase import NoPassphrase
    from ui.errors import user_message

    try:
        services = build_demo(args) if mode == "demo" else build_start(args)
    except NoPassphrase as exc:
        print(f"testimony-shield: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        log.error("cannot start: %s", type(exc).__name__)
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Testimony Shield", user_message(exc))
        return getattr(exc, "exit_code", 2)
    app.aboutToQuit.connect(lambda: shutdown(services))
    # SIGTERM/SIGHUP (logout, shutdown) and SIGINT leave the event loop (exit(), not quit(): a window
    # asking "end the session?" must not veto a shutdown); aboutToQuit then ends the running session
    # and seals its recordings (shutdown), and the exit code says which signal
    from desktop.signals import StopRequest

    with StopRequest() as stop:
        stop.on_stop(lambda: app.exit(0))
        heartbeat = stop.keep_qt_responsive(app)
        code = int(app.exec())
        heartbeat.stop()
    return stop.exit_code if stop.requested else code
