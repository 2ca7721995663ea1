"""The navigation tree: sections and their pages, the pages not preserved greyed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from reader.archive.model import Section

NOT_PRESERVED_TIP = "Not preserved in this archive: opening it shows what is known of it."


class NavTree(QTreeWidget):
    """Emits page_requested(slug) when the reader picks a page; extras are top-level pages."""

    page_requested = Signal(str)
    mark_unread_requested = Signal(str)
    mark_read_requested = Signal(str)

    def __init__(self, sections: list[Section], extras: list[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navTree")
        self.setAccessibleName("Course contents")
        self.setHeaderHidden(True)
        self.setColumnCount(2)  # the title, and reading progress
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._sections: list[tuple[QTreeWidgetItem, Section]] = []
        self._read: set[str] = set()
        self._populate(sections)
        for slug, title in extras:
            item = QTreeWidgetItem(self, [title])
            item.setData(0, Qt.ItemDataRole.UserRole, slug)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self._items[slug] = item
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def _populate(self, sections: list[Section]) -> None:
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled,
                                           QPalette.ColorRole.Text))
        for section in sections:
            top = QTreeWidgetItem(self, [section.title])
            self._sections.append((top, section))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            total = len(section.entries)
            top.setToolTip(0, f"{section.description}\n{section.preserved_count} of {total} "
                              "pages preserved".strip())
            if not section.entries:
                top.setForeground(0, grey)
            for entry in section.entries:
                item = QTreeWidgetItem(top, [entry.title])
                item.setData(0, Qt.ItemDataRole.UserRole, entry.slug)
                if not entry.preserved:
                    item.setForeground(0, grey)
                    italic = QFont(item.font(0))
                    italic.setItalic(True)
                    item.setFont(0, italic)
                    item.setToolTip(0, NOT_PRESERVED_TIP)
                else:
                    item.setToolTip(0, entry.title)
                self._items.setdefault(entry.slug, item)
            top.setExpanded(True)

    def _activated(self, item: QTreeWidgetItem) -> None:
        slug = item.data(0, Qt.ItemDataRole.UserRole)
        if slug:
            self.page_requested.emit(slug)

    def set_read(self, read: set[str]) -> None:
        """Mark the pages read and count them per section ("2 of 5 read")."""
        self._read = read
        for top, section in self._sections:
            preserved = [e for e in section.entries if e.preserved]
            done = sum(1 for e in preserved if e.slug in read)
            top.setText(1, f"{done} of {len(preserved)}" if preserved else "")
            top.setToolTip(1, f"{done} of the {len(preserved)} preserved pages read")
            for entry in preserved:
                item = self._items[entry.slug]
                done_here = entry.slug in read
                item.setText(1, "✓" if done_here else "")
                item.setToolTip(1, "Read" if done_here else "Not read yet")

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        slug = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not slug or item.font(0).italic():
            return
        menu = QMenu(self)
        if slug in self._read:
            menu.addAction("Mark as unread", lambda: self.mark_unread_requested.emit(slug))
        else:
            menu.addAction("Mark as read", lambda: self.mark_read_requested.emit(slug))
        menu.exec(self.viewport().mapToGlobal(pos))

    def select(self, slug: str) -> None:
        """Show which page is open, without emitting page_requested."""
        item = self._items.get(slug)
        self.blockSignals(True)
        if item is None:
            self.clearSelection()
        else:
            self.setCurrentItem(item)
            self.scrollToItem(item)
        self.blockSignals(False)
