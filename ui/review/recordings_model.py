"""The judge's list of sealed recordings as a Qt model: :class:`RecordingsModel` holds the vault's
recordings sorted by case and session; :class:`RecordingsFilter` (a ``QSortFilterProxyModel``) shows
one case and the rows matching every word typed in the filter box.

Display text per column is :func:`recording_cells`; ``ID_ROLE`` gives a row's recording id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from common.clock import format_clock
from ui.labels import role_label
from vault.store import NON_MEDIA_KINDS

COLUMNS = (QT_TRANSLATE_NOOP("JudgeReview", "Case"), QT_TRANSLATE_NOOP("JudgeReview", "Kind"),
           QT_TRANSLATE_NOOP("JudgeReview", "Created"), QT_TRANSLATE_NOOP("JudgeReview", "Duration"),
           QT_TRANSLATE_NOOP("JudgeReview", "Sealed"), QT_TRANSLATE_NOOP("JudgeReview", "Session"))
#: the vault's recording kinds, as the judge reads them (others are shown as they are)
KINDS = {"masked": QT_TRANSLATE_NOOP("JudgeReview", "masked"), "raw": QT_TRANSLATE_NOOP("JudgeReview", "raw"),
         "plan": QT_TRANSLATE_NOOP("JudgeReview", "plan"), "session": QT_TRANSLATE_NOOP("JudgeReview", "session")}
translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "JudgeReview")


def kind_label(kind: object) -> str:
    text = KINDS.get(str(kind))
    return translate("JudgeReview", text) if text else str(kind)
ID_ROLE = Qt.ItemDataRole.UserRole

ModelIndex = QModelIndex | QPersistentModelIndex


def fmt_time(seconds: float) -> str:
    return format_clock(max(0.0, seconds))


def session_of(r: Any) -> str:
    """The session a recording belongs to: its ``session`` meta, else when the session started."""
    m = r.meta
    if m.get("link_session"):  # a remote hearing: what the court received and the witness station's own
        return f"remote hearing {str(m['link_session'])[:8]}"
    s = m.get("session") or m.get("started") or (r.created or "")[:16]
    label = str(s).replace("T", " ").rstrip("Z")[:16]
    if m.get("witness"):
        label += f" · {m['witness']}"
    return label


def recording_cells(r: Any) -> list[str]:
    """The row of ``r``: case, kind (a watermarked copy names its recipient; plans and session
    records say they are not playable), created, duration, sealed and session."""
    m = r.meta
    dur = m.get("duration")
    kind = kind_label(m.get("kind", "—"))
    if m.get("derived_from"):
        kind = translate("JudgeReview", "{kind} copy ({recipient})").format(
            kind=kind, recipient=role_label(m.get("recipient", "?")).lower())
    if m.get("kind") in NON_MEDIA_KINDS:
        kind = translate("JudgeReview", "{kind} (record, not playable)").format(kind=kind)
    elif m.get("kind") == "received-masked":
        kind = translate("JudgeReview", "masked, as the court received it over the link")
    elif m.get("origin") == "witness-station":
        kind = translate("JudgeReview", "{kind}, the witness station's own (full quality)").format(kind=kind)
    return [str(m.get("case_number", "—")), kind, (r.created or "")[:16].replace("T", " "),
            fmt_time(float(dur)) if dur is not None else "—",
            translate("JudgeReview", "sealed") if r.sealed else translate("JudgeReview", "open"), session_of(r)]


class RecordingsModel(QAbstractTableModel):
    """The vault's recordings that are not shredded, sorted by case, session and creation time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._recs: list[Any] = []
        self._cells: list[list[str]] = []

    def set_recordings(self, recs: list[Any]) -> None:
        self.beginResetModel()
        self._recs = sorted((r for r in recs if not getattr(r, "shredded", False)),
                            key=lambda r: (str(r.meta.get("case_number", "")), session_of(r), r.created or ""))
        self._cells = [recording_cells(r) for r in self._recs]
        self.endResetModel()

    def recordings(self) -> list[Any]:
        return list(self._recs)

    def recording(self, row: int) -> Any:
        return self._recs[row]

    def cases(self) -> list[str]:
        return sorted({str(r.meta.get("case_number", "")) for r in self._recs} - {""})

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (an invalid index, as Qt)
        return 0 if parent.isValid() else len(self._recs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (an invalid index, as Qt)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == ID_ROLE:
            return self._recs[index.row()].id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("JudgeReview", COLUMNS[section])
        return super().headerData(section, orientation, role)


class RecordingsFilter(QSortFilterProxyModel):
    """Rows of one case (``""``: every case) containing every word of the filter text, in the words
    of the case, kind, witness, session, id or recipient.  Keeps the source's order."""

    def __init__(self, source: RecordingsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._case = ""
        self._words: list[str] = []
        self.setSourceModel(source)

    def set_case(self, case: str) -> None:
        self._refilter(lambda: setattr(self, "_case", case))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.lower().split()))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "endFilterChange"):  # Qt >= 6.10 (invalidateRowsFilter is deprecated there)
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        r = self._source.recording(source_row)
        m = r.meta
        if self._case and str(m.get("case_number", "")) != self._case:
            return False
        hay = " ".join(str(x) for x in (m.get("case_number", ""), m.get("kind", ""), m.get("witness", ""),
                                         session_of(r), r.id, m.get("recipient", ""))).lower()
        return all(w in hay for w in self._words)

    def recording(self, row: int) -> Any:
        return self._source.recording(self.mapToSource(self.index(row, 0)).row())

    def recordings(self) -> list[Any]:
        return [self.recording(row) for row in range(self.rowCount())]

    def row_of(self, rec_id: str) -> int:
        return next((row for row in range(self.rowCount()) if self.recording(row).id == rec_id), -1)
