"""File > Export as PDF from the window."""

from __future__ import annotations

import unicodedata

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from reader.ui.dialogs.handout_dialog import HandoutDialog


def test_export_the_section_as_pdf_with_the_glossary(monkeypatch, tmp_path, make_window) -> None:
    target = tmp_path / "handout.pdf"

    def choose(dialog: HandoutDialog) -> int:
        dialog.whole_section.setChecked(True)
        dialog.with_glossary.setChecked(True)
        return 1

    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window("coercive-diplomacy")
    window.actions.actionExportPdf.trigger()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(target)).pages)
    text = unicodedata.normalize("NFKC", text)  # undo the PDF's ligatures
    assert "Unofficial Communication" in text and "Glossary of the terms used" in text
    assert "Saved the handout" in window.statusBar().currentMessage()
