"""The notes pane: every note, grouped by page, with its quote; filter, open, edit, delete."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from itertools import groupby

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.userdata.notes import Note, Notes

NOTE_ROLE = Qt.ItemDataRole.UserRole
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


def note_line(note: Note, detached: bool) -> str:
    where = f"“{_short(note.quote, 80)}”" if note.quote else "On the whole page"
    flag = " [detached: passage not found]" if detached else ""
    return f"{where}{flag}\n{_short(note.text, 200)}"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows the user's words as typed: Qt would read markup as rich text."""
    return f'<p style="white-space: pre-wrap">{escape(text)}</p>'


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NotesDock(QDockWidget):
    """Emits note_requested(id), page_requested(slug), edit_requested(id), delete_requested(id)."""

    note_requested = Signal(int)
    page_requested = Signal(str)
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, notes: Notes, is_detached: Callable[[Note], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__("Notes", parent)
        self.setObjectName("notesDock")
        self.notes = notes
        self.is_detached = is_detached
        self.filter = QLineEdit()
        self.filter.setObjectName("notesFilter")
        self.filter.setPlaceholderText("Filter notes…")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setObjectName("notesList")
        self.view.setAccessibleName("Notes")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.activated.connect(self._activated)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self.edit_action = self._action("Edit note…", "F2",
                                        lambda: self._with_current(self.edit_requested.emit))
        self.delete_action = self._action("Delete note…", QKeySequence.StandardKey.Delete,
                                          self._confirm_delete)
        self.filter.textChanged.connect(self.refresh)
        self.refresh()

    def _action(self, text: str, key: object, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def refresh(self) -> None:
        """Rebuild from the store: the store is the truth, the model only shows it."""
        selected = self.current_note_id()
        self.model.clear()
        for (slug, title), group in groupby(self.notes.all(self.filter.text()),
                                            key=lambda n: (n.slug, n.page_title)):
            page = QStandardItem(title)
            page.setData(slug, SLUG_ROLE)
            font = page.font()
            font.setBold(True)
            page.setFont(font)
            for note in group:
                detached = self.is_detached(note)
                item = QStandardItem(note_line(note, detached))
                item.setData(note.id, NOTE_ROLE)
                item.setData(slug, SLUG_ROLE)
                item.setToolTip(plain_tooltip(note.text))
                page.appendRow(item)
            self.model.appendRow(page)
        self.view.expandAll()
        if selected is not None:
            self.select_note(selected)

    def current_note_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(NOTE_ROLE) if index.isValid() else None

    def select_note(self, note_id: int) -> bool:
        for row in range(self.model.rowCount()):
            page = self.model.item(row)
            for child in range(page.rowCount()):
                item = page.child(child)
                if item.data(NOTE_ROLE) == note_id:
                    self.view.setCurrentIndex(item.index())
                    self.view.scrollTo(item.index())
                    return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        note_id = index.data(NOTE_ROLE)
        if note_id is not None:
            self.note_requested.emit(note_id)
        else:
            self.page_requested.emit(index.data(SLUG_ROLE))

    def _with_current(self, call: Callable[[int], None]) -> None:
        note_id = self.current_note_id()
        if note_id is not None:
            call(note_id)

    def _confirm_delete(self) -> None:
        note_id = self.current_note_id()
        if note_id is None:
            return
        answer = QMessageBox.question(self, "Delete note?",
                                      "Delete this note? This cannot be undone.",
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_requested.emit(note_id)

    def _menu(self, pos) -> None:
        if self.current_note_id() is None:
            return
        menu = QMenu(self)
        menu.addActions([self.edit_action, self.delete_action])
        menu.exec(self.view.viewport().mapToGlobal(pos))
