"""The notes grouped by page, as a list model read from the store.

Plain Python lists behind Qt's model interface: resetting it for 10,000
notes takes milliseconds, where clearing a QStandardItemModel of as many
items froze the window for seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.common.words import counted
from reader.ui.tooltips import plain_tooltip
from reader.userdata.notes import Note, Notes

NOTE_ROLE = Qt.ItemDataRole.UserRole
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()


def note_line(note: Note, detached: bool) -> str:
    where = f"“{_short(note.quote, 80)}”" if note.quote else "On the whole page"
    flag = " [detached: passage not found]" if detached else ""
    return f"{where}{flag}\n{_short(note.text, 200)}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NotesModel(QAbstractListModel):
    """One row per page (a heading) followed by one row per note on it.

    Flat rather than a tree: a tree of 10,000 pages had to be expanded row by
    row, which took longer than everything else the pane does.
    """

    def __init__(self, notes: Notes, is_detached: Callable[[Note], bool]) -> None:
        super().__init__()
        self.notes = notes
        self.is_detached = is_detached
        self.rows: list[tuple[str, str, Note | int]] = []  # slug, page title, note or count
        self._where: dict[int, int] = {}
        self._detached: dict[int, bool] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def reload(self, contains: str = "") -> None:
        self.beginResetModel()
        self.rows = []
        for (slug, title), group in groupby(self.notes.all(contains),
                                            key=lambda n: (n.slug, n.page_title)):
            notes = list(group)
            self.rows.append((slug, title, len(notes)))
            self.rows += [(slug, title, note) for note in notes]
        self._where = {row[2].id: number for number, row in enumerate(self.rows)
                       if isinstance(row[2], Note)}
        self._detached = {}  # worked out again, for the rows shown, when they are shown
        self.endResetModel()

    def index_of(self, note_id: int) -> QModelIndex:
        number = self._where.get(note_id)
        return self.index(number, 0) if number is not None else QModelIndex()

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and not isinstance(self.rows[index.row()][2], Note):
            return Qt.ItemFlag.ItemIsEnabled  # a page heading: opens its page, not selectable
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        slug, title, item = self.rows[index.row()]
        if role == SLUG_ROLE:
            return slug
        if not isinstance(item, Note):
            if role == Qt.ItemDataRole.DisplayRole:  # two lines, like a note's row
                return f"{title}\n{counted(item, 'note')}"
            return self._bold if role == Qt.ItemDataRole.FontRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            detached = self._detached.get(item.id)
            if detached is None:
                detached = self._detached[item.id] = self.is_detached(item)
            return "    " + note_line(item, detached).replace("\n", "\n    ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(item.text)
        if role == NOTE_ROLE:
            return item.id
        return None
