"""The notice about the successor course, at the top of the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reader.archive.model import Course


def notice_text(course: Course) -> str:
    from html import escape

    from reader.archive.course import long_date

    successor = course.successor
    return (f"{escape(course.short_title)} was retired on {long_date(course.retired)}. Its "
            f"successor is <b>{escape(successor.title)}</b> ({escape(successor.short_title)}), "
            f"built around {escape(successor.built_around)}.")


class SuccessorNotice(QFrame):
    """A slim bar; emits details_requested or dismissed, the window decides the rest."""

    details_requested = Signal()
    dismissed = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("successorNotice")
        self.setAccessibleName("Notice about the successor course")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # the palette's alternate base, as a style sheet would say it, but without one:
        # a style sheet restyles the bar and its buttons, which costs a start some ms
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        # notice_text always holds markup, so the label shows it as rich text (AutoText):
        # naming the format would load the Qt namespace before the first paint.
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        details = QPushButton(self)  # not QPushButton(text): that loads QIcon's enums (2 ms)
        details.setText("Details…")
        details.setObjectName("noticeDetails")
        details.clicked.connect(self.details_requested)
        dismiss = QPushButton(self)
        dismiss.setText("Dismiss")
        dismiss.setObjectName("dismissNotice")
        dismiss.setToolTip("Hide this notice. Help > About the successor course shows it again.")
        dismiss.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(details)
        layout.addWidget(dismiss)


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
