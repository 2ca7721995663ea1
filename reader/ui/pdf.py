"""Turning handout HTML into a PDF or a printout, with Qt's own text layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader.ui.sheets import paint_handout

PRINT_POINT_SIZE = 11


def layout_document(html: str) -> QTextDocument:
    """The handout in a serif face at a size meant for paper."""
    document = QTextDocument()
    font = QFont("serif", PRINT_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.Serif)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def handout_layout() -> QPageLayout:
    """A4 with 18 mm margins: the PDF's paper, and the print preview's until another is chosen."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)


def write_pdf(html: str, path: Path, title: str = "") -> None:
    """Write the handout as an A4 PDF."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("OTPIC Reader")
    writer.setPageLayout(handout_layout())
    paint_handout(html, writer)  # sheets with running heads, broken as a typesetter would
