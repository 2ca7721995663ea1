"""File > Print and File > Export as PDF: the current page or its section, as a handout.

What goes into a handout (this page or its section, notes, glossary) is chosen in one
widget, HandoutOptions, which the print preview shows too; the choice is remembered in
the settings, as are the folder of the last PDF and the paper last printed on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive.archive import Archive
from reader.archive.glossary import GLOSSARY_SLUG
from reader.render.handout import (
    HandoutNote,
    glossary_handout_html,
    handout_html,
    handout_name,
    slugs_for_section,
)
from reader.ui.dialogs.sizing import Settings, fit_and_remember
from reader.ui.pdf import handout_layout, write_pdf
from reader.userdata.notes import Notes

if TYPE_CHECKING:
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter  # loaded when first printing

NOT_PRINTABLE = "Only preserved pages and the glossary can be printed or exported."


def is_glossary(archive: Archive, slug: str) -> bool:
    return slug == GLOSSARY_SLUG and slug not in archive.pages


def printable(archive: Archive, slug: str) -> bool:
    """A preserved page prints, and so does the glossary; a page not preserved does not."""
    return slug in archive.pages or is_glossary(archive, slug)


class HandoutOptions(QWidget):
    """This page or its whole section, with notes, with the glossary terms used; set as
    they were last chosen, and saved as chosen."""

    def __init__(self, archive: Archive, slug: str, notes: Notes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoutOptions")
        self.archive, self.slug, self.notes = archive, slug, notes
        self.settings = notes.store
        section = archive.section_of(slug)
        self.section_id = section.id if section else ""
        self.this_page = QRadioButton(f"This page: {archive.title_of(slug)}")
        self.this_page.setObjectName("handoutThisPage")
        self.whole_section = QRadioButton(
            f"The whole section: {section.title}" if section else "The whole section")
        self.whole_section.setObjectName("handoutWholeSection")
        has_section = bool(section and slugs_for_section(archive, section.id))
        self.whole_section.setEnabled(has_section)
        self.with_notes = QCheckBox("With my notes on these pages")
        self.with_notes.setObjectName("handoutWithNotes")
        self.with_glossary = QCheckBox("With the glossary terms these pages use")
        self.with_glossary.setObjectName("handoutWithGlossary")
        section_chosen = has_section and bool(self.settings.get("handout_section"))
        (self.whole_section if section_chosen else self.this_page).setChecked(True)
        self.with_notes.setChecked(bool(self.settings.get("handout_notes")))
        self.with_glossary.setChecked(bool(self.settings.get("handout_glossary")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.this_page, self.whole_section, self.with_notes, self.with_glossary):
            layout.addWidget(widget)
            widget.toggled.connect(self.save)

    @property
    def is_glossary(self) -> bool:
        """The glossary prints whole: none of the choices applies to it."""
        return is_glossary(self.archive, self.slug)

    def save(self) -> None:
        self.settings.set("handout_section", self.whole_section.isChecked())
        self.settings.set("handout_notes", self.with_notes.isChecked())
        self.settings.set("handout_glossary", self.with_glossary.isChecked())

    def slugs(self) -> list[str]:
        if self.whole_section.isChecked():
            return slugs_for_section(self.archive, self.section_id)
        return [self.slug]

    def name(self) -> tuple[str, str]:
        """(the handout's title, its PDF's file name): a section's are the section's."""
        if self.is_glossary:
            return "Glossary", "glossary.pdf"
        section = self.section_id if self.whole_section.isChecked() else ""
        return handout_name(self.archive, self.slug, section)

    def html(self) -> str:
        if self.is_glossary:
            return glossary_handout_html(self.archive)
        slugs = self.slugs()
        chosen = None
        if self.with_notes.isChecked():
            chosen = {s: [HandoutNote(n.quote, n.text) for n in self.notes.for_page(s)]
                      for s in slugs}
        return handout_html(self.archive, slugs, notes=chosen,
                            with_glossary=self.with_glossary.isChecked())


class HandoutDialog(QDialog):
    """What goes into the handout, before it is printed or exported."""

    def __init__(self, archive: Archive, slug: str, verb: str, notes: Notes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoutDialog")
        self.setWindowTitle(verb)
        self.options = HandoutOptions(archive, slug, notes, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(verb, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(buttons)
        fit_and_remember(self, self.sizeHint().width(), notes.store)

    # kept for callers and tests that ask the dialog itself
    @property
    def whole_section(self) -> QRadioButton:
        return self.options.whole_section

    @property
    def with_notes(self) -> QCheckBox:
        return self.options.with_notes

    @property
    def with_glossary(self) -> QCheckBox:
        return self.options.with_glossary


def _options(parent: QWidget, archive: Archive, slug: str, notes: Notes,
             verb: str) -> tuple[HandoutOptions | None, str]:
    """(the options chosen, or None; a message when there can be no handout of this page).

    The glossary prints as it is; a page prints alone or with its section, as chosen.
    """
    if not printable(archive, slug):
        return None, NOT_PRINTABLE
    if is_glossary(archive, slug):
        return HandoutOptions(archive, slug, notes), ""  # never shown: nothing to choose
    dialog = HandoutDialog(archive, slug, verb, notes, parent)
    return (dialog.options if dialog.exec() else None), ""


def export_pdf(parent: QWidget, archive: Archive, slug: str, notes: Notes) -> str:
    options, why = _options(parent, archive, slug, notes, "Export as PDF")
    if options is None:
        return why
    return save_pdf(parent, options)


def save_pdf(parent: QWidget, options: HandoutOptions,
             layout: QPageLayout | None = None) -> str:
    """Ask where, named after what it holds, in the folder last used; then write it on
    `layout`'s paper (the preview's), else on the paper last printed on."""
    settings = options.settings
    title, file_name = options.name()
    folder = Path(settings.get("handout_folder") or Path.home())
    if not folder.is_dir():
        folder = Path.home()
    path, _ = QFileDialog.getSaveFileName(parent, "Export as PDF", str(folder / file_name),
                                          "PDF (*.pdf)")
    if not path:
        return ""
    try:
        write_pdf(options.html(), Path(path), title, layout or remembered_layout(settings))
    except OSError as exc:
        QMessageBox.warning(parent, "Not saved", f"The handout could not be saved as {path}: "
                                                 f"{exc.strerror or exc}")
        return ""
    settings.set("handout_folder", str(Path(path).parent))
    return f"Saved the handout as {path}."


def print_handout(parent: QWidget, archive: Archive, slug: str, notes: Notes) -> str:
    from PySide6.QtPrintSupport import QPrintDialog

    options, why = _options(parent, archive, slug, notes, "Print")
    if options is None:
        return why
    printer = remembered_printer(options.settings)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return ""
    return print_on(parent, printer, options)


def print_on(parent: QWidget, printer: QPrinter, options: HandoutOptions) -> str:
    """Print the handout on a printer set up already, and remember its paper."""
    from reader.ui.sheets import paint_handout

    try:
        paint_handout(options.html(), printer, printer.fromPage() or 1, printer.toPage())
    except (OSError, RuntimeError) as exc:
        QMessageBox.warning(parent, "Not printed", f"The handout could not be printed: {exc}")
        return ""
    remember_paper(options.settings, printer)
    return "Sent the handout to the printer."


def remembered_printer(settings: Settings) -> QPrinter:
    """A printer on the paper, and the way up, last printed on; at first the PDF's."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(remembered_layout(settings))
    return printer


def remembered_layout(settings: Settings) -> QPageLayout:
    """The paper, and the way up, last printed on (a reader on Letter paper gets Letter
    PDFs too); A4 upright until something is printed."""
    paper = settings.get("print_paper")
    return handout_layout(paper if isinstance(paper, str) else "A4",
                          bool(settings.get("print_landscape")))


def remember_paper(settings: Settings, printer: QPrinter) -> None:
    from PySide6.QtGui import QPageLayout, QPageSize

    layout = printer.pageLayout()
    paper = layout.pageSize().id()
    if paper != QPageSize.PageSizeId.Custom:
        settings.set("print_paper", paper.name)
    settings.set("print_landscape",
                 layout.orientation() == QPageLayout.Orientation.Landscape)
