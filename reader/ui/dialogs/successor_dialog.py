"""The details of the successor course, from the notice's Details button or the Help menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from reader.ui.window.successor_notice import notice_text

if TYPE_CHECKING:
    from reader.archive.model import Course


class SuccessorDialog(QDialog):
    """The details: the course's own retirement words, and the addresses as text."""

    open_requested = Signal(str)

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        from html import escape

        super().__init__(parent)
        self.setObjectName("successorDialog")
        self.setWindowTitle("About the successor course")
        successor = course.successor
        paragraphs = "".join(f"<p>{escape(p)}</p>"
                             for p in course.retirement_notice.split("\n\n") if p)
        text = QLabel(
            f"<p>{notice_text(course)}</p>"
            f"<p><b>{escape(successor.title)}</b>: {escape(successor.description)}.<br>"
            f"{escape(successor.url)}</p>"
            f"<p><b>{escape(successor.built_around)}</b><br>{escape(successor.built_around_url)}</p>"
            f"<p>The course's own words, from its retirement banner:</p>"
            f"<blockquote>{paragraphs}</blockquote>",
            self,
        )
        text.setWordWrap(True)
        text.setTextFormat(QtCore.Qt.TextFormat.RichText)
        text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        QDialogButtonBox = QtWidgets.QDialogButtonBox  # loaded when first shown
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for name, url in ((f"Open {successor.short_title} in browser…", successor.url),
                          (f"Open {successor.built_around} in browser…",
                           successor.built_around_url)):
            button = buttons.addButton(name, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, u=url: self.open_requested.emit(u))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(560, 0)
