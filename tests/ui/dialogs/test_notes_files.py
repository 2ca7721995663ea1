"""File > Export, Import and Restore from backup, driven from the window."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.ui.dialogs.notes_files import JSON, RestoreDialog
from reader.userdata.backups import make_daily_backup


def test_export_then_import_through_the_file_menu(monkeypatch, tmp_path, make_window) -> None:
    window = make_window("about")
    window.notes.add("about", "About this archive", "for the trainers")
    target = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), JSON))
    window.actions.actionExportNotes.trigger()
    assert json.loads(target.read_text(encoding="utf-8"))["notes"][0]["text"] == (
        "for the trainers")
    window.notes.delete(window.notes.all()[0].id)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    window.actions.actionImportNotes.trigger()
    assert [n.text for n in window.notes.all()] == ["for the trainers"]
    assert "Imported 1 note and 0 bookmarks" in window.statusBar().currentMessage()


def test_a_bad_import_says_so_and_changes_nothing(monkeypatch, tmp_path, make_window) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    window = make_window("about")
    window.actions.actionImportNotes.trigger()
    assert "is not an OTPIC Reader export" in warnings[0]
    assert window.notes.all() == []


def test_restore_from_backup_lists_dates_and_counts(monkeypatch, make_window) -> None:
    window = make_window("about")
    window.notes.add("about", "About", "kept in the backup")
    make_daily_backup(window.store.path, dt.date(2026, 11, 20))
    window.notes.add("about", "About", "written after it")
    shown = []

    def choose_first(dialog: RestoreDialog) -> int:
        shown.append(dialog.list.item(0).text())
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose_first)
    window.actions.actionRestoreBackup.trigger()
    assert shown == ["Friday, November 20, 2026: 1 note, 0 bookmarks"]
    assert [n.text for n in window.notes.all()] == ["kept in the backup"]
    assert "Restored" in window.statusBar().currentMessage()
