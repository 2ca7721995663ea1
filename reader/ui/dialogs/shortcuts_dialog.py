"""Help > Keyboard shortcuts: every key the window answers to, read from its own actions
(menus first, in their order, then those of a pane), so the list cannot drift from the keys."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.dialogs.sizing import available_size

Row = tuple[str, str, str]  # where, what, keys


def shortcut_rows(window: QMainWindow) -> list[Row]:
    """(where, what, keys) for every action of `window` that has a key: by menu, then the
    actions whose keys work in one pane (named by that pane)."""
    rows: list[Row] = []
    seen: set[int] = set()
    for menu_action in window.menuBar().actions():
        if menu_action.menu() is not None:
            _menu_rows(menu_action.menu(), _plain(menu_action.text()), rows, seen)
    for action in window.findChildren(QAction):
        if id(action) not in seen and action.shortcuts():
            seen.add(id(action))
            rows.append((_where(action), _plain(action.text()), keys_text(action)))
    return rows


def _menu_rows(menu: QMenu, where: str, rows: list[Row], seen: set[int]) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            _menu_rows(action.menu(), where, rows, seen)
        elif action.shortcuts() and id(action) not in seen:
            seen.add(id(action))
            rows.append((where, _plain(action.text()), keys_text(action)))


def _where(action: QAction) -> str:
    owner = action.parent()
    name = owner.accessibleName() if isinstance(owner, QWidget) else ""
    return f"{name} pane" if name else "Window"


def keys_text(action: QAction) -> str:
    """The action's keys as the platform writes them, e.g. "Ctrl++, Ctrl+=", less the
    buttons only some keyboards have (Back, Zoom In, Open), which read as words here."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts()
                     if key[0].key().value < Qt.Key.Key_Back.value)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class ShortcutsDialog(QDialog):
    """The rows of shortcut_rows, grouped under each menu or pane."""

    def __init__(self, rows: Iterable[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.list = QTreeWidget()
        self.list.setObjectName("shortcutsList")
        self.list.setAccessibleName("Keyboard shortcuts")
        self.list.setHeaderLabels(["Action", "Keys"])
        self.list.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for where, what, keys in rows:
            if where not in groups:
                groups[where] = QTreeWidgetItem(self.list, [where])
                font = groups[where].font(0)
                font.setBold(True)
                groups[where].setFont(0, font)
                groups[where].setFirstColumnSpanned(True)
            QTreeWidgetItem(groups[where], [what, keys])
        self.list.expandAll()
        self.list.resizeColumnToContents(0)
        self.list.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        width = self.list.columnWidth(0) + self.list.columnWidth(1) + 60
        room = available_size(self)
        self.resize(min(room.width(), max(420, width)), min(room.height(), 600))

    def listed(self) -> list[Row]:
        """What the dialog shows, as rows (for tests and accessibility checks)."""
        rows = []
        for g in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(g)
            rows += [(group.text(0), group.child(i).text(0), group.child(i).text(1))
                     for i in range(group.childCount())]
        return rows
