"""Bookmarks and notes in the window, driven as a reader would, across restarts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from reader.ui.dialogs.note_dialog import NoteDialog
from reader.userdata.bookmarks import Bookmarks


@pytest.fixture
def write_note(monkeypatch):
    """The note dialog answers with the given text, as if the reader typed it and saved."""
    typed: list[str] = []

    def fake_exec(dialog: NoteDialog) -> int:
        dialog.editor.setPlainText(typed.pop(0))
        return 1

    monkeypatch.setattr(NoteDialog, "exec", fake_exec)
    return typed


def bookmark_rows(window) -> list[str]:
    view = window.findChild(QListView, "bookmarksList")
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def note_rows(window) -> list[str]:
    """Each note as "page title | its row", the way the pane groups them under their page."""
    from reader.ui.panes.notes_model import NOTE_ROLE

    model = window.findChild(QListView, "notesList").model()
    rows, page = [], ""
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        if index.data(NOTE_ROLE) is None:
            page = index.data().split("\n")[0]
        else:
            rows.append(f"{page} | " + "\n".join(line.strip()
                                                  for line in index.data().split("\n")))
    return rows


def activate(qtbot, window) -> None:
    """Shortcuts reach only the active window, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.page_view.setFocus()


def select_text(window, text: str) -> None:
    document_text = window.page_view.toPlainText()
    start = document_text.index(text)
    window.page_view.select_span(start, start + len(text))


def test_ctrl_d_bookmarks_the_page_and_it_survives_a_restart(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    action = window.actions.actionBookmark
    assert action.shortcut().toString() == "Ctrl+D"
    qtbot.keyClick(window.page_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert action.isChecked()
    assert bookmark_rows(window)[0].startswith("Coercive Diplomacy")
    window.close()
    again = make_window("coercive-diplomacy")
    assert again.actions.actionBookmark.isChecked()
    assert bookmark_rows(again)[0].startswith("Coercive Diplomacy")
    again.actions.actionBookmark.trigger()
    assert bookmark_rows(again) == [] and not again.actions.actionBookmark.isChecked()


def test_a_note_on_a_selection_is_highlighted_and_survives_a_restart(
        qtbot, make_window, write_note) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    select_text(window, "the threat must be credible")
    write_note.append("Ask the group what makes a threat believable.")
    qtbot.keyClick(window.page_view, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert note_rows(window) == ["Coercive Diplomacy | “the threat must be credible”\n"
                                 "Ask the group what makes a threat believable."]
    assert len(window.page_view.extraSelections()) == 1
    window.close()
    again = make_window("about")
    assert len(note_rows(again)) == 1
    view = again.findChild(QListView, "notesList")
    note_index = view.model().index(1, 0)  # row 0 is the page's heading
    view.activated.emit(note_index)
    assert again.current_slug == "coercive-diplomacy"
    assert again.page_view.textCursor().selectedText() == "the threat must be credible"
    assert len(again.page_view.extraSelections()) == 1


def test_a_note_on_the_whole_page(make_window, write_note) -> None:
    window = make_window("unofficial-communication")
    write_note.append("Use in week 3.")
    window.actions.actionAddNote.trigger()
    assert note_rows(window) == ["Unofficial Communication, Citizen Diplomacy, and Multi-track "
                                 "Diplomacy | On the whole page\nUse in week 3."]


def test_what_the_user_wrote_is_shown_as_text(make_window, write_note) -> None:
    window = make_window("about")
    write_note.append('<img src="http://example.org/x.png"> <a href="x">link</a>')
    window.actions.actionAddNote.trigger()
    row = note_rows(window)[0]
    assert '<img src="http://example.org/x.png">' in row
    model = window.tools.notes_dock.model
    tooltip = model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip


def test_clicking_a_highlight_shows_its_note(make_window, write_note) -> None:
    window = make_window("coercive-diplomacy")
    select_text(window, "adverse consequences")
    write_note.append("stick")
    window.actions.actionAddNote.trigger()
    note_id = window.notes.all()[0].id
    window.tools.notes_dock.hide()
    window.page_view.highlight_clicked.emit(note_id)
    assert window.tools.notes_dock.isVisible()
    assert window.tools.notes_dock.current_note_id() == note_id


def test_deleting_a_bookmark_can_be_undone(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    window.actions.actionBookmark.trigger()
    view = window.findChild(QListView, "bookmarksList")
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    window.tools.bookmarks_dock.delete_action.trigger()
    assert bookmark_rows(window) == []
    window.tools.bookmarks_dock.undo_action.trigger()
    assert bookmark_rows(window)[0].startswith("Coercive Diplomacy")


def test_bookmarks_are_reordered_by_dragging(make_window) -> None:
    window = make_window("about")
    for slug in ("coercive-diplomacy", "coercive-prevention", "unofficial-communication"):
        window.open_page(slug)
        window.actions.actionBookmark.trigger()
    model = window.findChild(QListView, "bookmarksList").model()
    dragged = model.mimeData([model.index(2, 0)])
    model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert bookmark_rows(window)[0].startswith("Unofficial")


def test_a_bookmark_on_a_page_that_is_gone_stays_marked_missing(
        make_window, content, data_dir) -> None:
    from reader.userdata import UserStore

    Bookmarks(UserStore.open(data_dir)).add("a-removed-page", "A Removed Page")
    window = make_window("about")
    assert bookmark_rows(window)[0].startswith("A Removed Page (page missing)")


def test_a_note_whose_passage_is_gone_is_shown_detached(
        make_window, content, data_dir) -> None:
    from reader.userdata import UserStore
    from reader.userdata.anchors import Anchor
    from reader.userdata.notes import Notes

    Notes(UserStore.open(data_dir)).add("coercive-diplomacy", "Coercive Diplomacy", "old",
                                        Anchor("a sentence the page no longer has"))
    window = make_window("coercive-diplomacy")
    assert "[detached: passage not found]" in note_rows(window)[0]
    assert window.page_view.extraSelections() == []


def test_another_copy_of_the_program_sees_the_new_note(make_window, write_note) -> None:
    first = make_window("about")
    second = make_window("about")
    write_note.append("from the first window")
    first.actions.actionAddNote.trigger()
    second.tools.bridge.poll()
    assert "from the first window" in note_rows(second)[0]


def test_a_data_folder_that_cannot_be_written_still_reads_and_says_why(
        qtbot, monkeypatch, tmp_path, content) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.app import create_main_window

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be")
    window = create_main_window(content, blocked, "coercive-diplomacy")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "userDataMessage") is not None
                    and window.findChild(QMessageBox, "userDataMessage").isVisible())
    message = window.findChild(QMessageBox, "userDataMessage").text()
    assert "cannot be saved" in message and str(blocked) in message
    assert "Coercive diplomacy is the diplomacy of threats" in window.page_view.toPlainText()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(NoteDialog, "exec", lambda d: d.editor.setPlainText("precious") or 1)
    window.actions.actionAddNote.trigger()
    assert "could not be saved" in warnings[0]
    assert QApplication.clipboard().text() == "precious"


def test_a_write_by_another_copy_is_not_missed_when_we_also_write(make_window, data_dir) -> None:
    from reader.userdata import UserStore
    from reader.userdata.notes import Notes

    window = make_window("about")
    Notes(UserStore.open(data_dir)).add("about", "About", "written by the other copy")
    window.open_page("coercive-diplomacy")  # our own write (the last page) comes first
    assert any("written by the other copy" in row for row in note_rows(window))
