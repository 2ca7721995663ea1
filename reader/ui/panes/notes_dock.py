"""The notes pane: every note, grouped by page, with its quote; filter, open, edit, delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.panes.notes_model import NOTE_ROLE, SLUG_ROLE, NotesModel
from reader.ui.panes.view_actions import view_action
from reader.userdata.database import Changes
from reader.userdata.notes import Note, Notes


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
        self.model = NotesModel(notes, is_detached)
        self.view = QListView()
        self.view.setObjectName("notesList")
        self.view.setAccessibleName("Notes")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)  # every row is two lines: fast for 10,000 notes
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.activated.connect(self._activated)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self.edit_action = view_action(self.view, "Edit note…", "F2",
                                        lambda: self._with_current(self.edit_requested.emit))
        self.delete_action = view_action(self.view, "Delete note…", QKeySequence.StandardKey.Delete,
                                          self._confirm_delete)
        self.filter.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the notes again: the store is the truth, the model only shows it."""
        selected = self.current_note_id()
        self.model.reload(self.filter.text())
        if selected is not None:
            self.select_note(selected)

    def user_data_changed(self, changes: Changes) -> None:
        if changes.notes:
            self.refresh()

    def show_note(self, note_id: int) -> None:
        """Bring the pane forward on a note (its passage was clicked in the page)."""
        if self.notes.get(note_id) is not None:
            self.show()
            self.raise_()
            self.select_note(note_id)

    def current_note_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(NOTE_ROLE) if index.isValid() else None

    def select_note(self, note_id: int) -> bool:
        index = self.model.index_of(note_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

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
