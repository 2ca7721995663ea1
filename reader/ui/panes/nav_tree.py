"""The navigation tree: sections and their pages, the pages not preserved greyed.

Sections are filled and opened from the start while they come to no more than
FILL_AT_ONCE pages in all; the others are filled when opened (or when they hold
the page shown), so an archive of 10,000 pages starts as fast as one of ten. The
window builds the tree after its first paint, from Archive.outline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.archive.glossary import GLOSSARY_SLUG
from reader.render.wording import NOT_PRESERVED_TIP, preserved_count
from reader.ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.userdata.database import Changes
    from reader.userdata.progress import Progress

SLUG_ROLE = QtCore.Qt.ItemDataRole.UserRole  # where items keep their page's slug
# (slug, title, preserved) and (title, description, entries): see Archive.outline
Entry = tuple[str, str, bool]
Outline = Sequence[tuple[str, str, Sequence[Entry]]]

FILL_AT_ONCE = 200  # pages, in all, of the sections filled and open from the start


class NavTree(QTreeWidget):
    """Emits page_requested(slug) when the reader picks a page (a click, Enter, or the arrow
    keys, which keep the focus here), new_window_requested(slug) on a middle or Ctrl+click;
    extras are top-level pages."""

    page_requested = Signal(str)
    new_window_requested = Signal(str)
    mark_unread_requested = Signal(str)
    mark_read_requested = Signal(str)

    @classmethod
    def of_archive(cls, archive: Archive, progress: Progress) -> NavTree:
        """The archive's outline, and its glossary as a page of its own when it has one,
        with the reader's progress, which it follows (user_data_changed)."""
        extras = ((GLOSSARY_SLUG, "Glossary"),) if len(archive.glossary) else ()
        tree = cls(archive.outline(), extras, progress.read_slugs())
        tree.progress = progress
        return tree

    def __init__(self, outline: Outline = (), extras: Sequence[tuple[str, str]] = (),
                 read: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navTree")
        self.setAccessibleName("Course contents")
        self.setHeaderHidden(True)
        self.setColumnCount(2)  # the title, and reading progress
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.currentItemChanged.connect(self._activated)  # the arrow keys; section rows: none
        self._shown = ""  # the page open (select), which picking again does not reopen
        self.itemExpanded.connect(self._expanded)
        self.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.outline = outline
        self.progress: Progress | None = None  # what set_read follows, if anything
        self._read = set(read)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._greyed: list[QTreeWidgetItem] = []  # what is not preserved, in the theme's grey
        self._tops: list[QTreeWidgetItem] = []
        self._preserved: list[frozenset[str]] = []
        self._filled: set[int] = set()
        self._home_of: dict[str, int] = {}
        room = FILL_AT_ONCE
        for number, (title, description, entries) in enumerate(outline):
            top = QTreeWidgetItem(self, [title])
            top.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)  # a section opens; it is not a page
            self._bold(top)
            self._tops.append(top)
            self._preserved.append(frozenset(slug for slug, _, kept in entries if kept))
            total = len(entries)
            count = preserved_count(len(self._preserved[number]), total)
            top.setToolTip(0, plain_tooltip(f"{description}\n{count}".strip()))
            for slug, _, _ in entries:
                self._home_of.setdefault(slug, number)
            if not entries:
                self._grey(top)
            elif len(entries) <= room:
                room -= len(entries)
                self._fill(number)
                top.setExpanded(True)
            else:
                top.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self._count_read(number)
        for slug, title in extras:
            item = QTreeWidgetItem(self, [title])
            item.setData(0, SLUG_ROLE, slug)
            self._bold(item)
            self._items[slug] = item

    def _grey(self, item: QTreeWidgetItem) -> None:
        # the palette's brush: QBrush(QColor) would load QGradient's many enums (30 ms)
        item.setForeground(0, self.palette().brush(QPalette.ColorGroup.Disabled,
                                                   QPalette.ColorRole.Text))
        self._greyed.append(item)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        """A new theme greys what is not preserved in its own grey."""
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.PaletteChange:
            brush = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for item in self._greyed:
                item.setForeground(0, brush)

    @staticmethod
    def _bold(item: QTreeWidgetItem) -> None:
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)

    def _fill(self, number: int) -> None:
        """Create the items of a section's pages (once)."""
        if number in self._filled:
            return
        self._filled.add(number)
        items = []
        italic = None
        for slug, title, preserved in self.outline[number][2]:
            item = QTreeWidgetItem([title])
            item.setData(0, SLUG_ROLE, slug)
            if not preserved:
                if italic is None:
                    italic = QFont(item.font(0))
                    italic.setItalic(True)
                self._grey(item)
                item.setFont(0, italic)
                item.setToolTip(0, NOT_PRESERVED_TIP)
            else:
                item.setToolTip(0, plain_tooltip(title))
                item.setToolTip(1, "Read" if slug in self._read else "Not read yet")
                if slug in self._read:
                    item.setText(1, "✓")
            self._items.setdefault(slug, item)
            items.append(item)
        self._tops[number].addChildren(items)  # at once: far quicker than one by one

    def _expanded(self, item: QTreeWidgetItem) -> None:
        if item in self._tops:
            self._fill(self._tops.index(item))

    def _activated(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        slug = item.data(0, SLUG_ROLE) if item is not None else None
        if slug and slug != self._shown:  # a click also makes the item current: once
            self._shown = slug
            self.page_requested.emit(slug)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        """A middle or Ctrl+click opens the page in a new window, and moves nothing here."""
        Qt = QtCore.Qt
        item = self.itemAt(event.position().toPoint())
        slug = item.data(0, SLUG_ROLE) if item is not None else None
        if slug and (event.button() == Qt.MouseButton.MiddleButton or (
                event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier)):
            self.new_window_requested.emit(slug)
            event.accept()
            return
        super().mousePressEvent(event)

    def set_read(self, read: Iterable[str]) -> None:
        """Mark the pages read and count them per section ("2 of 5")."""
        read = set(read)
        changed = read ^ self._read
        self._read = read
        for number, preserved in enumerate(self._preserved):
            if changed.isdisjoint(preserved):
                continue
            self._count_read(number)
            if number in self._filled:
                top = self._tops[number]
                for index, (slug, _, _) in enumerate(self.outline[number][2]):
                    if slug in changed and slug in preserved:
                        item = top.child(index)
                        item.setText(1, "✓" if slug in read else "")
                        item.setToolTip(1, "Read" if slug in read else "Not read yet")

    def user_data_changed(self, changes: Changes) -> None:
        if changes.progress and self.progress is not None:
            self.set_read(self.progress.read_slugs())

    def _count_read(self, number: int) -> None:
        preserved = self._preserved[number]
        done = len(preserved & self._read)
        top = self._tops[number]
        top.setText(1, f"{done} of {len(preserved)}" if preserved else "")
        top.setToolTip(1, f"{done} of the {len(preserved)} preserved pages read")

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        slug = item.data(0, SLUG_ROLE) if item else None
        if not slug or item.font(0).italic():
            return
        menu = QtWidgets.QMenu(self)
        if slug in self._read:
            menu.addAction("Mark as unread", lambda: self.mark_unread_requested.emit(slug))
        else:
            menu.addAction("Mark as read", lambda: self.mark_read_requested.emit(slug))
        menu.exec(self.viewport().mapToGlobal(pos))

    def select(self, slug: str) -> None:
        """Show which page is open, without emitting page_requested."""
        self._shown = slug
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
