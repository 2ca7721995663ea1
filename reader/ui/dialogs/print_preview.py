"""File > Print preview: the handout's sheets as they will come out of the printer, with
the handout's options beside them; a change of option shows the new handout at once,
and it is printed or saved as a PDF from here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive.archive import Archive
from reader.common.words import counted
from reader.ui.dialogs.handout_dialog import (
    NOT_PRINTABLE,
    HandoutOptions,
    print_on,
    printable,
    remembered_printer,
    save_pdf,
)
from reader.ui.dialogs.sizing import available_size, fit_and_remember
from reader.userdata.notes import Notes

SCREEN_PART = 0.85  # a preview wants room: most of the screen's width, the first time


class PrintPreviewDialog(QDialog):
    """The sheets, the options that make them, and Print… and Export as PDF…"""

    def __init__(self, archive: Archive, slug: str, notes: Notes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle("Print preview")
        self.message = ""  # what came of it, for the status bar
        self.sheets = 0
        self.options = HandoutOptions(archive, slug, notes, self)
        self.options.setVisible(not self.options.is_glossary)
        self.printer = remembered_printer(notes.store)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setObjectName("printPreview")
        self.preview.paintRequested.connect(self._paint)
        self.count = QLabel()
        self.count.setObjectName("printPreviewSheets")
        self._html: str | None = None
        for box in (self.options.this_page, self.options.whole_section,
                    self.options.with_notes, self.options.with_glossary):
            box.toggled.connect(self._changed)

        side = QVBoxLayout()
        heading = QLabel("<b>What to print</b>" if not self.options.is_glossary
                         else "<b>The whole glossary</b>")
        side.addWidget(heading)
        side.addWidget(self.options)
        side.addWidget(self.count)
        side.addSpacing(self.fontMetrics().height())
        for text, name, slot in (("Fit the width", "previewFitWidth", self.preview.fitToWidth),
                                 ("Whole sheet", "previewWholeSheet", self.preview.fitInView),
                                 ("Portrait", "previewPortrait",
                                  self.preview.setPortraitOrientation),
                                 ("Landscape", "previewLandscape",
                                  self.preview.setLandscapeOrientation)):
            side.addWidget(self._button(text, name, slot))
        side.addStretch(1)
        side.addWidget(self._button("Print…", "previewPrint", self._print))
        side.addWidget(self._button("Export as PDF…", "previewExportPdf", self._export))
        body = QHBoxLayout()
        body.addLayout(side)
        body.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        room = available_size(self)
        self.setMinimumSize(min(640, room.width()), min(420, room.height()))
        fit_and_remember(self, int(room.width() * SCREEN_PART), notes.store, room.height())

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _changed(self, checked: bool) -> None:
        if checked or not self.sender().inherits("QRadioButton"):  # one call per change
            self._html = None
            self.preview.updatePreview()

    def html(self) -> str:
        if self._html is None:
            self._html = self.options.html()
        return self._html

    def _paint(self, printer: QPrinter) -> None:
        from reader.ui.sheets import paint_handout

        try:
            self.sheets = paint_handout(self.html(), printer)
        except OSError as exc:
            self.count.setText(f"The handout cannot be shown: {exc}")
            return
        self.count.setText(f"{counted(self.sheets, 'sheet')} of paper.")

    def _print(self) -> None:
        if QPrintDialog(self.printer, self).exec() == QDialog.DialogCode.Accepted:
            self.message = print_on(self, self.printer, self.options)
            if self.message:
                self.accept()

    def _export(self) -> None:
        self.message = save_pdf(self, self.options, self.printer.pageLayout())  # as shown
        if self.message:
            self.accept()


def show_print_preview(parent: QWidget, archive: Archive, slug: str, notes: Notes) -> str:
    """Show the preview of this page's handout (or the glossary's), modal; what came of it
    in words for the status bar ("" when it was only looked at)."""
    if not printable(archive, slug):
        return NOT_PRINTABLE
    dialog = PrintPreviewDialog(archive, slug, notes, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.exec()
    return dialog.message
