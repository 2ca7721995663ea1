"""The search results pane: each hit's title, section, kind and snippet with the hits in bold."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reader.common.words import counted
from reader.search.index import SearchHit
from reader.ui.tooltips import plain_tooltip

KIND_NAMES = {"page": "page", "glossary": "glossary", "note": "my note"}
NO_RESULTS = ("No results for “{query}”. Try fewer words, or the start of a word followed by "
              "* (for example negotiat*).")


class SearchDock(QDockWidget):
    """Emits what the reader opens from a result: page_requested(slug) (to be shown with
    its hits marked), term_requested(term slug) or note_requested(note id)."""

    page_requested = Signal(str)
    term_requested = Signal(str)
    note_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Search", parent)
        self.setObjectName("searchDock")
        self.status = QLabel("Type in the search box (Ctrl+K) to search the course.")
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setObjectName("searchProgress")
        self.progress.hide()
        self.list = QListWidget()
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName("Search results")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self.hits: list[SearchHit] = []

    def show_building(self, done: int, total: int) -> None:
        self.status.setText("Preparing the search index; your search runs as soon as it is "
                            "ready…")
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.show()

    def reveal(self) -> None:
        self.show()
        self.raise_()

    def show_results(self, query: str, hits: list[SearchHit], problem: str = "") -> None:
        """List the hits; the pane comes forward for any query but an empty one."""
        self._list(query, hits, problem)
        if query.strip():
            self.reveal()

    def _list(self, query: str, hits: list[SearchHit], problem: str) -> None:
        self.progress.hide()
        self.hits = hits
        self.list.clear()
        if not query.strip():
            self.status.setText("Type in the search box (Ctrl+K) to search the course.")
            return
        if not hits:
            self.status.setText(problem or NO_RESULTS.format(query=query))
            return
        self.status.setText(f"{counted(len(hits), 'result')} for “{query}”."
                            + (f" {problem}" if problem else ""))
        for hit in hits:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            label = QLabel(self._html(hit))
            label.setObjectName("searchHit")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 3, 4, 3)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            width = max(self.list.viewport().width() - 8, 200)
            item.setSizeHint(QSize(width, label.heightForWidth(width) + 6))
            item.setToolTip(plain_tooltip(f"{KIND_NAMES[hit.kind]}: {hit.title}"))
            self.list.setItemWidget(item, label)
        self.list.setCurrentRow(0)

    @staticmethod
    def _html(hit: SearchHit) -> str:
        """The snippet comes escaped from the index with only <b> added; the rest we escape."""
        where = f" · {escape(hit.section)}" if hit.section else ""
        return (f"<b>{escape(hit.title)}</b> <small>({KIND_NAMES[hit.kind]}{where})</small>"
                f"<br><small>{hit.snippet}</small>")

    def _activated(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(Qt.ItemDataRole.UserRole)
        if hit.kind == "glossary" and hit.term_slug:
            self.term_requested.emit(hit.term_slug)
        elif hit.kind == "note" and hit.note_id is not None:
            self.note_requested.emit(hit.note_id)
        else:
            self.page_requested.emit(hit.slug)
