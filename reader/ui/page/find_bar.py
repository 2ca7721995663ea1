"""Find in page: a bar under the page with next, previous and a count of matches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.page.page_view import PageView


class FindBar(QWidget):
    def __init__(self, view: PageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.box = QLineEdit()
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText("Find in page")
        self.box.setAccessibleName("Find in page")
        self.box.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        previous = QToolButton(text="Previous")
        previous.setObjectName("findPrevious")
        following = QToolButton(text="Next")
        following.setObjectName("findNext")
        close = QToolButton(text="×")
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (QLabel("Find:"), self.box, previous, following, self.count):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.box.textChanged.connect(self._search_from_top)
        self.box.returnPressed.connect(self.find_next)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.box, self.find_previous)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def matches(self) -> list[tuple[int, int]]:
        """Every match of the text in the page, as (start, end), case ignored."""
        needle = self.box.text()
        spans: list[tuple[int, int]] = []
        if not needle:
            return spans
        cursor = self.view.document().find(needle, 0)
        while not cursor.isNull():
            spans.append((cursor.selectionStart(), cursor.selectionEnd()))
            cursor = self.view.document().find(needle, cursor)
        return spans

    def _search_from_top(self) -> None:
        cursor = self.view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.view.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> None:
        self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> None:
        self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> None:
        needle = self.box.text()
        spans = self.matches()
        if not needle or not spans:
            self.count.setText("No matches" if needle else "")
            return
        if not self.view.find(needle, flags):  # wrap around
            cursor = self.view.textCursor()
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            cursor.movePosition(QTextCursor.MoveOperation.End if backward
                                else QTextCursor.MoveOperation.Start)
            self.view.setTextCursor(cursor)
            self.view.find(needle, flags)
        here = self.view.textCursor().selectionStart()
        number = next((i for i, (start, _) in enumerate(spans, 1) if start == here), 0)
        self.count.setText(f"{number} of {len(spans)}")
