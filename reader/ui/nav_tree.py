"""The navigation tree: sections and their pages, the pages not preserved greyed.

A large section is filled in only when it is opened (or holds the page shown),
so an archive of 10,000 pages starts as fast as one of ten. The tree is built
from plain values (Archive.outline), which a start painted from the window's
snapshot has before it loads the archive.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from reader.ui.plain_text import plain_tooltip

# Qt.UserRole, where items keep their page's slug. Written as its value because the
# first use of the Qt namespace costs a start some 20 ms (Qt.ItemDataRole.UserRole == 256).
SLUG_ROLE = 256
# (slug, title, preserved) and (title, description, entries): see Archive.outline
Entry = tuple[str, str, bool]
Outline = Sequence[tuple[str, str, Sequence[Entry]]]

NOT_PRESERVED_TIP = "Not preserved in this archive: opening it shows what is known of it."
FILL_AT_ONCE = 200  # sections up to this many pages are filled and open from the start


class NavTree(QTreeWidget):
    """Emits page_requested(slug) when the reader picks a page; extras are top-level pages."""

    page_requested = Signal(str)
    mark_unread_requested = Signal(str)
    mark_read_requested = Signal(str)

    def __init__(self, outline: Outline = (), extras: Sequence[tuple[str, str]] = (),
                 read: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navTree")
        self.setAccessibleName("Course contents")
        self.setHeaderHidden(True)
        self.setColumnCount(2)  # the title, and reading progress
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        # the palette's brush: QBrush(QColor) would load QGradient's many enums (30 ms)
        self._grey = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.itemExpanded.connect(self._expanded)
        self._finished = False
        self.set_outline(outline, extras, read)

    def set_outline(self, outline: Outline, extras: Sequence[tuple[str, str]] = (),
                    read: Sequence[str] = ()) -> None:
        """Show these sections and pages (again), with the pages read marked."""
        self.clear()
        self.outline, self.extras = outline, extras
        self._items: dict[str, QTreeWidgetItem] = {}
        self._sections: list[tuple[QTreeWidgetItem, Sequence[Entry]]] = []
        self._filled: set[int] = set()
        self._home_of: dict[str, int] = {}
        self._read = set(read)
        for section in outline:
            self._add_section(*section)
        for slug, title in extras:
            item = QTreeWidgetItem(self, [title])
            item.setData(0, SLUG_ROLE, slug)
            self._bold(item)
            self._items[slug] = item

    def finish(self) -> None:
        """What the first paint does not show: section rows that cannot be selected, the
        context menu (kept apart because they need the Qt namespace)."""
        Qt = QtCore.Qt
        for top, _ in self._sections:
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._finished = True

    @staticmethod
    def _bold(item: QTreeWidgetItem) -> None:
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)

    def _add_section(self, title: str, description: str, entries: Sequence[Entry]) -> None:
        number = len(self._sections)
        top = QTreeWidgetItem(self, [title])
        self._sections.append((top, entries))
        self._bold(top)
        if self._finished:
            top.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
        total = len(entries)
        preserved = sum(1 for entry in entries if entry[2])
        top.setToolTip(0, plain_tooltip(f"{description}\n{preserved} of {total} "
                                        f"page{'' if total == 1 else 's'} preserved".strip()))
        for slug, _, _ in entries:
            self._home_of.setdefault(slug, number)
        if not entries:
            top.setForeground(0, self._grey)
        elif len(entries) <= FILL_AT_ONCE:
            self._fill(number)
            top.setExpanded(True)
        else:
            top.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        if number not in self._filled:
            self._show_read(number)

    def _fill(self, number: int) -> None:
        """Create the items of a section's pages (once)."""
        if number in self._filled:
            return
        self._filled.add(number)
        top, entries = self._sections[number]
        italic = None
        for slug, title, preserved in entries:
            item = QTreeWidgetItem(top, [title])
            item.setData(0, SLUG_ROLE, slug)
            if preserved:
                item.setToolTip(0, plain_tooltip(title))
            else:
                if italic is None:
                    italic = QFont(item.font(0))
                    italic.setItalic(True)
                item.setForeground(0, self._grey)
                item.setFont(0, italic)
                item.setToolTip(0, NOT_PRESERVED_TIP)
            self._items.setdefault(slug, item)
        self._show_read(number)

    def _expanded(self, item: QTreeWidgetItem) -> None:
        for number, (top, _) in enumerate(self._sections):
            if top is item:
                self._fill(number)

    def _activated(self, item: QTreeWidgetItem) -> None:
        slug = item.data(0, SLUG_ROLE)
        if slug:
            self.page_requested.emit(slug)

    @property
    def read(self) -> set[str]:
        return self._read

    def set_read(self, read: set[str]) -> None:
        """Mark the pages read and count them per section ("2 of 5")."""
        if read == self._read:
            return
        self._read = set(read)
        for number in range(len(self._sections)):
            self._show_read(number)

    def _show_read(self, number: int) -> None:
        top, entries = self._sections[number]
        preserved = [slug for slug, _, kept in entries if kept]
        done = sum(1 for slug in preserved if slug in self._read)
        top.setText(1, f"{done} of {len(preserved)}" if preserved else "")
        top.setToolTip(1, f"{done} of the {len(preserved)} preserved pages read")
        if number not in self._filled:
            return
        for slug in preserved:
            item = self._items.get(slug)
            if item is not None and item.parent() is top:
                read_here = slug in self._read
                item.setText(1, "✓" if read_here else "")
                item.setToolTip(1, "Read" if read_here else "Not read yet")

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        slug = item.data(0, SLUG_ROLE) if item else None
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
        if slug in self._home_of:
            self._fill(self._home_of[slug])
        item = self._items.get(slug)
        self.blockSignals(True)
        if item is None:
            self.clearSelection()
        else:
            if item.parent() is not None:
                item.parent().setExpanded(True)
            self.setCurrentItem(item)
            self.scrollToItem(item)
        self.blockSignals(False)
