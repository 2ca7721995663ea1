"""Page info and Help > Verify archive, driven from the window."""

from __future__ import annotations

from PySide6.QtCore import QMargins
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton


def test_page_info_shows_provenance_and_copies_the_citation(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    assert window.actions.actionPageInfo.shortcut().toString() == "Ctrl+I"
    window.actions.actionPageInfo.trigger()
    dialog = window.findChild(QLabel, "citation").window()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "coercdip.htm" in shown and "Copyright 1998" in shown and "Yes." in shown
    dialog.findChild(QPushButton, "copyCitation").click()
    citation = QApplication.clipboard().text()
    assert "Coercive Diplomacy" in citation and "Archived copy" in citation


def test_verify_reports_a_changed_file(qtbot, make_window, content) -> None:
    window = make_window("about")
    window.actions.actionVerifyArchive.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "verifyResult") is not None)
    assert "intact" in window.findChild(QMessageBox, "verifyResult").text()
    window.findChild(QMessageBox, "verifyResult").setObjectName("")
    page = content / "pages" / "coercive-prevention.md"
    page.write_bytes(page.read_bytes().replace(b"Kosovo", b"Kosova"))
    window.actions.actionVerifyArchive.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "verifyResult") is not None)
    result = window.findChild(QMessageBox, "verifyResult")
    assert "not as MANIFEST.sha256 lists" in result.text()
    assert "changed: pages/coercive-prevention.md" in result.detailedText()


def test_export_classroom_copy_from_the_file_menu(qtbot, monkeypatch, tmp_path,
                                                  make_window) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "classroom"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    window = make_window("about")
    window.actions.actionExportSite.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportResult") is not None,
                    timeout=20000)
    assert (target / "index.html").is_file() and (target / "coercive-diplomacy.html").is_file()
    assert "needs no internet" in window.findChild(QMessageBox, "exportResult").text()


def test_page_info_from_the_window_opens_at_the_size_its_user_gave_it(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    window.actions.actionPageInfo.trigger()
    dialog = window.findChild(QLabel, "citation").window()
    wider = dialog.size().grownBy(QMargins(0, 0, 120, 60))
    dialog.resize(wider)
    dialog.accept()
    window.actions.actionPageInfo.trigger()
    again = next(label.window() for label in window.findChildren(QLabel, "citation")
                 if label.window() is not dialog)
    assert again.size() == wider
