"""Help > Verify archive, and the Page info dialog with its citation to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive.archive import Archive
from reader.integrity.manifest import ManifestError, VerifyReport, verify
from reader.integrity.provenance import page_checksum_status
from reader.render.wording import THIS_PAGE_NOT_PRESERVED, cite_text, page_facts
from reader.ui.dialogs.sizing import Settings, fit_and_remember
from reader.ui.worker import Job, start

LINE_CHARACTERS = 80  # Page info's width in characters: an address or a checksum a line


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PageInfoDialog(QDialog):
    """Where a page came from, whether it verified, and how to cite it: all of it shown
    when it opens (within the screen), at the size its user last gave it if any."""

    def __init__(self, archive: Archive, slug: str, parent: QWidget | None = None, *,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageInfoDialog")
        self.setWindowTitle("Page info")
        page = archive.page(slug)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Title:", _label(archive.title_of(slug)))
        if page is None:
            form.addRow("", _label(THIS_PAGE_NOT_PRESERVED))
        else:
            status = page_checksum_status(archive.root, slug)
            for name, value in page_facts(page):
                form.addRow(name, _label(value))
            form.addRow("Checksum:", _label(status.sha256 or "none"))
            form.addRow("Verified:", _label(("Yes. " if status.verified else "No. ")
                                            + status.describe()))
        layout.addLayout(form)
        if page is not None:
            layout.addWidget(QLabel("Cite this page:"))
            self.citation = _label(cite_text(page, archive.course))
            self.citation.setObjectName("citation")
            self.citation.setFrameShape(QLabel.Shape.StyledPanel)
            self.citation.setMargin(6)
            layout.addWidget(self.citation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if page is not None:
            copy = QPushButton("Copy citation")
            copy.setObjectName("copyCitation")
            copy.clicked.connect(
                lambda: QApplication.clipboard().setText(self.citation.text()))
            buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_and_remember(self, self.fontMetrics().averageCharWidth() * LINE_CHARACTERS,
                         settings)


def verify_archive(parent: QWidget, archive: Archive) -> Job:
    """Check every file against the manifest in a worker, with a progress dialog meanwhile."""
    waiting = QProgressDialog("Checking every file of the archive…", "", 0, 0, parent)
    waiting.setObjectName("verifyProgress")
    waiting.setWindowTitle("Verify archive")
    waiting.setCancelButton(None)
    waiting.setMinimumDuration(300)
    job = Job(lambda _progress: verify(archive.root))

    def finished(report: VerifyReport) -> None:
        waiting.close()
        box = QMessageBox(QMessageBox.Icon.Information if report.intact
                          else QMessageBox.Icon.Warning, "Verify archive", report.summary(),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("verifyResult")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if report.findings:
            box.setDetailedText("\n".join(str(finding) for finding in report.findings))
        box.open()

    def failed(exc: Exception) -> None:
        waiting.close()
        reason = str(exc) if isinstance(exc, ManifestError | OSError) else repr(exc)
        QMessageBox.warning(parent, "Verify archive", f"The archive could not be checked: "
                                                      f"{reason}")

    job.signals.done.connect(finished)
    job.signals.failed.connect(failed)
    return start(job)
