"""Turning handout HTML into a PDF or a printout, with Qt's own text layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QFileDevice, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader.common.files import atomic_path
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


def handout_layout(paper: str = "A4", landscape: bool = False) -> QPageLayout:
    """`paper` (a QPageSize.PageSizeId name; A4 for any other) with 18 mm margins: A4
    upright is the PDF's paper, and the print preview's, until another is chosen."""
    size = QPageSize.PageSizeId.__members__.get(paper, QPageSize.PageSizeId.A4)
    return QPageLayout(QPageSize(size), QPageLayout.Orientation.Landscape if landscape
                       else QPageLayout.Orientation.Portrait,
                       QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)


def write_pdf(html: str, path: Path, title: str = "",
              layout: QPageLayout | None = None) -> None:
    """Write the handout as a PDF on `layout`'s paper (handout_layout's A4 when none is
    given), whole or not at all; OSError says why not.

    paint_handout checks what QPainter.begin and newPage return, but QPdfWriter says
    nothing when its file cannot be opened or written (a folder that cannot be
    written, a full disk). So the PDF goes to a file beside `path` that is opened
    here (QFile.open answers), and replaces `path` only when QFile reports no error
    after the painter is done and what the file holds is a whole PDF.
    """
    with atomic_path(path) as partial:
        device = QFile(str(partial))
        if not device.open(QIODevice.OpenModeFlag.WriteOnly):
            raise OSError(_why(device, path))
        writer = QPdfWriter(device)
        writer.setTitle(title)
        writer.setCreator("OTPIC Reader")
        writer.setPageLayout(layout or handout_layout())
        paint_handout(html, writer)  # sheets with running heads, broken as a typesetter would
        del writer
        device.close()
        if device.error() != QFileDevice.FileError.NoError:
            raise OSError(_why(device, path))
        _check_whole(partial)


def _why(device: QFile, path: Path) -> str:
    """QFile's reason, or the disk's when Qt only knows "Unknown error"."""
    import shutil

    why = device.errorString()
    if why and why != "Unknown error":
        return why
    try:
        full = shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        full = False
    return "the disk is full" if full else "the file could not be written"


def _check_whole(path: Path) -> None:
    """A PDF begins with %PDF- and ends with %%EOF; anything else was cut short."""
    with open(path, "rb") as written:
        head = written.read(5)
        written.seek(max(0, path.stat().st_size - 1024))
        tail = written.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise OSError("the PDF was not written whole")
