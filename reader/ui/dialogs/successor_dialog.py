"""The details of the successor course, from the notice's Details button or the Help menu."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from reader.render.wording import (
    RETIREMENT_WORDS,
    notice_text,
    retirement_paragraphs,
    successor_addresses,
    successor_description,
)

if TYPE_CHECKING:
    from reader.archive.model import Course
    from reader.ui.dialogs.sizing import Settings

LINE_CHARACTERS = 72  # the dialog's width in characters: lines that read comfortably


class SuccessorDialog(QDialog):
    """The details: the course's own retirement words, and the addresses as text. It opens
    showing all of them (within the screen), at the size its user last gave it if any."""

    open_requested = Signal(str)

    def __init__(self, course: Course, parent: QWidget | None = None, *,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("successorDialog")
        self.setWindowTitle("About the successor course")
        successor = course.successor
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in retirement_paragraphs(course))
        text = QLabel(
            f"<p>{notice_text(course)}</p>"
            f"<p>{successor_description(course)}<br>{escape(successor.url)}</p>"
            f"<p><b>{escape(successor.built_around)}</b><br>{escape(successor.built_around_url)}</p>"
            f"<p>{RETIREMENT_WORDS}:</p>"
            f"<blockquote>{paragraphs}</blockquote>",
            self,
        )
        text.setWordWrap(True)
        text.setTextFormat(QtCore.Qt.TextFormat.RichText)
        text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        QDialogButtonBox = QtWidgets.QDialogButtonBox  # loaded when first shown
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for name, url in successor_addresses(course):
            button = buttons.addButton(f"Open {name} in browser…",
                                       QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, u=url: self.open_requested.emit(u))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        from reader.ui.dialogs.sizing import fit_and_remember

        fit_and_remember(self, self.fontMetrics().averageCharWidth() * LINE_CHARACTERS,
                         settings)
