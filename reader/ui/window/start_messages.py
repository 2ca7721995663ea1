"""What went wrong with the archive or the user's data, said once at the start without
blocking: the reader can always read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.userdata.store import UserStore


def tell_problems(window: QtWidgets.QMainWindow, archive: Archive, store: UserStore) -> None:
    if store.recovery_message:
        _inform(window, "Your notes were recovered", store.recovery_message)
    if not store.writable and not store.look_only:
        _inform(window, "Notes cannot be saved",
                f"You can read the course, but bookmarks, notes and settings cannot "
                f"be saved: {store.read_only_reason}.")
    problems = archive.problems
    if problems:
        window.statusBar().showMessage(f"{len(problems)} file(s) of the archive were skipped: "
                                       f"{problems[0]}", 15000)


def _inform(parent: QtWidgets.QWidget, title: str, text: str) -> None:
    QMessageBox = QtWidgets.QMessageBox
    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("userDataMessage")
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    QTimer.singleShot(0, box.open)
