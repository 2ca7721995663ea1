"""Fusion with the edges a theme needs, for the dark and high-contrast themes above all.

Fusion draws the edge of a check box, a radio button, a text field, a button or a frame
a shade darker than the window: on a light window a grey line, on a dark one next to
nothing, on black nothing at all (issue 16: the Print and Export dialogs' check boxes
were nearly invisible). This style draws the indicators itself, in the theme's colours,
and gives every framed widget an edge that stands out from the window in each theme.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

from reader.render.page_style import Colors

PE = QStyle.PrimitiveElement
# what Fusion draws with its faint edge, and this style outlines again
EDGED = frozenset({PE.PE_FrameLineEdit, PE.PE_PanelButtonCommand, PE.PE_FrameGroupBox,
                   PE.PE_Frame, PE.PE_FrameTabWidget, PE.PE_FrameMenu, PE.PE_FrameDockWidget,
                   PE.PE_FrameButtonBevel, PE.PE_PanelMenu})
EDGED_CONTROLS = frozenset({QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox})


def mixed(one: str, other: str, share: float) -> QColor:
    """`share` of colour one, the rest of the other."""
    a, b = QColor(one), QColor(other)
    return QColor.fromRgbF(*(share * x + (1 - share) * y for x, y in
                             zip(a.getRgbF()[:3], b.getRgbF()[:3], strict=True)))


class ThemedStyle(QProxyStyle):
    """Fusion, with indicators and edges drawn in a theme's colours."""

    def __init__(self, colors: Colors) -> None:
        super().__init__("Fusion")
        self.colors = colors
        self.edge = mixed(colors.text, colors.background, 0.62)
        self.faint = mixed(colors.missing, colors.background, 0.6)  # edges of what is disabled
        self.accent = QColor(colors.link)

    def drawPrimitive(self, element: PE, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element in (PE.PE_IndicatorCheckBox, PE.PE_IndicatorItemViewItemCheck):
            self._check_box(option, painter)
        elif element == PE.PE_IndicatorRadioButton:
            self._radio_button(option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)
            if element in EDGED and not (element == PE.PE_Frame and option.rect.width() < 4):
                self._outline(option, painter)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in EDGED_CONTROLS and getattr(option, "frame", True):
            self._outline(option, painter)

    def _enabled(self, option: QStyleOption) -> bool:
        return bool(option.state & QStyle.StateFlag.State_Enabled)

    def _pen(self, option: QStyleOption) -> QPen:
        focused = option.state & QStyle.StateFlag.State_HasFocus
        color = (self.faint if not self._enabled(option)
                 else self.accent if focused else self.edge)
        pen = QPen(color)
        pen.setWidthF(1.0)
        return pen

    def _outline(self, option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen(option))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        painter.restore()

    def _box(self, option: QStyleOption) -> QRectF:
        """The indicator's square, on whole pixels so that its edge is drawn sharp."""
        rect = option.rect
        side = min(rect.width(), rect.height())
        return QRectF(rect.x() + (rect.width() - side) // 2,
                      rect.y() + (rect.height() - side) // 2, side, side)

    def _check_box(self, option: QStyleOption, painter: QPainter) -> None:
        """A box with an edge that stands out; when ticked, filled in the theme's accent
        with the tick in the page's background colour."""
        state = option.state
        ticked = bool(state & QStyle.StateFlag.State_On)
        partly = bool(state & QStyle.StateFlag.State_NoChange)
        fill = (self.accent if self._enabled(option) else self.faint) if ticked or partly \
            else option.palette.base().color()
        box = self._box(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen(option) if not (ticked or partly) else QPen(fill))
        painter.setBrush(fill)
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        mark = QPen(QColor(self.colors.background), max(1.5, box.width() / 7))
        mark.setCapStyle(Qt.PenCapStyle.RoundCap)
        mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        w, left, top = box.width(), box.left(), box.top()
        if partly:
            painter.drawLine(QPointF(left + w * 0.25, top + w / 2),
                             QPointF(left + w * 0.75, top + w / 2))
        elif ticked:
            tick = QPainterPath(QPointF(left + w * 0.22, top + w * 0.52))
            tick.lineTo(QPointF(left + w * 0.42, top + w * 0.72))
            tick.lineTo(QPointF(left + w * 0.78, top + w * 0.3))
            painter.drawPath(tick)
        painter.restore()

    def _radio_button(self, option: QStyleOption, painter: QPainter) -> None:
        """A ring that stands out; when chosen, a dot in the theme's accent inside it."""
        box = self._box(option).adjusted(0.5, 0.5, -0.5, -0.5)
        chosen = bool(option.state & QStyle.StateFlag.State_On)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = self._pen(option)
        if chosen and self._enabled(option):
            pen.setColor(self.accent)
        painter.setPen(pen)
        painter.setBrush(option.palette.base().color())
        painter.drawEllipse(box)
        if chosen:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.accent if self._enabled(option) else self.faint)
            inset = box.width() * 0.27
            painter.drawEllipse(box.adjusted(inset, inset, -inset, -inset))
        painter.restore()
