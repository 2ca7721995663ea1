"""File > Export classroom copy: choose a folder, export in a worker, show progress, then
say what was written as the command line does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from reader.archive.archive import Archive
from reader.site.export import SHARING, ExportReport, SiteExportError, export_site
from reader.ui.worker import Job, start


def export_classroom_copy(parent: QWidget, archive: Archive) -> Job | None:
    folder = QFileDialog.getExistingDirectory(parent, "Export classroom copy into",
                                              str(Path.home()))
    if not folder:
        return None
    progress = QProgressDialog("Writing the classroom copy…", "", 0, 0, parent)
    progress.setObjectName("exportProgress")
    progress.setWindowTitle("Export classroom copy")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    job = Job(lambda report_progress: export_site(archive, Path(folder),
                                                  progress=report_progress))

    def moved(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)

    def finished(report: ExportReport) -> None:
        progress.close()
        box = QMessageBox(QMessageBox.Icon.Information, "Classroom copy",
                          f"{report.summary()} {SHARING}", QMessageBox.StandardButton.Ok,
                          parent)
        box.setObjectName("exportResult")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def failed(exc: Exception) -> None:
        progress.close()
        reason = str(exc) if isinstance(exc, SiteExportError | OSError) else repr(exc)
        QMessageBox.warning(parent, "Classroom copy", f"No copy was made: {reason}")

    job.signals.progress.connect(moved)
    job.signals.done.connect(finished)
    job.signals.failed.connect(failed)
    return start(job)
