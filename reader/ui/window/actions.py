"""The main window's actions: names, shortcuts and objectNames in one table.

Help > Keyboard shortcuts is built from the actions themselves (dialogs/shortcuts_dialog.py),
so what it lists is what the keys do. Keys chosen against each other and the platform's:
Ctrl+PgDown/Ctrl+PgUp for the next and previous page (Alt+Right is Forward), F9 for
reading mode (Firefox's key for its reader view), F11 for full screen.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6 import QtCore, QtGui
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class Standard(str):
    """A QKeySequence.StandardKey by its name: the platform's own keys for the action."""


Keys = Standard | str | tuple  # one key, or several (each a Standard or a str)


class ActionSpec(NamedTuple):  # not a dataclass: the first paint would load dataclasses
    name: str
    text: str
    shortcut: Keys | None = None
    tip: str = ""
    page: bool = False  # its keys work while the page has the focus (not the tree's Ctrl+End)
    checkable: bool = False


SPECS = (
    ActionSpec("actionBack", "&Back", Standard("Back"), "Go back to the last page"),
    ActionSpec("actionForward", "&Forward", Standard("Forward"),
               "Go forward again"),
    ActionSpec("actionHome", "&Home", "Alt+Home", "Open the page about this archive"),
    ActionSpec("actionNextPage", "&Next page", "Ctrl+PgDown",
               "The next page in the course's order"),
    ActionSpec("actionPreviousPage", "&Previous page", "Ctrl+PgUp",
               "The page before this one in the course's order"),
    ActionSpec("actionPageTop", "&Top of page", "Ctrl+Home", "Scroll to the top of the page",
               page=True),
    ActionSpec("actionPageEnd", "&End of page", "Ctrl+End", "Scroll to the end of the page",
               page=True),
    ActionSpec("actionMarkUnread", "Mark this page as &unread", None,
               "Forget that you have read this page"),
    ActionSpec("actionSearch", "&Search the course…", "Ctrl+K",
               "Search every page, the glossary and your notes"),
    ActionSpec("actionFind", "&Find in page…", Standard("Find"),
               "Find words in this page"),
    ActionSpec("actionZoomIn", "Zoom &in", (Standard("ZoomIn"), "Ctrl+="), "Larger text"),
    ActionSpec("actionZoomOut", "Zoom &out", Standard("ZoomOut"), "Smaller text"),
    ActionSpec("actionZoomReset", "&Normal size", "Ctrl+0", "Text at its normal size"),
    ActionSpec("actionReadingMode", "&Reading mode", "F9",
               "Only the page: hide the panes and the tool bar, or bring them back",
               checkable=True),
    ActionSpec("actionFullScreen", "F&ull screen", ("F11", Standard("FullScreen")),
               "Fill the screen with the window, or give it back", checkable=True),
    ActionSpec("actionGlossaryPane", "&Glossary", "Ctrl+Shift+G",
               "Bring the glossary pane forward, or hide it", checkable=True),
    ActionSpec("actionBookmarksPane", "&Bookmarks", "Ctrl+Shift+B",
               "Bring the bookmarks pane forward, or hide it", checkable=True),
    ActionSpec("actionNotesPane", "&Notes", "Ctrl+Shift+N",
               "Bring the notes pane forward, or hide it", checkable=True),
    ActionSpec("actionBookmark", "&Bookmark this page", "Ctrl+D",
               "Bookmark the page, or remove its bookmark"),
    ActionSpec("actionAddNote", "Add &note…", "Ctrl+Shift+M",
               "Write a note on the selected passage, or on the whole page"),
    ActionSpec("actionOpenArchive", "&Open archive…", Standard("Open"),
               "Read another archive: a content folder of the same format"),
    ActionSpec("actionImportPages", "Import &saved pages…", None,
               "Add saved OTPIC pages to this archive"),
    ActionSpec("actionPrintPreview", "Print pre&view…", None,
               "See the handout's pages before printing them"),
    ActionSpec("actionPrint", "&Print…", Standard("Print"),
               "Print this page or its section as a handout"),
    ActionSpec("actionExportPdf", "Export as P&DF…", "Ctrl+Shift+P",
               "Save this page or its section as a PDF handout"),
    ActionSpec("actionExportSite", "Export &classroom copy…", None,
               "Write a static HTML copy of the course that any browser can open"),
    ActionSpec("actionExportNotes", "&Export notes and bookmarks…", None,
               "Save your notes and bookmarks as Markdown or JSON"),
    ActionSpec("actionImportNotes", "&Import notes and bookmarks…", None,
               "Merge notes and bookmarks exported by OTPIC Reader"),
    ActionSpec("actionRestoreBackup", "&Restore from backup…", None,
               "Go back to a daily backup of your notes and bookmarks"),
    ActionSpec("actionQuit", "&Quit", Standard("Quit"), "Close the reader"),
    ActionSpec("actionPageInfo", "Page &info…", "Ctrl+I",
               "Where this page came from, whether it verified, and how to cite it"),
    ActionSpec("actionVerifyArchive", "&Verify archive", None,
               "Check every file of the archive against its checksums"),
    ActionSpec("actionAboutSuccessor", "About the &successor course",
               tip="Show the notice about DCIC, the course that replaced OTPIC"),
    ActionSpec("actionShortcuts", "&Keyboard shortcuts", "Ctrl+?",
               "Every key the reader answers to"),
    ActionSpec("actionAboutReader", "&About OTPIC Reader"),
)


class Actions:
    """Holds the window's QActions as attributes named by their objectName.

    Their keys and tips come with `finish()`, once the window does something with
    them: setting the first shortcut loads the Qt namespace (some 20 ms of a start).
    """

    def __init__(self, parent: QWidget) -> None:
        for spec in SPECS:
            action = QAction(parent)  # QAction(text, parent) would load QIcon's enums (2 ms)
            action.setText(spec.text)
            action.setObjectName(spec.name)
            action.setCheckable(spec.checkable)
            setattr(self, spec.name, action)
        self.actionBookmark.setCheckable(True)
        self.actionBack.setEnabled(False)  # every start begins with no history
        self.actionForward.setEnabled(False)

    def finish(self) -> None:
        for spec in SPECS:
            action = getattr(self, spec.name)
            if spec.tip:
                action.setStatusTip(spec.tip)
                action.setToolTip(spec.tip)
            if spec.shortcut is not None:
                action.setShortcuts(key_sequences(spec.shortcut))
            if spec.page:
                action.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def page_actions(self) -> list[QAction]:
        """The actions whose keys belong to the page (the window adds them to it)."""
        return [getattr(self, spec.name) for spec in SPECS if spec.page]

    def __getattr__(self, name: str) -> QAction:  # for type checkers; set in __init__
        raise AttributeError(name)


def key_sequences(keys: Keys) -> list[QtGui.QKeySequence]:
    """The key sequences of a spec's keys, each once: a Standard gives every key the
    platform uses for it (ZoomIn: Ctrl++ and Ctrl+Shift+=; Ctrl+= comes on top)."""
    QKeySequence = QtGui.QKeySequence  # loaded here, not before the first paint
    sequences: list[QtGui.QKeySequence] = []
    for key in keys if isinstance(keys, tuple) else (keys,):
        found = (getattr(QKeySequence.StandardKey, key) if isinstance(key, Standard) else key)
        for sequence in QKeySequence.keyBindings(found) if isinstance(key, Standard) else [
                QKeySequence(found)]:
            if sequence not in sequences:
                sequences.append(sequence)
    return sequences
