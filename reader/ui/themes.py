"""Light, dark and high-contrast themes for the whole window, following the system's by default."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.render.page_style import THEMES, Colors

THEME_CHOICES = (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark"),
                 ("high-contrast", "&High contrast"))


def resolve(choice: str) -> str:
    """The theme to show for a setting; "system" follows the desktop's colour scheme."""
    if choice in THEMES:
        return choice
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == QtCore.Qt.ColorScheme.Dark else "light"


def palette_for(colors: Colors) -> QPalette:
    palette = QPalette()
    text, base = QColor(colors.text), QColor(colors.background)
    window = base.lighter(110) if base.lightness() < 128 else base.darker(105)
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.Link: QColor(colors.link),
        QPalette.ColorRole.Highlight: QColor(colors.link),
        QPalette.ColorRole.HighlightedText: base,
        QPalette.ColorRole.PlaceholderText: QColor(colors.muted),
    }
    edge = QColor(colors.muted)
    roles.update({  # the shades frames and bevels are drawn with, from the theme too
        QPalette.ColorRole.Light: window.lighter(130), QPalette.ColorRole.Midlight:
        window.lighter(115), QPalette.ColorRole.Mid: edge, QPalette.ColorRole.Dark: edge,
        QPalette.ColorRole.Shadow: QColor("#000000"),
    })
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colors.missing))
    return palette


_native: tuple[str, QPalette] | None = None  # the desktop's own style and palette
_applied = ""  # the palette theme the application shows; "" for the desktop's own


def apply_theme(choice: str) -> Colors:
    """Colour the application for a theme; returns the colours pages should use.

    Following a light system needs no change at all, which also spares the
    start-up a restyling of every widget; other themes use Fusion, which
    honours palettes on every platform, with the edges of theme_style.py.
    """
    name = resolve(choice)
    apply_palette_theme("" if choice == "system" and name == "light" else name)
    return THEMES[name]


def apply_palette_theme(name: str) -> None:
    """Show a theme's palette (Fusion), or with "" the desktop's own style and palette."""
    global _native, _applied
    if name == _applied:
        return
    app = QApplication.instance()
    if _native is None:  # kept before the first change: asking for the style makes
        _native = (app.style().name(), app.palette())  # QStyle's enums, some 15 ms
    if name:
        from reader.ui.theme_style import ThemedStyle

        app.setStyle(ThemedStyle(THEMES[name]))  # Fusion, with edges that show
        app.setPalette(palette_for(THEMES[name]))
    else:
        app.setStyle(_native[0])
        app.setPalette(_native[1])
    _applied = name


def applied_theme() -> str:
    return _applied
