"""The page view: a QTextBrowser that opens no link by itself and loads nothing remote."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.archive.archive import Archive

MAX_TEXT_WIDTH = 760  # pixels: a comfortable line length for reading


class PageView(QTextBrowser):
    """Shows rendered pages; every click on a link goes out as link_clicked(href)."""

    link_clicked = Signal(str)
    link_hovered = Signal(str)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setObjectName("pageView")
        self.setAccessibleName("Page")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(28)
        self.anchorClicked.connect(lambda url: self.link_clicked.emit(url.toString()))
        self.highlighted.connect(lambda url: self.link_hovered.emit(url.toString()))

    def show_html(self, html: str) -> None:
        self.setHtml(html)

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt's name
        """Only images inside the content folder are ever read; nothing else is fetched."""
        if kind == QTextDocument.ResourceType.ImageResource and not url.scheme():
            path = self.archive.resource_path("pages/" + url.path())
            if path is not None:
                image = QImage(str(path))
                if not image.isNull():
                    return image
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Keep lines at a readable length on wide windows by centring the text column."""
        spare = max(0, event.size().width() - MAX_TEXT_WIDTH)
        side = spare // 2
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)
