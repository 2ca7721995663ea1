"""Keyboard actions that belong to one list view (Delete, F2, ...), not to the whole window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def view_action(view: QWidget, text: str, key: object, slot: Callable[[], None]) -> QAction:
    """An action whose shortcut works while `view` (or a child) has the focus."""
    action = QAction(text, view)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    view.addAction(action)
    return action
