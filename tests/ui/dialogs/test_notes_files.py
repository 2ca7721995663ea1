"""File > Export, Import and Restore from backup, driven from the window."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from reader.ui.dialogs import notes_files
from reader.ui.dialogs.notes_files import JSON, RestoreDialog, confirm_replacing, restore_dialog
from reader.userdata.backups import holding_now, list_backups, make_daily_backup, newer_than
from reader.userdata.daily import DailyBackup
from reader.userdata.store import UserStore


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


def test_restore_from_backup_through_the_file_menu(monkeypatch, make_window) -> None:
    window = make_window("about")
    window.notes.add("about", "About", "kept in the backup")
    window.store.daily.wait()
    for backup in list_backups(window.store.path):
        backup.path.unlink()  # only the backup made below
    make_daily_backup(window.store.path, dt.date(2026, 11, 20))
    window.notes.add("about", "About", "written after it")
    shown = []

    def choose_the_backup(dialog: RestoreDialog) -> int:
        shown.extend(dialog.rows())
        dialog.choose(0)
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose_the_backup)
    monkeypatch.setattr(notes_files, "confirm_replacing", lambda *a: True)
    window.actions.actionRestoreBackup.trigger()
    assert shown[1].startswith("Friday, November 20, 2026; 1; 0; ")
    assert [n.text for n in window.notes.all()] == ["kept in the backup"]
    assert "Restored the backup of" in window.statusBar().currentMessage()


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> UserStore:
    """Two notes and a bookmark in the backup of November 20; a third note written since."""
    monkeypatch.setattr(DailyBackup, "__call__", lambda self, changes: None)
    opened = UserStore.open(tmp_path / "data")
    opened.notes.add("about", "About", "one")
    opened.notes.add("about", "About", "two")
    opened.bookmarks.add("about", "About")
    make_daily_backup(opened.path, dt.date(2026, 11, 20))
    opened.notes.add("about", "About", "written after the backup")
    return opened


def test_the_dialog_shows_each_backup_beside_now_and_chooses_nothing(qtbot, store) -> None:
    dialog = RestoreDialog(list_backups(store.path, with_copies=True), holding_now(store))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = dialog.rows()
    today = dt.date.today()
    assert rows[0] == f"Now (what you have); 3; 1; {today:%B} {today.day}, {today.year}"
    assert rows[1].startswith("Friday, November 20, 2026; 2; 1; ")
    assert dialog.chosen() is None and not dialog.restore.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default button is Cancel
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert store.notes.count() == 3


def test_the_now_row_cannot_be_chosen(qtbot, store) -> None:
    dialog = RestoreDialog(list_backups(store.path), holding_now(store))
    qtbot.addWidget(dialog)
    dialog.list.topLevelItem(0).setSelected(True)
    assert dialog.chosen() is None and not dialog.restore.isEnabled()
    dialog.choose(0)
    assert dialog.chosen() is not None and dialog.restore.isEnabled()


def test_a_restore_that_would_replace_newer_notes_asks_first(qtbot, store,
                                                             monkeypatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    asked = []
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: dialog.choose(0) or 1)
    monkeypatch.setattr(notes_files, "confirm_replacing",
                        lambda parent, backup, newer: asked.append(newer.notes) or False)
    assert restore_dialog(parent, store) == ""
    assert asked == [1] and store.notes.count() == 3  # declined: nothing replaced
    monkeypatch.setattr(notes_files, "confirm_replacing", lambda *a: True)
    said = restore_dialog(parent, store)
    assert "Restored the backup of Friday, November 20, 2026" in said
    assert store.notes.count() == 2


def test_the_copy_kept_before_a_restore_is_offered_to_undo_it(qtbot, store,
                                                             monkeypatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    listed = []

    def choose_first(dialog: RestoreDialog) -> int:
        listed.append(dialog.rows())
        dialog.choose(0)
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose_first)
    monkeypatch.setattr(notes_files, "confirm_replacing", lambda *a: True)
    restore_dialog(parent, store)
    assert store.notes.count() == 2
    restore_dialog(parent, store)  # the newest is now the copy kept before the restore
    assert listed[1][1].startswith("Kept before the restore of ")
    assert "; 3; 1; " in listed[1][1]
    assert {n.text for n in store.notes.all()} == {"one", "two", "written after the backup"}


def test_a_restore_of_a_backup_holding_everything_asks_nothing(qtbot, store,
                                                                monkeypatch) -> None:
    make_daily_backup(store.path, dt.date(2026, 11, 21))
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: dialog.choose(0) or 1)
    monkeypatch.setattr(notes_files, "confirm_replacing", lambda *a: pytest.fail("asked"))
    assert restore_dialog(parent, store).startswith("Restored")
    assert store.notes.count() == 3


def test_the_question_before_replacing_says_what_and_defaults_to_cancel(qtbot,
                                                                        store) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    [backup] = list_backups(store.path)
    seen = []

    def answer_with_enter() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen.append((box.text(), box.defaultButton().text()))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_with_enter)
    assert confirm_replacing(None, backup, newer_than(store, backup)) is False
    text, default = seen[0]
    assert text.startswith("You have 1 note that the backup of Friday, November 20, 2026")
    assert default == "Cancel"
