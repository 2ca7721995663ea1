"""Every widget a theme shows stands out from the window: the edges of check boxes, radio
buttons, fields, buttons and frames reach the 3:1 contrast WCAG asks of controls, in the
light, dark and high-contrast themes (issue 16, item 4: the Print and Export dialogs'
check boxes were nearly invisible in the dark theme)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QWidget,
)

from reader.ui.themes import apply_palette_theme

THEMES = ("light", "dark", "high-contrast")


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b, _ = color.getRgbF()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def best_contrast(image: QImage, background: QColor, columns: range, rows: range) -> float:
    return max(contrast(image.pixelColor(x, y), background) for x in columns for y in rows)


def checked(box: QCheckBox | QRadioButton) -> QCheckBox | QRadioButton:
    box.setChecked(True)
    return box


INDICATORS: dict[str, Callable[[], QWidget]] = {
    "check box": lambda: QCheckBox("With my notes on these pages"),
    "ticked check box": lambda: checked(QCheckBox("With my notes on these pages")),
    "radio button": lambda: QRadioButton("The whole section"),
    "chosen radio button": lambda: checked(QRadioButton("This page")),
}
FRAMED: dict[str, Callable[[], QWidget]] = {
    "button": lambda: QPushButton("Export as PDF"),
    "text field": lambda: QLineEdit("coercive"),
    "list of choices": QComboBox,
    "number field": QSpinBox,
    "text box": QPlainTextEdit,
    "panel": lambda: _panel(),
}


def _panel() -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    return frame


@pytest.fixture(params=THEMES)
def theme(request, qapp) -> str:
    apply_palette_theme(request.param)
    yield request.param
    apply_palette_theme("")


def shown(qtbot, widget: QWidget, width: int = 220, height: int = 0) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(width, height or widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage()


@pytest.mark.parametrize("kind", INDICATORS)
def test_check_boxes_and_radio_buttons_show_in_every_theme(qtbot, theme: str, kind: str) -> None:
    widget = INDICATORS[kind]()
    image = shown(qtbot, widget)
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    side = widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 2
    found = best_contrast(image, window, range(0, side), range(image.height()))
    assert found >= 3, f"{kind} in the {theme} theme: contrast {found:.2f}"


@pytest.mark.parametrize("kind", FRAMED)
def test_fields_buttons_and_frames_have_edges_in_every_theme(qtbot, theme: str,
                                                             kind: str) -> None:
    image = shown(qtbot, FRAMED[kind](), height=60 if kind in ("text box", "panel") else 0)
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    middle = range(image.height() // 3, 2 * image.height() // 3)
    left_edge = best_contrast(image, window, range(0, 3), middle)
    assert left_edge >= 3, f"{kind} in the {theme} theme: edge contrast {left_edge:.2f}"


def test_a_group_box_frame_shows(qtbot, theme: str) -> None:
    image = shown(qtbot, QGroupBox("Options"), height=80)
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    found = best_contrast(image, window, range(0, 3), range(30, 70))
    assert found >= 3, f"group box in the {theme} theme: {found:.2f}"


def test_leaving_a_theme_gives_back_the_desktops_own_palette(qapp, monkeypatch) -> None:
    """The desktop's look is kept when a theme first replaces it, not at start (asking Qt
    for the style then cost the first paint its enums), and comes back whole."""
    from reader.ui import themes

    apply_palette_theme("")
    monkeypatch.setattr(themes, "_native", None)  # as a start finds it
    style, palette = QApplication.style().name(), QPalette(QApplication.palette())
    apply_palette_theme("")  # the desktop's own look asked for while shown: nothing to do
    assert themes._native is None
    apply_palette_theme("dark")
    assert QApplication.palette() != palette
    apply_palette_theme("")
    assert QApplication.style().name() == style and QApplication.palette() == palette
