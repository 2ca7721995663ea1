"""File menu dialogs for the user's data: export, import, and restore from a backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.common.words import counted
from reader.userdata.backups import Backup, list_backups, restore_into
from reader.userdata.database import StoreError
from reader.userdata.exchange import ExchangeError, export_json, export_markdown, import_export
from reader.userdata.store import UserStore

MARKDOWN = "Markdown, for people (*.md)"
JSON = "JSON, for another OTPIC Reader (*.json)"


def export_dialog(parent: QWidget, store: UserStore) -> Path | None:
    path, chosen = QFileDialog.getSaveFileName(parent, "Export notes and bookmarks",
                                               str(Path.home() / "otpic-notes.md"),
                                               f"{MARKDOWN};;{JSON}")
    if not path:
        return None
    target = Path(path)
    as_json = chosen == JSON or target.suffix.lower() == ".json"
    text = export_json(store) if as_json else export_markdown(store)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        QMessageBox.warning(parent, "Not exported", f"{target} could not be written "
                                                    f"({exc.strerror}).")
        return None
    return target


def import_dialog(parent: QWidget, store: UserStore) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, "Import notes and bookmarks", str(Path.home()),
                                          "OTPIC Reader export (*.json);;All files (*)")
    if not path:
        return ""
    try:
        bookmarks, notes = import_export(store, Path(path))
    except (ExchangeError, StoreError) as exc:
        QMessageBox.warning(parent, "Nothing imported", str(exc))
        return ""
    return (f"Imported {counted(notes, 'note')} and {counted(bookmarks, 'bookmark')} (the rest "
            "were already here).")


class RestoreDialog(QDialog):
    """Lists the backups with their dates and note counts."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Replace your notes and bookmarks with a backup. What you have "
                                "now is kept beside the database first."))
        self.list = QListWidget()
        self.list.setObjectName("backupsList")
        for backup in backups:
            item = QListWidgetItem(f"{backup.day:%A, %B} {backup.day.day}, {backup.day.year}: "
                                   f"{counted(backup.notes, 'note')}, "
                                   f"{counted(backup.bookmarks, 'bookmark')}")
            item.setData(Qt.ItemDataRole.UserRole, backup)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> Backup | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


def restore_dialog(parent: QWidget, store: UserStore) -> str:
    if store.path is None or not store.writable:
        QMessageBox.information(parent, "Restore from backup",
                                f"Nothing can be restored: {store.read_only_reason}.")
        return ""
    backups = list_backups(store.path)
    if not backups:
        QMessageBox.information(parent, "Restore from backup", "There is no backup yet. One is "
                                "made each day you change your notes or bookmarks.")
        return ""
    dialog = RestoreDialog(backups, parent)
    if not dialog.exec() or dialog.chosen() is None:
        return ""
    kept = restore_into(store, dialog.chosen())
    return f"Restored. Your data as it was is kept in {kept}."
