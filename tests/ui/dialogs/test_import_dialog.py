"""File > Import saved pages…: the chooser, the worker with its progress, and a cancel."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from reader.ui.dialogs import import_dialog
from tests.capture.site_copy import files_in, wget_tree


def told(monkeypatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(import_dialog, "tell",
                        lambda parent, icon, text, details="": said.append((text, details)))
    return said


def test_a_folder_chosen_is_imported_and_the_archive_changes(qtbot, monkeypatch, tmp_path,
                                                            content: Path) -> None:
    said = told(monkeypatch)
    copy = wget_tree(tmp_path / "mirror")
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: box.findChild(QPushButton, "importFolder").click())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(copy))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert import_dialog.import_saved_pages(parent, content) is True
    assert (content / "pages" / "refusal-to-negotiate.md").is_file()
    assert "new" in said[0][0] and said[0][1] == ""
    assert import_dialog.run_import(parent, [copy], content) is False  # nothing changes now
    assert "nothing changed" in said[1][0]


def test_cancel_in_the_progress_dialog_leaves_the_archive_as_it_was(
        qtbot, monkeypatch, tmp_path, content: Path) -> None:
    said = told(monkeypatch)
    real = import_dialog.import_saved_copies

    def slow(paths, into, *, progress, cancelled):
        progress(1, 10)
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(paths, into, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(import_dialog, "import_saved_copies", slow)

    before = files_in(content)
    parent = QWidget()
    qtbot.addWidget(parent)

    def press_cancel() -> None:
        dialog = parent.findChild(QProgressDialog, "importProgress")
        if dialog is None:
            QTimer.singleShot(50, press_cancel)
        else:
            dialog.findChild(QPushButton).click()  # its Cancel button, as a user presses it

    QTimer.singleShot(50, press_cancel)
    assert import_dialog.run_import(parent, [wget_tree(tmp_path / "mirror")], content) is False
    assert files_in(content) == before
    assert said == [("The import was cancelled; the archive was left as it was.", "")]


def test_what_was_refused_is_in_the_details(qtbot, monkeypatch, tmp_path, content) -> None:
    said = told(monkeypatch)
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear friend, nothing of the course here.\n", encoding="utf-8")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert import_dialog.run_import(parent, [letter], content) is False
    assert "none of the marks of an OTPIC page" in said[0][1]


def test_the_archive_installed_with_the_program_is_never_imported_into(qtbot,
                                                                       monkeypatch) -> None:
    from tests.conftest import BUNDLED

    said = told(monkeypatch)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: (_ for _ in ()).throw(AssertionError))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert import_dialog.import_saved_pages(parent, BUNDLED) is False
    assert "not changed by imports" in said[0][0]
