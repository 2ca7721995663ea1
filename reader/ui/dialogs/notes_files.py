"""File menu dialogs for the user's data: export, import, and restore from a backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.common.words import counted
from reader.userdata.backups import (
    Backup,
    Holding,
    holding_now,
    list_backups,
    newer_than,
    restore_into,
)
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
    """The backups, and the copies kept before earlier restores, each with what it holds
    beneath what there is now. Nothing is chosen until the user chooses one, and Cancel,
    not Restore, is the default button."""

    COLUMNS = ("Copy", "Notes", "Bookmarks", "Newest note")

    def __init__(self, backups: list[Backup], now: Holding,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        layout = QVBoxLayout(self)
        intro = QLabel("Replace your notes and bookmarks with a backup. What you have now is "
                       "kept as a copy first, and this list offers it afterwards, so that a "
                       "restore can be undone.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setObjectName("backupsList")
        self.list.setAccessibleName("Backups")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(self.COLUMNS)
        self.now = QTreeWidgetItem(["Now (what you have)", *_columns(now)])
        self.now.setFlags(Qt.ItemFlag.ItemIsEnabled)  # shown to compare with, not to choose
        font = self.now.font(0)
        font.setBold(True)
        for column in range(len(self.COLUMNS)):
            self.now.setFont(column, font)
        self.list.addTopLevelItem(self.now)
        for backup in backups:
            item = QTreeWidgetItem([_name(backup), *_columns(backup)])
            item.setData(0, Qt.ItemDataRole.UserRole, backup)
            self.list.addTopLevelItem(item)
        for column in range(len(self.COLUMNS)):
            self.list.resizeColumnToContents(column)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = buttons.addButton("Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setObjectName("restoreButton")
        self.restore.setEnabled(False)  # until a backup is chosen
        self.restore.setAutoDefault(False)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.list.itemSelectionChanged.connect(
            lambda: self.restore.setEnabled(self.chosen() is not None))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(560, self.list.header().length() + 40), 320)
        cancel.setFocus()

    def rows(self) -> list[str]:
        """Each row as one line of text (for tests and for reading aloud)."""
        return ["; ".join(self.list.topLevelItem(i).text(c) for c in range(len(self.COLUMNS)))
                for i in range(self.list.topLevelItemCount())]

    def choose(self, backup: int) -> None:
        """Select the `backup`th backup (0 is the newest), as a click would."""
        self.list.topLevelItem(backup + 1).setSelected(True)

    def chosen(self) -> Backup | None:
        items = self.list.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None


def _columns(what: Backup | Holding) -> list[str]:
    return [str(what.notes), str(what.bookmarks), _date(what.newest) if what.newest else "none"]


def held(what: Backup | Holding) -> str:
    """'40 notes, 2 bookmarks, the newest note of November 19, 2026'."""
    text = f"{counted(what.notes, 'note')}, {counted(what.bookmarks, 'bookmark')}"
    return text + (f", the newest note of {_date(what.newest)}" if what.newest else "")


def _day(backup: Backup) -> str:
    day = f"{backup.day:%A, %B} {backup.day.day}, {backup.day.year}"
    return day if backup.taken is None else f"{day}, {backup.taken:%H:%M}"


def _name(backup: Backup) -> str:
    """How the list names it: its day, or when the copy before a restore was kept."""
    return _day(backup) if backup.taken is None else f"Kept before the restore of {_day(backup)}"


def _what(backup: Backup) -> str:
    """'the backup of Friday, …', 'the copy kept before the restore of …'."""
    kind = "the backup of" if backup.taken is None else "the copy kept before the restore of"
    return f"{kind} {_day(backup)}"


def _date(iso: str) -> str:
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone()  # the reader's own day
    return f"{when:%B} {when.day}, {when.year}"


def confirm_replacing(parent: QWidget, backup: Backup, newer: Holding) -> bool:
    """Ask before a restore replaces anything newer than the backup; Cancel is the default."""
    what = " and ".join(counted(number, noun) for number, noun in (
        (newer.notes, "note"), (newer.bookmarks, "bookmark")) if number)
    since = f" (the newest changed on {_date(newer.newest)})" if newer.newest else ""
    box = QMessageBox(QMessageBox.Icon.Warning, "Replace newer notes?",
                      f"You have {what} that {_what(backup)} lacks or holds in "
                      f"an older version{since}. Restoring replaces them. They stay in the "
                      "copy kept before the restore, which Restore from backup then offers.",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmRestore")
    box.setTextFormat(Qt.TextFormat.PlainText)
    replace = box.addButton("Restore anyway", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is replace


def restore_dialog(parent: QWidget, store: UserStore) -> str:
    if store.path is None or not store.writable:
        QMessageBox.information(parent, "Restore from backup",
                                f"Nothing can be restored: {store.read_only_reason}.")
        return ""
    backups = list_backups(store.path, with_copies=True)
    if not backups:
        QMessageBox.information(parent, "Restore from backup", "There is no backup yet. One is "
                                "made each day you change your notes or bookmarks.")
        return ""
    dialog = RestoreDialog(backups, holding_now(store), parent)
    chosen = dialog.chosen() if dialog.exec() else None
    if chosen is None:
        return ""
    newer = newer_than(store, chosen)
    if (newer.notes or newer.bookmarks) and not confirm_replacing(parent, chosen, newer):
        return ""
    try:
        kept = restore_into(store, chosen)
    except (OSError, StoreError) as exc:
        QMessageBox.warning(parent, "Not restored", f"The backup could not be restored ({exc}); "
                                                    "your notes are as they were.")
        return ""
    return (f"Restored {_what(chosen)}. What you had is kept in {kept}; Restore from backup "
            "offers it, to undo this.")
