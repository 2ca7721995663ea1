"""Writing or editing a note: the passage it is about, and the note itself.

Ctrl+Enter saves from the text itself. Escape, Cancel or closing the window
never throws typed text away without asking first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Enter on the keypad too


class NoteDialog(QDialog):
    def __init__(self, page_title: str, quote: str, text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle("Note")
        self._initial = text
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
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Save (Ctrl+Enter)")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.accept)
        self.resize(460, 300)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()

    def typed(self) -> bool:
        """True when there is text that closing without saving would lose."""
        text = self.text()
        return text != self._initial and bool(text.strip())

    def reject(self) -> None:
        """Escape, Cancel and the window's close button come here: ask before typed text
        is thrown away."""
        if self.typed() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        """Ask whether to throw the typed text away; "Keep writing" is the default."""
        box = QMessageBox(QMessageBox.Icon.Question, "Discard this note?",
                          "What you typed has not been saved. Discard it?",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("discardNote")
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep writing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard
