"""Writing or editing a note: the passage it is about, and the note itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class NoteDialog(QDialog):
    def __init__(self, page_title: str, quote: str, text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle("Note")
        layout = QVBoxLayout(self)
        about = QLabel(f"On “{page_title}”" + ("" if quote else ", the whole page") + ":")
        about.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(about)
        if quote:
            shown = QLabel(f"“{quote}”")
            shown.setTextFormat(Qt.TextFormat.PlainText)  # the user's words are never markup
            shown.setWordWrap(True)
            shown.setStyleSheet("color: palette(dark); font-style: italic;")
            layout.addWidget(shown)
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("noteText")
        self.editor.setAccessibleName("Note text")
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 300)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()
