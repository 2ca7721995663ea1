"""Other windows: another archive in place of this one, and a page in a window of its own
(issue 16: open another archive; open a page in a new window)."""

from __future__ import annotations

import gc
import shutil
import weakref

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reader.ui.window.main_window import MainWindow
from tests.ui.panes.test_notes_docks import activate, bookmark_rows
from tests.ui.window.test_window import tree_item


def gone(ref: weakref.ref) -> bool:
    """A window another took the place of is deleted, and nothing of the program holds it
    (the test has let go of it too)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return ref() is None


def other_windows(window) -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not window and w.isVisible()]


def second_archive(content, tmp_path):
    """A copy of the archive under another name, with one page more."""
    other = tmp_path / "second-archive"
    shutil.copytree(content, other)
    (other / "pages" / "extra-page.md").write_text(
        "---\ntitle: An Extra Page\nsection: approaches\n---\nOnly in the second archive.\n",
        encoding="utf-8")
    return other


def test_open_another_archive_from_the_file_menu(qtbot, monkeypatch, make_window, content,
                                                 tmp_path) -> None:
    other = second_archive(content, tmp_path)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other))
    window = make_window("coercive-diplomacy")
    window.store.bookmarks.add("coercive-diplomacy", "Coercive Diplomacy")
    activate(qtbot, window)
    QTest.keyClick(window.page_view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    new, store = window.replaced_by, window.store
    assert new is not None and new.isVisible() and not window.isVisible()
    qtbot.addWidget(new)
    old = weakref.ref(window)
    del window
    assert gone(old)
    assert new.archive.root == other and new.store is store  # one data folder for both
    assert new.current_slug == "coercive-diplomacy"  # where the reader was, if it has it
    assert "An Extra Page" in [tree_item(new, "extra-page")[1].text(0)]
    assert new.windowTitle() == "Coercive Diplomacy — OTPIC (second-archive) — OTPIC Reader"
    assert any("Coercive Diplomacy" in row for row in bookmark_rows(new))  # the same notes
    assert new.store.get("recent_archives")[0] == str(other.resolve())
    recent = new.windows.recent
    recent.aboutToShow.emit()
    texts = [a.text() for a in recent.actions()]
    assert "The archive that comes with the reader" in texts  # the way back


def test_a_folder_that_is_not_an_archive_is_said_and_the_archive_stays(
        qtbot, monkeypatch, make_window, tmp_path) -> None:
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    empty = tmp_path / "not-an-archive"
    empty.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(empty))
    window = make_window("coercive-diplomacy")
    window.actions.actionOpenArchive.trigger()
    assert window.replaced_by is None and window.isVisible()
    assert window.current_slug == "coercive-diplomacy"
    assert len(said) == 1 and str(empty) in said[0] and "course.yaml" in said[0]
    assert said[0].count(". ") == 0 and said[0].endswith("stays open.")  # one sentence
    assert window.store.get("recent_archives") == []


def test_a_folder_dropped_on_the_window_opens_as_an_archive(qtbot, make_window, content,
                                                            tmp_path) -> None:
    other = second_archive(content, tmp_path)
    window = make_window("about")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    at, left, none = QPointF(200, 200), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, left, none)
    QApplication.sendEvent(window, enter)  # Qt sends the drop to whoever took the drag
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(at, Qt.DropAction.CopyAction, mime, left, none))
    qtbot.waitUntil(lambda w=window: w.replaced_by is not None)
    new = window.replaced_by
    qtbot.addWidget(new)
    assert new.archive.root == other
    old = weakref.ref(window)
    del window
    assert gone(old)


def test_import_into_the_bundled_archive_is_not_offered(monkeypatch, qtbot) -> None:
    from reader.archive.archive import Archive
    from reader.archive.bundled import bundled_content_dir
    from reader.ui.window.windows import open_window
    from reader.userdata.store import UserStore

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda p, t, text: told.append(text))
    store = UserStore.open(qtbot_tmp(qtbot))
    window = open_window(MainWindow, Archive.open(bundled_content_dir()), store, "about",
                         companion=False)
    qtbot.addWidget(window)
    window.actions.actionImportPages.trigger()
    assert told and "never changed" in told[0] and "File > Open archive" in told[0]


def qtbot_tmp(qtbot):
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="otpic-data-"))


def test_a_middle_click_in_the_contents_opens_the_page_in_a_new_window(
        qtbot, make_window) -> None:
    window = make_window("about")
    tree, item = tree_item(window, "coercive-diplomacy")
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.MiddleButton,
                     pos=tree.visualItemRect(item).center())
    (other,) = other_windows(window)  # closed below: it is deleted then (WA_DeleteOnClose)
    assert other.current_slug == "coercive-diplomacy" and window.current_slug == "about"
    assert other.archive is window.archive and other.store is window.store
    # both windows stay one: a bookmark made in one is in the other's pane at once
    other.actions.actionBookmark.trigger()
    qtbot.waitUntil(lambda: any("Coercive Diplomacy" in r for r in bookmark_rows(window)))
    other.close()  # a second window leaves the store open for the first
    window.open_page("coercive-diplomacy")
    assert window.actions.actionBookmark.isChecked()


def link_point(view, href: str):
    """Where a link to `href` is drawn in the page's viewport."""
    document = view.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                return view.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_a_middle_or_ctrl_click_on_a_link_opens_its_page_in_a_new_window(
        qtbot, make_window) -> None:
    window = make_window("track-two-triumphant")
    view = window.page_view
    at = link_point(view, "unofficial-communication.md")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.MiddleButton, pos=at)
    (first,) = other_windows(window)
    assert first.current_slug == "unofficial-communication"
    assert window.current_slug == "track-two-triumphant"
    first.close()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, pos=at)
    (second,) = other_windows(window)
    qtbot.addWidget(second)
    assert second.current_slug == "unofficial-communication"
    assert window.current_slug == "track-two-triumphant"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a plain click
    assert window.current_slug == "unofficial-communication"


def test_after_an_import_the_archive_is_read_again(qtbot, monkeypatch, make_window,
                                                   content) -> None:
    from reader.ui.dialogs import import_dialog

    def imported(parent, archive_root) -> bool:  # as the dialog does: pages written, True
        (archive_root / "pages" / "imported-page.md").write_text(
            "---\ntitle: An Imported Page\nsection: approaches\n---\nImported.\n",
            encoding="utf-8")
        return True

    monkeypatch.setattr(import_dialog, "import_saved_pages", imported)
    window = make_window("coercive-diplomacy")  # a copy of the archive, in a folder of ours
    window.actions.actionImportPages.trigger()
    new = window.replaced_by
    qtbot.addWidget(new)
    old = weakref.ref(window)
    del window
    assert gone(old)
    assert new.current_slug == "coercive-diplomacy"
    assert tree_item(new, "imported-page")[1].text(0) == "An Imported Page"


def test_a_look_chosen_in_one_window_is_the_other_ones_too(qtbot, make_window) -> None:
    window = make_window("about")
    other = window.windows.new_window("coercive-diplomacy")
    qtbot.addWidget(other)
    size = other.page_view.font().pointSize()
    window.actions.actionZoomIn.trigger()
    window.findChild(type(window.actions.actionZoomIn), "font-serif").trigger()
    qtbot.waitUntil(lambda: other.page_view.font().pointSize() == size + 1)
    assert other.appearance.reading_font == "serif"
    window.actions.actionZoomReset.trigger()
    qtbot.waitUntil(lambda: other.page_view.font().pointSize() == size)
