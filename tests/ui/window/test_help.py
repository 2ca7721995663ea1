"""The Help menu's new parts, the outside addresses, the icon and the terminal
(issue 16 items 5 and 7, issue 15 item 8)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from reader.ui.window import external
from tests.conftest import run_cli
from tests.ui.panes.test_notes_docks import activate


def test_the_shortcuts_dialog_lists_every_action_that_has_a_key(qtbot, make_window) -> None:
    from reader.ui.dialogs.shortcuts_dialog import ShortcutsDialog, keys_text

    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    QTest.keyClick(window.page_view, Qt.Key.Key_Question, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    listed = {(what, keys) for _, what, keys in dialog.listed()}
    keyed = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(keyed) >= 25
    for action in keyed:
        what = action.text().replace("&", "").rstrip("…")
        assert (what, keys_text(action)) in listed, action.objectName()
    assert len(dialog.listed()) == len(keyed)  # each once
    groups = [row[0] for row in dialog.listed()]
    assert groups.index("File") < groups.index("Go") and "Bookmarks pane" in groups
    zoom = next(keys for what, keys in listed if what == "Zoom in")
    assert "Ctrl+=" in zoom


def test_help_about_names_the_data_folder_and_its_links_ask_first(
        qtbot, monkeypatch, make_window, data_dir) -> None:
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    window = make_window()
    window.actions.actionAboutReader.trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert str(data_dir) in label.text() and "portable" in label.text()
    assert not label.openExternalLinks()
    label.linkActivated.emit("file:///etc/passwd")
    assert asked == []  # refused without a question
    label.linkActivated.emit("https://www.beyondintractability.org")
    assert asked and "beyondintractability" in asked[0]
    box.close()


def test_only_http_https_and_mailto_ever_reach_the_desktop(monkeypatch) -> None:
    opened, asked = [], []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Open)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "smb://host/x", "data:,x",
                "http:/no-host", "  ", "ftp://example.org/"):
        assert not external.confirm_and_open(None, bad)
    assert asked == [] and opened == []
    for good in ("https://example.org/a", "HTTP://example.org", "mailto:someone@example.org"):
        assert external.confirm_and_open(None, good)
    assert len(opened) == 3


def test_an_outside_link_in_a_glossary_entry_asks_first(qtbot, monkeypatch, make_window) -> None:
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail("opened"))
    window = make_window()
    window.tools.glossary_dock.definition.anchorClicked.emit(QUrl("https://example.org/x"))
    window.tools.glossary_dock.definition.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert len(asked) == 1 and "https://example.org/x" in asked[0]


def test_print_preview_is_in_the_file_menu_and_opens_the_preview(monkeypatch,
                                                                  make_window) -> None:
    from reader.ui.dialogs import print_preview

    calls = []
    monkeypatch.setattr(print_preview, "show_print_preview",
                        lambda parent, archive, slug, notes: calls.append(slug) or "Printed.")
    window = make_window("coercive-diplomacy")
    action = window.actions.actionPrintPreview
    assert action.isEnabled() and action in window.view_menu.file.actions()
    action.trigger()
    assert calls == ["coercive-diplomacy"] and window.statusBar().currentMessage() == "Printed."


def test_the_icon_comes_after_the_first_paint(qtbot, content, data_dir) -> None:
    from reader.app import create_main_window, set_icon

    QApplication.instance().setWindowIcon(type(QApplication.windowIcon())())
    window = create_main_window(content, data_dir, "about", defer_tools=True)
    qtbot.addWidget(window)
    assert QApplication.windowIcon().isNull()  # nothing of it before the first paint
    window.show()
    qtbot.waitUntil(lambda: not QApplication.windowIcon().isNull())
    assert not window.windowIcon().isNull()
    set_icon()  # once is enough
    assert 128 in [size.width() for size in QApplication.windowIcon().availableSizes()]


def test_a_screenshot_prints_no_size_hint_warnings(tmp_path, content) -> None:
    result = run_cli("--screenshot", str(tmp_path / "shot.png"), "--content", str(content),
                     "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert "propagateSizeHints" not in result.stderr
    assert result.stderr == ""
