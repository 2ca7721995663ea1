"""Leaving the reader: nothing opens on the network without the user saying yes."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.archive.links import is_outside_address


def confirm_and_open(parent: QWidget | None, address: str) -> bool:
    """Ask, showing the full address; open it in the system's browser only on yes.

    Every address the reader hands to the desktop comes through here, and only http,
    https and mailto ever do (is_outside_address): anything else is refused unasked."""
    if not is_outside_address(address):
        return False
    is_mail = address.lower().startswith("mailto:")
    what = "your e-mail program" if is_mail else "your web browser"
    answer = QMessageBox.question(
        parent,
        "Open outside the reader?",
        f"This link leads outside the archive:\n\n{address}\n\n"
        f"Open it in {what}? It needs an internet connection.",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Open:
        return False
    return QDesktopServices.openUrl(QUrl(address, QUrl.ParsingMode.StrictMode))
