"""A handout on sheets of paper, for a PDF, a printer or the print preview alike.

QTextDocument.print_ breaks pages wherever a line falls and keeps nothing together. So
the handout is laid out once as one long column on the device, its lines (a note or a
table row as one) are handed to page_breaks.py, which says where each sheet begins,
and each sheet is painted as its slice of the column, under a running header (the
course and the page's title) and over a footer (where the page came from, page n of m).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from reader.render.handout import RunningHeads, running_heads, sheet_number
from reader.render.page_breaks import Line, sheet_starts

PRINT_POINT_SIZE = 11
HEAD_POINT_SIZE = 8
HEAD_COLOR = "#4a4d52"


@dataclass(frozen=True)
class _Column:
    lines: list[Line]
    parts: dict[int, int]  # the index of a part's first line -> the part's number


class Sheets:
    """The handout laid out for one device, ready to paint sheet by sheet."""

    def __init__(self, html: str, device: QPagedPaintDevice) -> None:
        self.device = device
        self.heads: RunningHeads | None = running_heads(html)
        self.document = QTextDocument()
        font = QFont("serif", PRINT_POINT_SIZE)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.document.setDefaultFont(font)
        self.document.documentLayout().setPaintDevice(device)
        self.document.setDocumentMargin(0)
        self.document.setHtml(html)
        self.head_font = QFont("sans-serif", HEAD_POINT_SIZE)
        self.head_font.setStyleHint(QFont.StyleHint.SansSerif)
        self.metrics = QFontMetricsF(self.head_font, device)
        band = self.metrics.height() * 2.4
        self.page = QRectF(0, 0, device.width(), device.height())
        self.body = self.page.adjusted(0, band, 0, -band)
        self.document.setTextWidth(self.body.width())
        self.column = _column(self.document, self.body.height())
        self.starts = sheet_starts(self.column.lines, self.body.height()) or [0]

    @property
    def count(self) -> int:
        return len(self.starts)

    def span(self, index: int) -> tuple[float, float]:
        """The slice of the column (top, bottom) that sheet `index` shows."""
        lines = self.column.lines
        if not lines:
            return 0.0, 0.0
        top = lines[self.starts[index]].top
        if index + 1 < len(self.starts):
            return top, lines[self.starts[index + 1]].top
        return top, max(self.document.size().height(), top)

    def part_of(self, index: int) -> int:
        """The part (page of the course) running on sheet `index`: the last to begin
        at or before the sheet's first line."""
        begun = [part for line, part in self.column.parts.items() if line <= self.starts[index]]
        return max(begun, default=0)

    def paint(self, painter: QPainter, index: int) -> None:
        top, bottom = self.span(index)
        painter.save()
        painter.translate(self.body.left(), self.body.top() - top)
        # Qt draws every line that touches the clip, and a PDF keeps the text of what is
        # clipped: a hair inside the slice, the lines of the sheets around are left out.
        hair = 1.0
        self.document.drawContents(painter, QRectF(0, top + hair, self.body.width(),
                                                   max(0.0, bottom - top - 2 * hair)))
        painter.restore()
        self._paint_heads(painter, index)

    def _paint_heads(self, painter: QPainter, index: int) -> None:
        heads = self.heads
        parts = heads.parts if heads else ()
        part = parts[min(self.part_of(index), len(parts) - 1)] if parts else None
        course = heads.course if heads else ""
        width, line = self.page.width(), self.metrics.height()
        painter.save()
        painter.setFont(self.head_font)
        pen = QPen(QColor(HEAD_COLOR))
        pen.setWidthF(max(1.0, self.device.logicalDpiY() / 144))  # half a point
        painter.setPen(pen)
        self._pair(painter, 0, course, part.title if part else "")
        painter.drawLine(0, line * 1.3, width, line * 1.3)
        foot = self.page.bottom() - line
        painter.drawLine(0, foot - line * 0.3, width, foot - line * 0.3)
        self._pair(painter, foot, part.source if part else "",
                   sheet_number(index + 1, self.count), keep_right=True)
        painter.restore()

    def _pair(self, painter: QPainter, y: float, left: str, right: str, *,
              keep_right: bool = False) -> None:
        """Two texts on one line, left and right, each cut short (…) when both do not fit:
        the right one keeps up to three fifths of the line, or all it needs."""
        width, gap = self.page.width(), self.metrics.averageCharWidth() * 3
        right_width = min(self.metrics.horizontalAdvance(right),
                          width if keep_right else width * 0.6)
        right = self.metrics.elidedText(right, Qt.TextElideMode.ElideRight, right_width)
        right_width = self.metrics.horizontalAdvance(right)
        left = self.metrics.elidedText(left, Qt.TextElideMode.ElideMiddle,
                                       max(0.0, width - right_width - gap))
        box = QRectF(0, y, width, self.metrics.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)


def paint_handout(html: str, device: QPagedPaintDevice, first: int = 1,
                  last: int = 0) -> int:
    """Paint the handout's sheets first to last (1-based; last 0: to the end) on a PDF
    writer or a printer; the number painted. OSError when the device cannot be painted."""
    sheets = Sheets(html, device)
    last = min(last or sheets.count, sheets.count)
    first = max(1, min(first, last))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the handout could not be opened for painting")
    try:
        for number in range(first, last + 1):
            if number > first and not device.newPage():
                raise OSError("a new sheet could not be begun")
            sheets.paint(painter, number - 1)
    finally:
        painter.end()
    return last - first + 1


@dataclass
class _Row:
    """A row of a table (a note): its cells' lines, painted together when they fit."""

    table: QTextTable
    start: int  # where the table begins in the document: which table it is
    lines: list[Line]


def _column(document: QTextDocument, height: float) -> _Column:
    """The document's lines, top to bottom; a table's row (a note) is one line, unless
    it is taller than a sheet (`height`), when its lines are left to break apart."""
    layout = document.documentLayout()
    items: list[Line | _Row] = []
    rows: dict[tuple[int, int], _Row] = {}  # (table, row) -> the row
    part_blocks: dict[int, int] = {}  # a part's title block -> the part's number
    block = document.begin()
    while block.isValid():
        found = _block_lines(block, layout.blockBoundingRect(block).top())
        table = _outer_table(block)
        if table is None:
            part = _part_number(block)
            if part is not None:
                part_blocks[block.blockNumber()] = part
            items.extend(found)
        else:
            key = (table.firstPosition(), table.cellAt(block.position()).row())
            if key not in rows:
                rows[key] = _Row(table, key[0], [])
                items.append(rows[key])
            rows[key].lines.extend(found)
        block = block.next()
    units = _row_units(layout, [item for item in items if isinstance(item, _Row)])
    lines: list[Line] = []
    parts: dict[int, int] = {}
    for item in items:
        if isinstance(item, Line):
            if item.block in part_blocks:  # its first line
                parts[len(lines)] = part_blocks.pop(item.block)
            lines.append(item)
        elif item.lines:
            unit = units[id(item)]
            lines.extend([unit] if unit.bottom - unit.top <= height else
                         sorted(item.lines, key=lambda line: line.top))
    return _Column(lines, parts)


def _block_lines(block: QTextBlock, top: float) -> list[Line]:
    text = block.layout()
    fmt = block.blockFormat()
    heading = fmt.headingLevel() > 0
    new_sheet = bool(fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    origin = top - text.boundingRect().top()
    found = []
    for index in range(text.lineCount()):
        line = text.lineAt(index)
        found.append(Line(origin + line.y(), origin + line.y() + line.height(),
                          block.blockNumber(), heading=heading, new_sheet=new_sheet))
    return found


def _row_units(layout, rows: list[_Row]) -> dict[int, Line]:
    """Each row as one unit. Rows meet halfway between their texts, and a table's first
    reaches up to its top, its last down to its foot, so no border or padding is cut."""
    units: dict[int, Line] = {}
    for number, row in enumerate(rows):
        if not row.lines:
            continue
        frame = layout.frameBoundingRect(row.table)
        before = rows[number - 1] if number else None
        after = rows[number + 1] if number + 1 < len(rows) else None
        top = min(line.top for line in row.lines)
        bottom = max(line.bottom for line in row.lines)
        if before is not None and before.start == row.start and before.lines:
            top = (max(line.bottom for line in before.lines) + top) / 2
        else:
            top = frame.top()
        if after is not None and after.start == row.start and after.lines:
            bottom = (bottom + min(line.top for line in after.lines)) / 2
        else:
            bottom = frame.bottom()
        units[id(row)] = Line(top, bottom, row.lines[0].block)
    return units


def _outer_table(block: QTextBlock) -> QTextTable | None:
    frame, table = QTextCursor(block).currentFrame(), None
    while frame is not None:
        if isinstance(frame, QTextTable):
            table = frame
        frame = frame.parentFrame()
    return table


def _part_number(block: QTextBlock) -> int | None:
    """The number of the handout part whose title this block is (handout.py numbers them
    as the block's user state; nothing else sets one), or None."""
    state = block.userState()
    return state if state >= 0 else None
