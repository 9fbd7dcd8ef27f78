"""Session timeline: planned breaks (outlined) and actual breaks (filled) over session time, with the
questioning stretches between them and a "now" line.  Times are seconds of session time; the widget
only paints what it is given (:meth:`Timeline.set_data`), so it is tested without a session.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from common.clock import format_clock
from recording.schedule import Span

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "Widgets")

__all__ = ["Span", "Timeline"]


def _clock(seconds: float) -> str:
    return format_clock(max(0, round(seconds)), minute_digits=1)


class Timeline(QWidget):
    PLANNED = QColor("#2f5d8a")
    WITNESS = QColor("#c98a2b")
    CLERK = QColor("#4f7c78")
    NOW = QColor("#b3412f")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = 0.0
        self.planned: list[Span] = []
        self.actual: list[Span] = []
        self.span = 30 * 60.0
        self.painted = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(74)
        self.setAccessibleName(translate("Widgets", "Session timeline of planned and actual breaks"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        return QSize(600, 78)

    def set_data(self, now: float, planned: list[Span], actual: list[Span], span: float | None = None) -> None:
        self.now = max(0.0, now)
        self.planned = list(planned)
        self.actual = list(actual)
        ends = [self.now] + [s.end or self.now for s in self.planned + self.actual]
        self.span = span if span is not None else max(60.0, max(ends) * 1.08)
        parts = [translate("Widgets", "now {time}").format(time=_clock(self.now))]
        parts += [translate("Widgets", "planned break at {time}").format(time=_clock(s.start))
                  for s in self.planned if s.start >= self.now][:2]
        parts += [(translate("Widgets", "witness break at {time}") if s.label == "witness" else
                   translate("Widgets", "clerk break at {time}")).format(time=_clock(s.start))
                  + ("" if s.end is not None else " " + translate("Widgets", "(running)")) for s in self.actual]
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def _x(self, t: float, left: float, width: float) -> float:
        return left + width * max(0.0, min(1.0, t / self.span))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.windowText().color()
        muted = QColor(text)
        muted.setAlpha(150)
        left, right = 8.0, float(self.width() - 8)
        width = max(1.0, right - left)
        track_top, track_h = 18.0, 26.0
        # the questioning track
        p.setPen(Qt.PenStyle.NoPen)
        base = QColor(text)
        base.setAlpha(28)
        p.setBrush(base)
        p.drawRoundedRect(QRectF(left, track_top, width, track_h), 5, 5)
        # planned breaks: outlined, dashed
        pen = QPen(self.PLANNED, 2, Qt.PenStyle.DashLine)
        for s in self.planned:
            x1 = self._x(s.start, left, width)
            x2 = self._x(s.end if s.end is not None else s.start, left, width)
            fill = QColor(self.PLANNED)
            fill.setAlpha(40)
            p.setPen(pen)
            p.setBrush(fill)
            p.drawRect(QRectF(x1, track_top - 4, max(3.0, x2 - x1), track_h + 8))
        # actual breaks: filled
        p.setPen(Qt.PenStyle.NoPen)
        for s in self.actual:
            x1 = self._x(s.start, left, width)
            x2 = self._x(s.end if s.end is not None else self.now, left, width)
            p.setBrush(self.WITNESS if s.label == "witness" else self.CLERK)
            p.drawRect(QRectF(x1, track_top + 3, max(3.0, x2 - x1), track_h - 6))
        # now
        xn = self._x(self.now, left, width)
        p.setPen(QPen(self.NOW, 2))
        p.drawLine(int(xn), int(track_top - 8), int(xn), int(track_top + track_h + 6))
        # time ticks
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        p.setFont(font)
        step = next((s for s in (60, 120, 300, 600, 900, 1800, 3600) if self.span / s <= 8), 7200)
        p.setPen(muted)
        t = 0.0
        while t <= self.span:
            x = self._x(t, left, width)
            p.drawLine(int(x), int(track_top + track_h), int(x), int(track_top + track_h + 4))
            lx0 = min(max(0.0, x - 30), self.width() - 60.0)
            p.drawText(QRectF(lx0, track_top + track_h + 4, 60, 16), Qt.AlignmentFlag.AlignCenter, _clock(t))
            t += step
        # legend
        lx = left
        for colour, label, dashed in ((self.PLANNED, translate("Widgets", "planned break"), True),
                                      (self.WITNESS, translate("Widgets", "witness break"), False),
                                      (self.CLERK, translate("Widgets", "clerk break"), False),
                                      (self.NOW, translate("Widgets", "now"), False)):
            if dashed:
                p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
            p.drawRect(QRectF(lx, 3, 12, 10))
            p.setPen(muted)
            w = p.fontMetrics().horizontalAdvance(label)
            p.drawText(QRectF(lx + 16, 0, w + 4, 16), Qt.AlignmentFlag.AlignVCenter, label)
            lx += w + 36
        if self.hasFocus():  # keyboard focus is drawn (its description is read out)
            p.setPen(QPen(pal.highlight().color(), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(1, 1, self.width() - 2, self.height() - 2), 4, 4)
        p.end()
        self.painted += 1
