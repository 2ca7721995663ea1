"""Dialogs open at the size their content needs, within the screen, and keep the size
their user gives them.

A dialog of wrapped text has no one natural size: its height depends on its width. So
it is given a comfortable width and the height its layout needs at that width, widened
when that would be taller than the screen. A size the user gives it by hand is kept in
the settings under its objectName, and used next time if the content still fits.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

SCREEN_SHARE = 0.92  # of the screen's free area: room for the frame and the desktop's bars
SIZES = "dialog_sizes"


class Settings(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> bool: ...


def available_size(widget: QWidget) -> QSize:
    """The room a dialog may take on the screen it opens on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry().size()
    return QSize(int(free.width() * SCREEN_SHARE), int(free.height() * SCREEN_SHARE))


def content_height(dialog: QDialog, width: int) -> int:
    """The height the dialog's layout needs at this width."""
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return dialog.sizeHint().height()


def fitted_size(dialog: QDialog, width: int, height: int = 0) -> QSize:
    """The dialog's size for its content at about `width` (and at least `height`), within
    the screen: wider when the content would be taller than the screen at that width."""
    room = available_size(dialog)
    least = dialog.minimumSizeHint().width()
    width = max(least, min(width, room.width()))
    needed = content_height(dialog, width)
    while needed > room.height() and width < room.width():
        width = min(room.width(), width + max(40, width // 5))
        needed = content_height(dialog, width)
    return QSize(width, min(max(needed, height), room.height()))


def fit_and_remember(dialog: QDialog, width: int, settings: Settings | None,
                     height: int = 0) -> QSize:
    """Size the dialog to its content (fitted_size), or to the size its user last gave it
    when that still shows all of it; remember a size the user gives it now."""
    fitted = fitted_size(dialog, width, height)
    size = fitted
    saved = _saved(settings, dialog.objectName())
    if saved is not None:
        room = available_size(dialog)
        wide = max(dialog.minimumSizeHint().width(), min(saved.width(), room.width()))
        size = QSize(wide, min(room.height(), max(saved.height(), content_height(dialog, wide))))
    dialog.resize(size)
    if settings is not None:
        dialog.finished.connect(lambda _result: _keep(settings, dialog, size))
    return size


def _saved(settings: Settings | None, name: str) -> QSize | None:
    if settings is None or not name:
        return None
    sizes = settings.get(SIZES)
    value = sizes.get(name) if isinstance(sizes, dict) else None
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int) and 0 < v < 100_000 for v in value)):
        return QSize(*value)
    return None


def _keep(settings: Settings, dialog: QDialog, opened: QSize) -> None:
    """Keep the dialog's size if its user changed it from the one it opened at."""
    if dialog.size() == opened or not dialog.objectName():
        return
    sizes = settings.get(SIZES)
    sizes = dict(sizes) if isinstance(sizes, dict) else {}
    sizes[dialog.objectName()] = [dialog.width(), dialog.height()]
    settings.set(SIZES, sizes)
