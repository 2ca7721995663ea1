"""The menus' rarer commands: files of notes, handouts, the archive's checks, the successor,
the list of keys and the About box.

Each opens its dialog, imported when first used to keep start-up short, over the
window it is given; what came of it is said through `say`. The successor's notice
is shown and dismissed here too, and remembered in the user's settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.ui.window.actions import Actions
    from reader.ui.window.successor_notice import SuccessorNotice
    from reader.userdata.store import UserStore


class Commands(QObject):
    def __init__(self, window: QWidget, archive: Archive, store: UserStore,
                 notice: SuccessorNotice, current_slug: Callable[[], str],
                 say: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.archive, self.store, self.notice = window, archive, store, notice
        self.current_slug = current_slug
        self.say = say
        self._jobs: dict[str, object] = {}  # the last export and check, kept while they run

    def connect(self, a: Actions) -> None:
        """Tie each command to the action that asks for it."""
        a.actionExportNotes.triggered.connect(self.export_notes)
        a.actionImportNotes.triggered.connect(lambda: self._notes_file("import_dialog"))
        a.actionRestoreBackup.triggered.connect(lambda: self._notes_file("restore_dialog"))
        a.actionPageInfo.triggered.connect(self.page_info)
        a.actionExportSite.triggered.connect(self.export_site)
        a.actionVerifyArchive.triggered.connect(self.verify_archive)
        a.actionPrintPreview.triggered.connect(self.print_preview)
        a.actionPrint.triggered.connect(lambda: self._handout("print_handout"))
        a.actionExportPdf.triggered.connect(lambda: self._handout("export_pdf"))
        a.actionAboutSuccessor.triggered.connect(self.show_successor)
        a.actionAboutSuccessor.setEnabled(self._has_successor())
        a.actionAboutReader.triggered.connect(self.about_reader)
        a.actionShortcuts.triggered.connect(self.shortcuts)

    def export_notes(self) -> None:
        from reader.ui.dialogs import notes_files

        path = notes_files.export_dialog(self.window, self.store)
        if path is not None:
            self.say(f"Exported to {path}.")

    def _notes_file(self, dialog: str) -> None:
        from reader.ui.dialogs import notes_files

        self.say(getattr(notes_files, dialog)(self.window, self.store))

    def page_info(self) -> None:
        from reader.ui.dialogs.archive_dialogs import PageInfoDialog

        PageInfoDialog(self.archive, self.current_slug(), self.window, settings=self.store).open()

    def export_site(self) -> None:
        from reader.ui.dialogs.site_dialog import export_classroom_copy

        self._jobs["export"] = export_classroom_copy(self.window, self.archive)

    def verify_archive(self) -> None:
        from reader.ui.dialogs.archive_dialogs import verify_archive

        self._jobs["verify"] = verify_archive(self.window, self.archive)

    def _handout(self, dialog: str) -> None:
        from reader.ui.dialogs import handout_dialog

        self.say(getattr(handout_dialog, dialog)(self.window, self.archive, self.current_slug(),
                                                  self.store.notes))

    def print_preview(self) -> None:
        from reader.ui.dialogs.print_preview import show_print_preview

        self.say(show_print_preview(self.window, self.archive, self.current_slug(),
                                    self.store.notes))

    def shortcuts(self) -> None:
        """Help > Keyboard shortcuts, read from the window's actions as they are now."""
        from reader.ui.dialogs.shortcuts_dialog import ShortcutsDialog, shortcut_rows

        ShortcutsDialog(shortcut_rows(self.window), self.window).open()

    def _has_successor(self) -> bool:
        return bool(self.archive.course.successor.title)  # another archive may have none

    def tell_successor(self) -> None:
        """The notice says what this archive says of its successor, unless dismissed."""
        from reader.render.wording import notice_text

        text = notice_text(self.archive.course) if self._has_successor() else ""
        if self.notice.label.text() != text:  # as the kept look showed it, or corrected
            self.notice.label.setText(text)
        self.notice.setVisible(self._has_successor() and not self.store.get("notice_dismissed"))

    def dismiss_notice(self) -> None:
        self.notice.hide()
        self.store.set("notice_dismissed", True)

    def show_successor(self) -> None:
        self.notice.show()
        self.store.set("notice_dismissed", False)
        self.successor_details()

    def successor_details(self) -> None:
        from reader.ui.dialogs.successor_dialog import SuccessorDialog

        dialog = SuccessorDialog(self.archive.course, self.window, settings=self.store)
        dialog.open_requested.connect(lambda url: open_outside(dialog, url))
        dialog.open()

    def about_reader(self) -> None:
        """Help > About: the text of about_dialog.py, which names the data folder, in a box
        whose links ask first (QMessageBox.about's own label would open them unasked)."""
        from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

        from reader.common.portable import is_portable
        from reader.ui.dialogs.about_dialog import about_html

        box = QMessageBox(QMessageBox.Icon.NoIcon, "About OTPIC Reader",
                          about_html(self.store.path.parent, is_portable()),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("aboutBox")
        box.setIconPixmap(QApplication.windowIcon().pixmap(64))
        label = box.findChild(QLabel, "qt_msgbox_label")
        label.setOpenExternalLinks(False)
        label.linkActivated.connect(lambda url: open_outside(box, url))
        box.open()


def open_outside(parent: QWidget, url: str) -> None:
    """Open an address outside the archive, once the reader has said yes (external.py)."""
    from reader.ui.window import external

    external.confirm_and_open(parent, url)
