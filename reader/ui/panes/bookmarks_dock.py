"""The bookmarks pane: a list model over the store, and the dock that shows it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QInputDialog,
    QListView,
    QMenu,
    QWidget,
)

from reader.ui.panes.view_actions import view_action
from reader.ui.tooltips import plain_tooltip
from reader.userdata.bookmarks import Bookmark, Bookmarks
from reader.userdata.database import Changes, StoreError

MIME = "application/x-otpic-bookmark-id"
Index = QModelIndex | QPersistentModelIndex


class BookmarksModel(QAbstractListModel):
    """Reads the bookmarks from the store; dropping a row moves it in the store."""

    def __init__(self, bookmarks: Bookmarks, exists: Callable[[str], bool]) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.exists = exists
        self.rows: list[Bookmark] = bookmarks.all()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.bookmarks.all()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        bookmark = self.rows[index.row()]
        missing = not self.exists(bookmark.slug)
        if role == Qt.ItemDataRole.DisplayRole:
            label = f" — {bookmark.label}" if bookmark.label else ""
            flag = " (page missing)" if missing else ""
            return f"{bookmark.title}{label}{flag}\n{bookmark.created[:10]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if missing:
                return "This page is not in the archive any more; the bookmark is kept."
            label = f"\n{bookmark.label}" if bookmark.label else ""
            return plain_tooltip(f"{bookmark.title}{label}")  # whole, where the row cuts it
        if role == Qt.ItemDataRole.UserRole:
            return bookmark
        if role == Qt.ItemDataRole.ForegroundRole and missing:
            from PySide6.QtGui import QPalette

            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | (
                Qt.ItemFlag.ItemIsDragEnabled)
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(MIME, QByteArray(str(self.rows[indexes[0].row()].id).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Move the dragged bookmark in the store; the view then refreshes from it."""
        if not data.hasFormat(MIME):
            return False
        bookmark_id = int(bytes(data.data(MIME)).decode())
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        current = next((i for i, b in enumerate(self.rows) if b.id == bookmark_id), None)
        if current is not None and current < row:
            row -= 1
        try:
            self.bookmarks.move(bookmark_id, row)
        except StoreError:
            return False
        return False  # nothing for the view to remove: the store already holds the new order


class BookmarksDock(QDockWidget):
    """Emits page_requested(slug) on activation and error(message) when a save fails."""

    page_requested = Signal(str)
    error = Signal(str)

    def __init__(self, bookmarks: Bookmarks, exists: Callable[[str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__("Bookmarks", parent)
        self.setObjectName("bookmarksDock")
        self.bookmarks = bookmarks
        self.model = BookmarksModel(bookmarks, exists)
        self.view = QListView()
        self.view.setObjectName("bookmarksList")
        self.view.setAccessibleName("Bookmarks")
        self.view.setModel(self.model)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        # a long title ends in "…" within the pane (its tooltip has it whole), not beyond
        # it with a scroll bar the reader has to drag
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.clicked.connect(self._open)  # one click opens, as in the contents
        self.view.activated.connect(self._open)  # Enter (and a double click where it activates)
        self._opened: tuple[int, float] = (-1, 0.0)  # the last bookmark opened, and when
        self.setWidget(self.view)
        self._last_deleted: Bookmark | None = None
        self.rename_action = view_action(self.view, "Rename label…", "F2", self.rename_current)
        self.delete_action = view_action(self.view, "Delete", QKeySequence.StandardKey.Delete,
                                          self.delete_current)
        self.undo_action = view_action(self.view, "Undo delete", QKeySequence.StandardKey.Undo,
                                       self.undo)
        self.undo_action.setEnabled(False)

    def refresh(self) -> None:
        self.model.refresh()

    def user_data_changed(self, changes: Changes) -> None:
        if changes.bookmarks:
            self.refresh()

    def current(self) -> Bookmark | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _open(self, index: QModelIndex) -> None:
        """Open a bookmark's page, once for the click and activation of one gesture."""
        bookmark = index.data(Qt.ItemDataRole.UserRole)
        now = time.monotonic()
        last_id, last_time = self._opened
        self._opened = (bookmark.id, now)
        if bookmark.id == last_id and now - last_time < QApplication.doubleClickInterval() / 1000:
            return
        self.page_requested.emit(bookmark.slug)

    def _menu(self, pos) -> None:
        if self.current() is None:
            return
        menu = QMenu(self)
        menu.addActions([self.rename_action, self.delete_action, self.undo_action])
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def rename_current(self) -> None:
        bookmark = self.current()
        if bookmark is None:
            return
        prompt = plain_tooltip(f"Label for “{bookmark.title}”:")  # a title is shown as text
        label, ok = QInputDialog.getText(self, "Rename bookmark", prompt, text=bookmark.label)
        if ok:
            self._save(lambda: self.bookmarks.set_label(bookmark.id, label))

    def delete_current(self) -> None:
        bookmark = self.current()
        if bookmark is not None:
            self._save(lambda: setattr(self, "_last_deleted", self.bookmarks.delete(bookmark.id)))
            self.undo_action.setEnabled(self._last_deleted is not None)

    def undo(self) -> None:
        if self._last_deleted is not None:
            deleted, self._last_deleted = self._last_deleted, None
            self._save(lambda: self.bookmarks.restore(deleted))
            self.undo_action.setEnabled(False)

    def _save(self, change: Callable[[], object]) -> None:
        try:
            change()
        except StoreError as exc:
            self.error.emit(str(exc))
