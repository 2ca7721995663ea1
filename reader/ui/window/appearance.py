"""How pages look: theme, zoom and reading font, remembered in the user's settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.render.page_style import page_css
from reader.ui.page.page_view import READING_FONTS
from reader.ui.themes import apply_theme
from reader.userdata.database import Changes
from reader.userdata.store import UserStore

BASE_POINT_SIZE = 12
ZOOM_RANGE = range(-5, 13)


class Appearance(QObject):
    """Emits changed() when the look changed and pages should be shown again."""

    changed = Signal()

    def __init__(self, store: UserStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.theme, self.zoom, self.reading_font = self._saved()
        self.colors = apply_theme(self.theme)

    def _saved(self) -> tuple[str, int, str]:
        zoom, font = self.store.get("zoom"), self.store.get("reading_font")
        return (self.store.get("theme"), zoom if zoom in ZOOM_RANGE else 0,
                font if font in READING_FONTS else "sans-serif")

    def user_data_changed(self, changes: Changes) -> None:
        """The store's change notice: a look chosen in another window is this one's too."""
        if changes.settings and self._saved() != (self.theme, self.zoom, self.reading_font):
            self.theme, self.zoom, self.reading_font = self._saved()
            self.colors = apply_theme(self.theme)
            self.changed.emit()

    @property
    def css(self) -> str:
        return page_css(self.colors)

    @property
    def font(self) -> tuple[str, int]:
        """The reading font's name (a PageView.READING_FONTS key) and point size."""
        return self.reading_font, BASE_POINT_SIZE + self.zoom

    def page_look(self) -> tuple[str, tuple[str, int], str, str]:
        """What PageView.apply_look takes: style sheet, font, highlight and hit colours."""
        return self.css, self.font, self.colors.highlight, self.colors.found

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self.colors = apply_theme(theme)
        self.store.set("theme", theme)
        self.changed.emit()

    def zoom_by(self, steps: int) -> None:
        zoom = 0 if steps == 0 else self.zoom + steps
        if zoom in ZOOM_RANGE and zoom != self.zoom:
            self.zoom = zoom
            self.store.set("zoom", zoom)
            self.changed.emit()

    def set_reading_font(self, name: str) -> None:
        if name in READING_FONTS and name != self.reading_font:
            self.reading_font = name
            self.store.set("reading_font", name)
            self.changed.emit()
