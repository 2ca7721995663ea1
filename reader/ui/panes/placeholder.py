"""What the contents pane shows until the contents come, in the first paint."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame


def contents_placeholder() -> QFrame:
    """A tree's frame and background, and nothing that takes the keyboard's focus
    meanwhile (the tree comes with the archive: nav_tree.py)."""
    pane = QFrame()
    pane.setFrameShape(QFrame.Shape.StyledPanel)
    pane.setFrameShadow(QFrame.Shadow.Sunken)
    pane.setBackgroundRole(QPalette.ColorRole.Base)
    pane.setAutoFillBackground(True)
    return pane
