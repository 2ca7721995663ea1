"""The main window's actions: names, shortcuts and objectNames in one table."""

from __future__ import annotations

from typing import NamedTuple

from PySide6 import QtGui
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class Standard(str):
    """A QKeySequence.StandardKey by its name: the platform's own keys for the action."""


class ActionSpec(NamedTuple):  # not a dataclass: the first paint would load dataclasses
    name: str
    text: str
    shortcut: Standard | str | None = None
    tip: str = ""


SPECS = (
    ActionSpec("actionBack", "&Back", Standard("Back"), "Go back to the last page"),
    ActionSpec("actionForward", "&Forward", Standard("Forward"),
               "Go forward again"),
    ActionSpec("actionHome", "&Home", "Alt+Home", "Open the page about this archive"),
    ActionSpec("actionMarkUnread", "Mark this page as &unread", None,
               "Forget that you have read this page"),
    ActionSpec("actionSearch", "&Search the course…", "Ctrl+K",
               "Search every page, the glossary and your notes"),
    ActionSpec("actionFind", "&Find in page…", Standard("Find"),
               "Find words in this page"),
    ActionSpec("actionZoomIn", "Zoom &in", Standard("ZoomIn"), "Larger text"),
    ActionSpec("actionZoomOut", "Zoom &out", Standard("ZoomOut"), "Smaller text"),
    ActionSpec("actionZoomReset", "&Normal size", "Ctrl+0", "Text at its normal size"),
    ActionSpec("actionBookmark", "&Bookmark this page", "Ctrl+D",
               "Bookmark the page, or remove its bookmark"),
    ActionSpec("actionAddNote", "Add &note…", "Ctrl+Shift+M",
               "Write a note on the selected passage, or on the whole page"),
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
            setattr(self, spec.name, action)
        self.actionBookmark.setCheckable(True)
        self.actionBack.setEnabled(False)  # every start begins with no history
        self.actionForward.setEnabled(False)

    def finish(self) -> None:
        QKeySequence = QtGui.QKeySequence  # loaded here, not before the first paint
        for spec in SPECS:
            action = getattr(self, spec.name)
            if spec.tip:
                action.setStatusTip(spec.tip)
                action.setToolTip(spec.tip)
            if isinstance(spec.shortcut, Standard):  # every key the platform uses for it
                action.setShortcuts(getattr(QKeySequence.StandardKey, spec.shortcut))
            elif spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))

    def __getattr__(self, name: str) -> QAction:  # for type checkers; set in __init__
        raise AttributeError(name)
