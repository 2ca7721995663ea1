"""The Qt binding must not lose references: an open reader calls Qt millions of times."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def test_void_calls_do_not_consume_references_to_none(qtbot) -> None:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    item = QTreeWidgetItem(tree, ["page"])
    standard = QStandardItem("note")
    cursor = QTextCursor(QTextDocument("some text"))
    before = sys.getrefcount(None)
    for _ in range(500):
        item.setData(0, Qt.ItemDataRole.UserRole, "slug")
        standard.setData("x", Qt.ItemDataRole.UserRole)
        cursor.setPosition(1)
    assert sys.getrefcount(None) - before > -100  # PySide6 6.12.0 loses 1,500 here
