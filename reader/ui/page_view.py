"""The page view: a QTextBrowser that opens no link by itself and loads nothing remote."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.archive.archive import Archive

MAX_TEXT_WIDTH = 760  # pixels: a comfortable line length for reading
MIN_MARGIN = 24


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
        self.anchorClicked.connect(lambda url: self.link_clicked.emit(url.toString()))
        self.highlighted.connect(lambda url: self.link_hovered.emit(url.toString()))

    def show_html(self, html: str) -> None:
        self.setHtml(html)
        self._fit_column()

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Only images inside the content folder are ever read; nothing else is fetched."""
        if kind == QTextDocument.ResourceType.ImageResource and not url.scheme():
            path = self.archive.resource_path("pages/" + url.path())
            if path is not None:
                image = QImage(str(path))
                if not image.isNull():
                    return image
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def _fit_column(self) -> None:
        """Keep lines at a readable length on wide windows by centring the text column."""
        side = max(MIN_MARGIN, (self.viewport().width() - MAX_TEXT_WIDTH) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if frame.leftMargin() != side or frame.rightMargin() != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)
