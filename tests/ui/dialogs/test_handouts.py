"""File > Print, Export as PDF and Print preview: what a trainer chooses, and what comes out."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from reader.archive import Archive
from reader.ui.dialogs import handout_dialog
from reader.ui.dialogs.handout_dialog import HandoutDialog, print_handout
from reader.ui.dialogs.print_preview import PrintPreviewDialog, show_print_preview
from reader.userdata import UserStore


def pdf_text(path: Path) -> str:
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)
    return unicodedata.normalize("NFKC", text)  # undo the PDF's ligatures


@pytest.fixture
def store(data_dir: Path):
    opened = UserStore.open(data_dir)
    yield opened
    opened.close()


def test_export_the_section_as_pdf_with_the_glossary(monkeypatch, tmp_path, make_window) -> None:
    target = tmp_path / "handout.pdf"
    asked: list[str] = []

    def choose(dialog: HandoutDialog) -> int:
        dialog.whole_section.setChecked(True)
        dialog.with_glossary.setChecked(True)
        return 1

    def save_as(parent, caption, proposed, filters):
        asked.append(proposed)
        return str(target), ""

    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = make_window("coercive-diplomacy")
    window.actions.actionExportPdf.trigger()
    text = pdf_text(target)
    assert "Unofficial Communication" in text and "Glossary of the terms used" in text
    assert "Saved the handout" in window.statusBar().currentMessage()
    assert Path(asked[0]).name == "otpic-approaches.pdf"  # the section's name, not the page's
    assert PdfReader(str(target)).metadata.title == "OTPIC: Approaches"


def test_the_choices_and_the_folder_are_remembered_across_restarts(
        monkeypatch, tmp_path, make_window) -> None:
    seen: list[tuple[bool, bool, bool]] = []
    asked: list[str] = []

    def choose(dialog: HandoutDialog) -> int:
        seen.append((dialog.whole_section.isChecked(), dialog.with_notes.isChecked(),
                     dialog.with_glossary.isChecked()))
        dialog.whole_section.setChecked(True)
        dialog.with_notes.setChecked(True)
        return 1

    folder = tmp_path / "handouts"
    folder.mkdir()

    def save_as(parent, caption, proposed, filters):
        asked.append(proposed)
        return str(folder / "mine.pdf"), ""

    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = make_window("coercive-diplomacy")
    window.actions.actionExportPdf.trigger()
    window.close()
    again = make_window("coercive-diplomacy")
    again.actions.actionExportPdf.trigger()
    assert seen == [(False, False, False), (True, True, False)]
    assert Path(asked[1]).parent == folder


def test_printing_goes_through_the_same_sheets(monkeypatch, tmp_path, qtbot, content,
                                               store) -> None:
    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HandoutDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    message = print_handout(None, Archive.open(content), "coercive-diplomacy", store.notes)
    assert message == "Sent the handout to the printer."
    text = pdf_text(target)
    assert "Coercive diplomacy is the diplomacy of threats" in text
    assert "International Online Training Program on Intractable Conflict" in text
    assert "page 1 of" in text
    assert store.get("print_paper")  # the paper, remembered for the next time


def test_a_page_not_preserved_is_not_printed(store, content) -> None:
    archive = Archive.open(content)
    assert show_print_preview(None, archive, "refusal-to-negotiate", store.notes) == (
        handout_dialog.NOT_PRINTABLE)


def test_the_preview_shows_the_sheets_and_follows_the_options(qtbot, content, store) -> None:
    store.notes.add("coercive-diplomacy", "Coercive Diplomacy", "Ask the group.\nThen wait.")
    dialog = PrintPreviewDialog(Archive.open(content), "coercive-diplomacy", store.notes)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheets > 0)
    alone = dialog.sheets
    assert dialog.preview.pageCount() == alone and "sheet" in dialog.count.text()
    dialog.options.whole_section.setChecked(True)
    qtbot.waitUntil(lambda: dialog.sheets > alone)
    assert dialog.preview.pageCount() == dialog.sheets
    assert "Ask the group." not in dialog.html()
    dialog.options.with_notes.setChecked(True)
    assert "Ask the group." in dialog.html()
    assert store.get("handout_section") and store.get("handout_notes")  # remembered


def test_the_preview_exports_what_it_shows(monkeypatch, qtbot, tmp_path, content,
                                           store) -> None:
    target = tmp_path / "preview.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = PrintPreviewDialog(Archive.open(content), "glossary", store.notes)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheets > 0)
    assert not dialog.options.isVisible()  # the glossary prints whole: nothing to choose
    dialog.findChild(QPushButton, "previewExportPdf").click()
    assert dialog.message.startswith("Saved the handout")
    assert len(PdfReader(str(target)).pages) == dialog.sheets


def paper(path: Path) -> tuple[int, int]:
    """The first sheet's width and height in points."""
    box = PdfReader(str(path)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_the_preview_exports_on_the_paper_it_shows(monkeypatch, qtbot, tmp_path, content,
                                                   store) -> None:
    target = tmp_path / "preview.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    store.set("print_paper", "Letter")  # a trainer who printed on Letter paper before
    dialog = PrintPreviewDialog(Archive.open(content), "coercive-diplomacy", store.notes)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheets > 0)
    dialog.findChild(QPushButton, "previewLandscape").click()
    dialog.findChild(QPushButton, "previewExportPdf").click()
    assert dialog.message.startswith("Saved the handout")
    assert paper(target) == (792, 612)  # Letter, turned as the preview showed it


def test_a_pdf_comes_on_the_paper_last_printed_on(monkeypatch, tmp_path, make_window) -> None:
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(HandoutDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window("coercive-diplomacy")
    window.actions.actionExportPdf.trigger()
    assert paper(target) == (595, 842)  # A4 until something is printed
    window.store.set("print_paper", "Letter")
    window.actions.actionExportPdf.trigger()
    assert paper(target) == (612, 792)
