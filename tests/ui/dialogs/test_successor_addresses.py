"""The window's notice and details of the successor course, from a course.yaml whose addresses
are javascript: and file:: shown as text, never offered to open (issue 15, item 8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from tests.render.test_content_addresses import hostile_archive


def test_hostile_successor_addresses_are_text_in_the_window(qtbot, monkeypatch, content: Path,
                                                          make_window) -> None:
    asked, opened = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or
                        QMessageBox.StandardButton.Open)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    hostile_archive(content)
    window = make_window("hostile-page")
    notice = window.findChild(QWidget, "successorNotice")
    assert notice.isVisible() and "href" not in notice.label.text()
    qtbot.mouseClick(window.findChild(QPushButton, "noticeDetails"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QWidget, "successorDialog")
    buttons = [b.text() for b in dialog.findChildren(QPushButton)]
    assert not [text for text in buttons if text.startswith("Open")], buttons
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "javascript:alert(1)" in shown and "file:///etc/passwd" in shown  # as text
    assert "<a " not in shown
    window.router.route("javascript:alert(1)")  # as a page's link would ask
    window.router.route("file:///etc/passwd")
    assert asked == [] and opened == []
