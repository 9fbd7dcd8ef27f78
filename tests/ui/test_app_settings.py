"""desktop.app: settings saved in the dialog apply to the windows already open, and the witness's own
choices (screen language, text size, contrast) are saved back — on a temporary settings file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop import settings as settings_mod
from desktop.app import Services, apply_settings, connect_witness_preferences
from ui.clerk.console import ClerkConsole
from ui.session import SessionHub
from ui.theme import COURT, WITNESS, stylesheet
from ui.witness.station import WitnessStation


def _services(tmp_path: Path, runner, **kw) -> Services:
    path = tmp_path / "config" / "settings.json"
    settings = settings_mod.Settings(**kw)
    settings_mod.save(settings, path)
    return Services(settings, runner, SessionHub(), tmp_path / "vault", settings_path=path)


def test_witness_choices_are_saved(qtbot, runner, tmp_path):
    services = _services(tmp_path, runner, witness_language="en", text_scale=1.0)
    w = WitnessStation(services.hub, speaker_factory=None)
    qtbot.addWidget(w)
    services.windows["witness"] = w
    connect_witness_preferences(services, w)
    w.set_language("es")
    w.set_text_scale(1.3)
    w.set_high_contrast(True)
    saved = settings_mod.load(services.settings_path)
    assert (saved.witness_language, saved.text_scale, saved.high_contrast) == ("es", 1.3, True)
    assert services.settings == saved
    w.contrast.setChecked(False)  # the witness's own checkbox
    assert settings_mod.load(services.settings_path).high_contrast is False


def test_saved_settings_apply_to_open_windows(qtbot, runner, tmp_path):
    services = _services(tmp_path, runner)
    w = WitnessStation(services.hub, speaker_factory=None)
    clerk = ClerkConsole(None, runner, services.hub)
    for x in (w, clerk):
        qtbot.addWidget(x)
    services.windows.update(witness=w, clerk=clerk)
    connect_witness_preferences(services, w)
    w.set_language("fr")  # the witness's own choice, kept by the next unrelated change
    new = dataclasses.replace(services.settings, high_contrast=True, text_scale=1.6)
    settings_mod.save(new, services.settings_path)
    apply_settings(services, new)
    assert w.high_contrast and w.text_scale == 1.6 and w.language == "fr"
    assert w.styleSheet() == stylesheet(WITNESS, True, 1.6)
    assert clerk.styleSheet() == stylesheet(COURT, True)
    apply_settings(services, dataclasses.replace(new, witness_language="es"))
    assert w.language == "es"


def test_plan_store_saves_lists_and_loads_through_the_station_vault(runner, tmp_path):
    from desktop.app import plan_store
    from recording.session import demo_plan
    from tests.helpers.temp_vault import PASS, make_vault

    services = _services(tmp_path, runner)
    services.vault, services.passphrase = make_vault(tmp_path / "vault"), PASS
    store = plan_store(services)
    plan = demo_plan(("spa", "fra"))
    pid = store["save_plan"](plan)
    [(listed, label)] = store["list_plans"]()
    assert listed == pid and "DEMO-2026-001" in label
    assert store["load_plan"](pid) == plan


def test_clerk_station_asks_again_for_a_wrong_passphrase(runner, tmp_path):
    """A wrong passphrase used to be kept for the whole run (every save and session then failed with
    "That passphrase is not right" and it could not be entered again); now it is asked for again."""
    from desktop.app import unlock_station
    from tests.helpers.temp_vault import PASS, make_vault

    make_vault(tmp_path / "vault")
    services = _services(tmp_path, runner)
    answers = ["wrong one", PASS]
    problems = []

    def ask(parent, vault_dir, problem):
        problems.append(problem)
        return answers.pop(0)

    assert unlock_station(None, services, ask)
    assert problems == ["", "That passphrase is not right. Please check it and try again."]
    assert services.vault is not None and services.passphrase == PASS
    assert unlock_station(None, services, ask)  # already open: not asked again

    cancelled = _services(tmp_path, runner)
    cancelled.passphrase = "wrong, from the environment"
    assert not unlock_station(None, cancelled, lambda *_: None)
    assert cancelled.vault is None and cancelled.passphrase is None


def test_a_new_vault_gives_each_role_its_own_passphrase_typed_twice(runner, tmp_path):
    """A new vault is created from the clerk's station with one passphrase per role (security review,
    Broken 4: never one for all), each typed twice (a typo would lock the role out), all different."""
    from desktop.app import unlock_station
    from vault.store import Vault

    services = _services(tmp_path, runner)
    services.vault_dir = tmp_path / "new-vault"
    services.passphrase = "from the environment"  # not used for a new vault
    answers = ["station-pass-1", "station-pass-1",
               "short",  # too short: asked again
               "judge-pass-1", "judge-pass-2",  # a typo: asked again
               "judge-pass-1", "judge-pass-1",
               "station-pass-1",  # already the station's: asked again
               "clerk-pass-1", "clerk-pass-1", "defence-pass-1", "defence-pass-1"]
    problems = []

    def ask(parent, vault_dir, problem):
        problems.append(problem)
        return answers.pop(0)

    assert unlock_station(None, services, ask)
    assert not answers
    assert "shorter than 8" in problems[3] and "not the same" in problems[5]
    assert "already the station's" in problems[8] and "again to confirm" in problems[1]
    assert Vault.exists(services.vault_dir) and services.passphrase == "station-pass-1"
    assert services.new_vault_passphrases is None  # the other roles' passphrases are not kept
    v = Vault.open(services.vault_dir)
    assert v.shared_passphrase_roles() == []
    for role in ("judge", "clerk", "defence"):
        v.unlock(role, f"{role}-pass-1")
