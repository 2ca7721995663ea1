"""The glossary pane: filter the terms, read an entry, follow its links."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.archive.glossary import Glossary
from reader.archive.links import classify_href
from reader.render.renderer import Renderer
from reader.ui.tooltips import plain_tooltip


class GlossaryDock(QDockWidget):
    """Emits page_requested(slug) when the reader follows "Appears in", and
    external_requested(url) for an outside link in an entry (the window asks first)."""

    page_requested = Signal(str)
    external_requested = Signal(str)

    def __init__(self, glossary: Glossary, renderer: Renderer,
                 parent: QWidget | None = None) -> None:
        super().__init__("Glossary", parent)
        self.setObjectName("glossaryDock")
        self.glossary = glossary
        self.renderer = renderer
        self.filter = QLineEdit()
        self.filter.setObjectName("glossaryFilter")
        self.filter.setPlaceholderText("Filter terms…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter glossary terms")
        self.list = QListWidget()
        self.list.setObjectName("glossaryList")
        self.list.setAccessibleName("Glossary terms")
        for term in glossary.terms:
            item = QListWidgetItem(term.term, self.list)
            item.setData(Qt.ItemDataRole.UserRole, term.slug)
            if term.aliases:
                item.setToolTip(plain_tooltip("Also: " + ", ".join(term.aliases)))
        self.definition = QTextBrowser()
        self.definition.setObjectName("glossaryDefinition")
        self.definition.setAccessibleName("Glossary entry")
        self.definition.setOpenLinks(False)
        self.definition.setPlaceholderText("Pick a term to read its entry.")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.definition)
        splitter.setSizes([220, 320])
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(splitter, 1)
        self.setWidget(body)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._pick_first_visible)
        self.list.currentItemChanged.connect(self._show_current)
        self.definition.anchorClicked.connect(self._follow)

    def apply_look(self, css: str) -> None:
        self.definition.document().setDefaultStyleSheet(css)
        self._show_current(self.list.currentItem())

    @property
    def current_slug(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def show_term(self, slug: str) -> None:
        """Open the pane on a term's entry, clearing a filter that would hide it."""
        item = self._item(slug)
        if item is None:
            return
        if item.isHidden():
            self.filter.clear()
        self.show()
        self.raise_()
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)

    def _item(self, slug: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == slug:
                return item
        return None

    def _apply_filter(self, text: str) -> None:
        for row, term in enumerate(self.glossary.terms):
            self.list.item(row).setHidden(not term.matches(text))

    def _pick_first_visible(self) -> None:
        for row in range(self.list.count()):
            if not self.list.item(row).isHidden():
                self.list.setCurrentRow(row)
                self.list.setFocus()
                return

    def _show_current(self, item: QListWidgetItem | None) -> None:
        term = self.glossary.term(item.data(Qt.ItemDataRole.UserRole)) if item else None
        if term is None:
            self.definition.clear()
            return
        self.definition.setHtml(self.renderer.term_entry_html(term))

    def _follow(self, url: QUrl) -> None:
        target = classify_href(url.toString())
        if target.kind == "term":
            self.show_term(target.value)
        elif target.kind == "page":
            self.page_requested.emit(target.value)
        elif target.kind == "external":
            self.external_requested.emit(target.value)
