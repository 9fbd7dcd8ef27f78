"""Judge review: private notes at the playback position, the export dialog (watermarked copy, plain
file only after the confirmation), the share dialog with an expiry, filtering by case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer

from ui.review.dialogs import ExportDialog


def test_notes_panel_add_list_jump(qtbot, runner, unlocked_judge, sealed_vault):
    v, rec_id = sealed_vault
    w = unlocked_judge(v)
    with qtbot.waitSignal(w.recording_opened, timeout=5000):
        w.play_row(0)
    player = w.player
    qtbot.waitUntil(lambda: player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=5000)
    player.pause()
    w.seek_ms(2000)
    qtbot.waitUntil(lambda: abs(player.position() - 2000) < 150, timeout=3000)
    w.note_edit.setText("Hesitation before the answer")
    qtbot.mouseClick(w.add_note_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.notes_list.count() == 1, timeout=5000)
    assert "Hesitation" in w.notes_list.item(0).text() and w.notes_list.item(0).text().startswith("00:02")
    assert w.note_edit.text() == ""
    # stored encrypted, readable back through the vault, never in clear on disk
    ident = v.unlock("judge", v.passphrase)
    (n,) = v.notes(rec_id, ident)
    assert abs(n.at - 2.0) < 0.2 and n.text == "Hesitation before the answer"
    assert not any(b"Hesitation" in p.read_bytes() for p in v.root.rglob("*") if p.is_file())
    # clicking the note jumps there
    w.seek_ms(200)
    qtbot.waitUntil(lambda: player.position() < 500, timeout=3000)
    w._jump(w.notes_list.item(0))
    qtbot.waitUntil(lambda: abs(player.position() - 2000) < 200, timeout=3000)
    qtbot.waitUntil(lambda: any(w.audit.item(r, 1).text() == "note" for r in range(w.audit.rowCount())),
                    timeout=5000)
    w.seek_ms(0)
    qtbot.waitUntil(lambda: player.position() < 500, timeout=3000)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 600, timeout=5000)
    w.close()


def test_export_dialog_watermarked_copy_and_plain(qtbot, runner, unlocked_judge, sealed_vault, tmp_path):
    v, rec_id = sealed_vault
    w = unlocked_judge(v)
    w.table.selectRow(0)
    d = w.open_export_dialog()
    assert isinstance(d, ExportDialog) and d.copy_radio.isChecked()
    assert not d.ok_btn.isEnabled()  # no reason yet
    d.role.setCurrentIndex(d.role.findData("defence"))
    d.reason.setText("disclosure to the defence")
    assert d.ok_btn.isEnabled()
    d.ok_btn.click()
    qtbot.waitUntil(lambda: "Watermarked copy" in w.message.text(), timeout=30000)
    copies = [r for r in v.list() if r.meta.get("derived_from") == rec_id]
    assert len(copies) == 1 and copies[0].meta["recipients"] == ["defence"]
    assert "DEFENCE COPY" in copies[0].meta["watermark"]
    qtbot.waitUntil(lambda: w.table.model().rowCount() == 2, timeout=5000)
    assert any("copy (defence)" in w.table.model().index(r, 1).data() for r in range(2))

    # plain: needs the confirmation box ticked
    row = next(r for r in range(w.table.model().rowCount()) if w.recordings[r].id == rec_id)
    w.table.selectRow(row)
    d = w.open_export_dialog()
    d.plain_radio.setChecked(True)
    out = tmp_path / "plain.mkv"
    d.path.setText(str(out))
    d.reason.setText("court archive")
    assert not d.ok_btn.isEnabled()
    d.confirm.setChecked(True)
    assert d.ok_btn.isEnabled()
    d.ok_btn.click()
    qtbot.waitUntil(lambda: "NOT encrypted" in w.message.text(), timeout=30000)
    assert out.exists() and out.read_bytes()[:4] == b"\x1a\x45\xdf\xa3"
    plain = [e for e in v.audit_entries() if e.event == "export" and e.details.get("plain")]
    assert plain and plain[-1].details["reason"] == "court archive"
    assert v.verify().ok
    w.close()


def test_raw_recording_cannot_be_copied_for_another_role(qtbot, runner, unlocked_judge, sealed_vault):
    v, _ = sealed_vault
    w = unlocked_judge(v)
    d = ExportDialog("x — raw", ["defence", "judge"], "raw", need_station=True, parent=w)
    d.reason.setText("r")
    assert not d.ok_btn.isEnabled()  # raw to the defence, and the station passphrase missing
    d.role.setCurrentIndex(d.role.findData("judge"))
    d.station.setText("pw")
    assert d.ok_btn.isEnabled()
    w.close()


def test_share_dialog_and_expiry(qtbot, runner, unlocked_judge, sealed_vault):
    v, rec_id = sealed_vault
    w = unlocked_judge(v)
    w.table.selectRow(0)
    d = w.open_share_dialog()
    d.role.setCurrentIndex(d.role.findData("defence"))
    when = datetime.now(UTC) + timedelta(days=2)
    d.set_expiry(when)
    d.reason.setText("defence preparation")
    d.ok_btn.click()
    qtbot.waitUntil(lambda: "Shared with the defence" in w.message.text(), timeout=10000)
    (s,) = v.shares(rec_id)
    assert s.role == "defence" and abs(datetime.fromisoformat(s.expires.replace("Z", "+00:00")) - when) < timedelta(
        seconds=61)
    defence = v.unlock("defence", v.passphrase)
    v.open_reader(rec_id, defence).close()
    v.clock = lambda: when + timedelta(minutes=2)
    import pytest

    from vault.errors import AccessDenied

    with pytest.raises(AccessDenied, match="share expired"):
        v.open_reader(rec_id, defence)
    w.close()


def test_filter_by_case(qtbot, runner, unlocked_judge, sealed_vault, mkv_bytes):
    v, _ = sealed_vault
    wr = v.create_recording({"case_number": "T2026-9999", "kind": "masked", "started": "2026-06-01T09:00:00Z",
                             "witness": "W-7"}, ["judge"])
    wr.write(mkv_bytes[:1000])
    wr.seal()
    w = unlocked_judge(v)
    assert w.table.model().rowCount() == 2 and w.case_filter.count() == 3
    w.case_filter.setCurrentIndex(w.case_filter.findData("T2026-9999"))
    assert w.table.model().rowCount() == 1 and w.table.model().index(0, 0).data() == "T2026-9999"
    assert "W-7" in w.table.model().index(0, 5).data()
    w.case_filter.setCurrentIndex(0)
    w.filter_edit.setText("0142")
    assert w.table.model().rowCount() == 1 and w.table.model().index(0, 0).data() == "T2026-0142"
    w.close()
