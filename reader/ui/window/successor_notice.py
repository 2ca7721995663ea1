"""The notice about the successor course, at the top of the window (its words are
wording.notice_text's, given by the window or by its kept look)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


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
        # wording.notice_text always holds markup, so the label shows it as rich text (AutoText):
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
