"""File > Print and File > Export as PDF: the current page or its section, as a handout."""

from __future__ import annotations

from pathlib import Path

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
    slugs_for_section,
)
from reader.ui.pdf import layout_document, write_pdf
from reader.userdata.notes import Notes


class HandoutDialog(QDialog):
    """What goes into the handout: this page or its section, notes, glossary."""

    def __init__(self, archive: Archive, slug: str, verb: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoutDialog")
        self.setWindowTitle(verb)
        self.archive, self.slug = archive, slug
        section = archive.section_of(slug)
        self.section_id = section.id if section else ""
        self.this_page = QRadioButton(f"This page: {archive.title_of(slug)}")
        self.this_page.setChecked(True)
        self.whole_section = QRadioButton(
            f"The whole section: {section.title}" if section else "The whole section")
        self.whole_section.setEnabled(bool(section and slugs_for_section(archive, section.id)))
        self.with_notes = QCheckBox("With my notes on these pages")
        self.with_glossary = QCheckBox("With the glossary terms these pages use")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(verb, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.this_page, self.whole_section, self.with_notes, self.with_glossary,
                       buttons):
            layout.addWidget(widget)

    def slugs(self) -> list[str]:
        if self.whole_section.isChecked():
            return slugs_for_section(self.archive, self.section_id)
        return [self.slug]

    def html(self, notes: Notes) -> str:
        slugs = self.slugs()
        chosen = None
        if self.with_notes.isChecked():
            chosen = {s: [HandoutNote(n.quote, n.text) for n in notes.for_page(s)] for s in slugs}
        return handout_html(self.archive, slugs, notes=chosen,
                            with_glossary=self.with_glossary.isChecked())


def _handout(parent: QWidget, archive: Archive, slug: str, notes: Notes,
             verb: str) -> tuple[str | None, str]:
    """(the handout's HTML, or None; a message when there can be none for this page).

    The glossary prints as it is; a page prints alone or with its section, as chosen.
    """
    if slug == GLOSSARY_SLUG and slug not in archive.pages:
        return glossary_handout_html(archive), ""
    if slug not in archive.pages:
        return None, "Only preserved pages and the glossary can be printed or exported."
    dialog = HandoutDialog(archive, slug, verb, parent)
    return (dialog.html(notes) if dialog.exec() else None), ""


def export_pdf(parent: QWidget, archive: Archive, slug: str, notes: Notes) -> str:
    html, why = _handout(parent, archive, slug, notes, "Export as PDF")
    if html is None:
        return why
    path, _ = QFileDialog.getSaveFileName(parent, "Export as PDF",
                                          str(Path.home() / f"{slug}.pdf"), "PDF (*.pdf)")
    if not path:
        return ""
    write_pdf(html, Path(path), archive.title_of(slug))
    return f"Saved the handout as {path}."


def print_handout(parent: QWidget, archive: Archive, slug: str, notes: Notes) -> str:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    html, why = _handout(parent, archive, slug, notes, "Print")
    if html is None:
        return why
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return ""
    try:
        layout_document(html).print_(printer)
    except RuntimeError as exc:
        QMessageBox.warning(parent, "Not printed", f"The handout could not be printed: {exc}")
        return ""
    return "Sent the handout to the printer."
