"""File > Import saved pages…: choose saved pages, a folder or an archive file (zip, WARC),
import them in a worker behind a progress dialog that can cancel, and say what changed.

The import itself is reader.capture.run.import_saved_copies: it writes the
pages, course.yaml and the manifest together or nothing, so a cancel leaves
the archive as it was. The window reopens the archive when this returns True.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from reader.archive.bundled import bundled_content_dir
from reader.capture.report import ImportReport
from reader.capture.run import ImportCancelled, ImportRefused, import_saved_copies
from reader.capture.sources.items import shown
from reader.ui.worker import Job, start

TITLE = "Import saved pages"
PAGES_FILTER = "Saved pages (*.htm *.html *.shtml *.txt);;All files (*)"
ARCHIVES_FILTER = ("Zip files and web archives (*.zip *.ZIP *.wacz *.warc *.warc.gz);;"
                   "All files (*)")
STEPS = 1000  # progress in thousandths: Qt's ints would not hold the bytes of a large WARC


def import_saved_pages(parent: QWidget, archive_root: Path) -> bool:
    """Ask what to import, import it into `archive_root`; True when pages changed.

    The archive installed with the program is never changed (as on the command line).
    """
    if Path(archive_root).resolve() == bundled_content_dir().resolve():
        tell(parent, QMessageBox.Icon.Information,
             "The archive that comes with the program is not changed by imports. Start an "
             "archive of your own with 'otpic-reader import PATH --into FOLDER', open it with "
             "File > Open archive, and import into it.")
        return False
    paths = choose_inputs(parent)
    return bool(paths) and run_import(parent, paths, Path(archive_root))


def choose_inputs(parent: QWidget) -> list[Path]:
    """Saved pages, a folder, or a zip or web-archive file, as the user picks them."""
    box = QMessageBox(QMessageBox.Icon.Question, TITLE,
                      "What do you want to import into the archive?",
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("importChooser")
    box.setInformativeText("Saved pages of the course (HTML or text), a folder holding a "
                           "saved copy of the site, or a zip file or web archive (WARC) of it.")
    pages = _button(box, "Saved pages…", "importPages")
    folder = _button(box, "A folder…", "importFolder")
    archive = _button(box, "A zip or web archive…", "importArchive")
    box.exec()
    clicked = box.clickedButton()
    home = str(Path.home())
    if clicked is pages:
        names, _filter = QFileDialog.getOpenFileNames(parent, TITLE, home, PAGES_FILTER)
        return [Path(name) for name in names]
    if clicked is folder:
        name = QFileDialog.getExistingDirectory(parent, TITLE, home)
        return [Path(name)] if name else []
    if clicked is archive:
        names, _filter = QFileDialog.getOpenFileNames(parent, TITLE, home, ARCHIVES_FILTER)
        return [Path(name) for name in names]
    return []


def _button(box: QMessageBox, text: str, name: str) -> QPushButton:
    button = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
    button.setObjectName(name)
    return button


def run_import(parent: QWidget, paths: Sequence[Path], archive_root: Path) -> bool:
    """Import in a worker while a progress dialog shows; True when pages changed."""
    cancel = threading.Event()
    progress = QProgressDialog("Reading the saved pages…", "Cancel", 0, STEPS, parent)
    progress.setObjectName("importProgress")
    progress.setWindowTitle(TITLE)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def cancelled() -> None:
        cancel.set()
        progress.setLabelText("Cancelling; nothing will be written…")

    progress.canceled.connect(cancelled)

    def work(report_progress) -> ImportReport:
        def moved(done: int, total: int) -> None:
            report_progress(done * STEPS // total if total else 0, STEPS)

        return import_saved_copies(list(paths), archive_root, progress=moved,
                                   cancelled=cancel.is_set)

    outcome: dict[str, object] = {}
    loop = QEventLoop()
    job = Job(work)
    job.signals.progress.connect(lambda done, _total: progress.setValue(done))
    job.signals.done.connect(lambda report: (outcome.update(report=report), loop.quit()))
    job.signals.failed.connect(lambda exc: (outcome.update(error=exc), loop.quit()))
    start(job)
    loop.exec()
    progress.close()
    report = outcome.get("report")
    if isinstance(report, ImportReport):
        _tell_report(parent, report)
        return report.changed
    _tell_failure(parent, outcome.get("error"), archive_root)
    return False


def _tell_report(parent: QWidget, report: ImportReport) -> None:
    icon = QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning
    text = report.summary()
    if report.not_preserved:
        text += (f" {report.not_preserved} pages they link to are not preserved yet; they "
                 "are listed greyed in the contents.")
    details = "\n".join(f"{shown(skip.name)}: {skip.reason}." for skip in report.refused)
    tell(parent, icon, text, details)


def _tell_failure(parent: QWidget, error: object, archive_root: Path) -> None:
    if isinstance(error, ImportCancelled):
        tell(parent, QMessageBox.Icon.Information,
             "The import was cancelled; the archive was left as it was.")
    elif isinstance(error, ImportRefused):
        tell(parent, QMessageBox.Icon.Warning, str(error))
    elif isinstance(error, OSError):
        tell(parent, QMessageBox.Icon.Warning,
             f"The import could not be written into {archive_root} "
             f"({error.strerror or error}); the archive was left as it was.")
    else:
        tell(parent, QMessageBox.Icon.Warning, f"The import failed: {error!r}. The archive was "
                                               "left as it was.")


def tell(parent: QWidget, icon: QMessageBox.Icon, text: str, details: str = "") -> None:
    """Say how the import ended, in a box the user closes."""
    box = QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("importResult")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()
