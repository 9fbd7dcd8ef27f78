"""An interpreter desk's controls under its channel in the clerk's channel matrix: who is on air,
"Hand over to …" (crossfaded, no gap) and the relay choice (what the interpreters listen to: the floor
or another language channel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import language_name

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")


class DeskControls(QWidget):
    """The desk of ``lang`` in ``desks`` (``recording.audio.mixer.InterpreterDesks``).  ``changed`` runs
    after a hand-over or a relay change (the console polls the session's event log); ``running()`` says
    whether the session can still hand over."""

    def __init__(self, desks: Any, lang: str, changed: Callable[[], None], running: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desks = desks
        self.lang = lang
        self._changed = changed
        self._running = running
        name = language_name(lang, native=False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.live = QLabel("")
        self.live.setAccessibleName(translate("ClerkConsole", "{language} interpreter on air").format(language=name))
        row.addWidget(self.live)
        self.button = QPushButton("")
        self.button.setAccessibleName(translate("ClerkConsole", "Hand the {language} channel over to the other "
                                                "interpreter").format(language=name))
        self.button.setAccessibleDescription(translate("ClerkConsole", "Crossfaded, without a gap"))
        self.button.clicked.connect(lambda _=False: self.hand_over())
        row.addWidget(self.button)
        self.relay = QComboBox()
        self.relay.setAccessibleName(translate("ClerkConsole", "What the {language} interpreters listen to").format(
            language=name))
        self.relay.setAccessibleDescription(translate("ClerkConsole", "The floor, or another language for relay"))
        for ch in desks.relay_choices(lang):
            self.relay.addItem(translate("ClerkConsole", "Listens to the floor") if ch == "floor" else
                               translate("ClerkConsole", "Relay from {language} ({code})").format(
                                   language=language_name(ch, native=False), code=ch), ch)
        self.relay.setCurrentIndex(max(0, self.relay.findData(desks.relay(lang))))
        self.relay.currentIndexChanged.connect(lambda _i: self.set_relay(self.relay.currentData()))
        row.addWidget(self.relay)
        self.refresh()

    def refresh(self) -> None:
        active, nxt = self.desks.active(self.lang), self.desks.next_interpreter(self.lang)
        self.live.setText(translate("ClerkConsole", "On air: {name}").format(name=active))
        self.button.setText(
            translate("ClerkConsole", "Hand over to {name}").format(name=nxt)
            if nxt
            else translate("ClerkConsole", "No second interpreter")
        )
        self.button.setEnabled(nxt is not None and self._running())

    def hand_over(self, to: str | None = None) -> None:
        """Hand the channel to ``to`` (default: the other interpreter), crossfaded, no gap."""
        self.desks.hand_over(self.lang, to)
        self.refresh()
        self._changed()

    def set_relay(self, channel: str) -> None:
        self.desks.set_relay(self.lang, channel)
        i = self.relay.findData(channel)
        if i != self.relay.currentIndex():
            self.relay.blockSignals(True)
            self.relay.setCurrentIndex(i)
            self.relay.blockSignals(False)
        self._changed()
