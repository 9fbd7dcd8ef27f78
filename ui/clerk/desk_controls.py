"""An interpreter desk's controls under its channel in the clerk's channel matrix: who is on air,
"Hand over to …" (crossfaded, no gap) and the relay choice (what the interpreters listen to: the floor
or another language channel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import language_name


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
        self.live.setAccessibleName(f"{name} interpreter on air")
        row.addWidget(self.live)
        self.button = QPushButton("")
        self.button.setAccessibleName(f"Hand the {name} channel over to the other interpreter")
        self.button.clicked.connect(lambda _=False: self.hand_over())
        row.addWidget(self.button)
        self.relay = QComboBox()
        self.relay.setAccessibleName(f"What the {name} interpreters listen to")
        for ch in desks.relay_choices(lang):
            self.relay.addItem("Listens to the floor" if ch == "floor" else
                               f"Relay from {language_name(ch, native=False)} ({ch})", ch)
        self.relay.setCurrentIndex(max(0, self.relay.findData(desks.relay(lang))))
        self.relay.currentIndexChanged.connect(lambda _i: self.set_relay(self.relay.currentData()))
        row.addWidget(self.relay)
        self.refresh()

    def refresh(self) -> None:
        active, nxt = self.desks.active(self.lang), self.desks.next_interpreter(self.lang)
        self.live.setText(f"On air: {active}")
        self.button.setText(f"Hand over to {nxt}" if nxt else "No second interpreter")
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
