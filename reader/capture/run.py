"""Import saved copies of the site into an archive: the one entry point, with no Qt.

`import_saved_copies` reads every input, plans every page, and only then
writes: pages, course.yaml, the captures and the manifest together, or nothing
(a failure or a cancel leaves the archive as it was). A worker thread may run
it with a progress callback and a cancel flag; the command line runs it too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.archive.bundled import bundled_content_dir
from reader.archive.course import load_course
from reader.archive.errors import ArchiveError
from reader.capture import addresses, transaction
from reader.capture.candidates import Candidate, read_candidate
from reader.capture.held import Held, HeldPage, held_from_files, read_held
from reader.capture.new_archive import skeleton
from reader.capture.parse_cache import ParseCache
from reader.capture.placement import placed_course
from reader.capture.plan import Plan, make_plan
from reader.capture.report import ImportReport, PageOutcome
from reader.capture.sources import Item, Reading, Skip, read_inputs, total_size
from reader.capture.sources.items import read_regular
from reader.capture.text_capture import CaptureError
from reader.integrity.manifest import MANIFEST_NAME, ManifestError, format_line, read_manifest

Progress = Callable[[int, int], None]
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class ImportRefused(ValueError):
    """The import cannot start (the target folder, or what was asked); one sentence."""


class ImportCancelled(Exception):
    """The import was cancelled before it wrote anything."""


def import_saved_copies(paths: Sequence[Path | str], into: Path | str, *, address: str = "",
                        section: str = "", captured: str = "", progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None,
                        bundled: Path | None = None) -> ImportReport:
    """Import folders, zip files, WARC files and single saved pages into `into`.

    A folder that does not exist (or is empty) becomes a new archive. `address`
    gives the one file's original address, `section` the section of every page,
    `captured` the date of captures that do not tell theirs. Raises ImportRefused
    before anything is read when the import cannot be made, ImportCancelled when
    `cancelled()` turned true (nothing written), OSError when writing failed
    (nothing changed).
    """
    into, inputs = Path(into), [Path(path) for path in paths]
    if address and (len(inputs) != 1 or inputs[0].is_dir()):
        raise ImportRefused("An original address can be given for one file only.")
    if captured and not _is_date(captured):
        raise ImportRefused(f"{captured!r} is not a date like 2004-06-03 (or 2004-06, or 2004).")
    _refuse_nesting(into, inputs)
    creating = _creating(into)
    report = ImportReport(into, created=creating)
    if creating:
        start = skeleton(bundled or bundled_content_dir())
        held = held_from_files(into, start)
    else:
        report.recovered = transaction.recover(into)
        start, held = {}, _read_held(into)
    manifest = None if creating else _manifest(into)
    stop = cancelled or (lambda: False)
    candidates = _read(inputs, report, progress, stop, address=address, captured=captured)
    plan = make_plan(candidates, held, section=section,
                     held_capture=lambda page: _held_candidate(held, page))
    files = _files(plan, report)
    if stop():
        raise ImportCancelled("The import was cancelled; nothing was written.")
    if not files:
        return report
    if creating:
        files = {**start, **files}
        files[MANIFEST_NAME] = _manifest_text({}, files)
        _create(into, files)
    elif manifest is not None:
        files[MANIFEST_NAME] = _manifest_text(manifest, files)
    if not creating:
        transaction.commit(into, files)
    report.written = sorted(files)
    report.manifest_updated = MANIFEST_NAME in files
    return report


def _is_date(value: str) -> bool:
    full = value + "-01" * (2 - value.count("-"))
    try:
        return bool(_DATE.match(value)) and bool(dt.date.fromisoformat(full))
    except ValueError:
        return False


def _refuse_nesting(into: Path, inputs: list[Path]) -> None:
    target = into.resolve()
    for path in inputs:
        if path.is_dir() and (target == path.resolve() or path.resolve() in target.parents):
            raise ImportRefused(f"The archive {into} lies inside {path}, which is being "
                                "imported; import into a folder outside it.")


def _creating(into: Path) -> bool:
    """True when `into` is to become a new archive; ImportRefused when it cannot be one."""
    if not into.exists():
        return True
    if not into.is_dir():
        raise ImportRefused(f"{into} is not a folder, so pages cannot be imported into it.")
    if (into / "course.yaml").is_file():
        return False
    if any(into.iterdir()):
        raise ImportRefused(f"{into} is not an OTPIC archive (it has no course.yaml) and is "
                            "not empty, so nothing was imported into it.")
    return True


def _read_held(into: Path) -> Held:
    """The archive as it is; a course.yaml that does not read refuses the import, since
    placing pages would mean writing it again."""
    try:
        load_course(into / "course.yaml")
    except ArchiveError as exc:
        raise ImportRefused(str(exc)) from None
    try:
        return read_held(into)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is not UTF-8 text"
        raise ImportRefused(f"{into / 'course.yaml'} cannot be read ({reason}).") from None


def _manifest(into: Path) -> dict[str, str] | None:
    """The archive's checksums, refusing a manifest that would be rewritten wrongly."""
    if not (into / MANIFEST_NAME).is_file():
        return None
    try:
        entries, bad = read_manifest(into)
    except ManifestError as exc:
        raise ImportRefused(str(exc)) from None
    if bad:
        raise ImportRefused(f"{into / MANIFEST_NAME} has lines that are not checksums (line "
                            f"{bad[0]}), so nothing was imported; remake it with "
                            "'otpic-reader manifest'.")
    return {name.removeprefix("./"): digest for name, digest in entries}


def _read(inputs: list[Path], report: ImportReport, progress: Progress | None,
          stop: Callable[[], bool], *, address: str, captured: str) -> list[Candidate]:
    """Every input read and every capture parsed; what cannot be imported is skipped."""
    reading = Reading(total=total_size(inputs))
    cache = ParseCache()
    candidates: list[Candidate] = []
    shown = -1
    for order, event in enumerate(read_inputs(inputs, reading)):
        if stop():
            raise ImportCancelled("The import was cancelled; nothing was written.")
        if isinstance(event, Skip):
            report.skipped.append(event)
        else:
            try:
                candidates.append(read_candidate(event, address=address, captured=captured,
                                                 order=order, cache=cache))
            except CaptureError as exc:
                report.skipped.append(Skip(event.name, str(exc).rstrip(".")))
        if progress is not None and reading.done != shown:
            shown = reading.done
            progress(min(reading.done, reading.total), reading.total)
    if progress is not None:
        progress(reading.total, reading.total)
    cache.save()
    return candidates


def _held_candidate(held: Held, page: HeldPage) -> Candidate | None:
    """The capture a held page was made from, read again, to weigh it against new ones."""
    relative = page.field("capture_file")
    path = (held.root / relative).resolve()
    if held.root.resolve() not in path.parents:
        return None
    data = read_regular(path)
    if not isinstance(data, bytes) or \
            hashlib.sha256(data).hexdigest() != page.field("capture_sha256").lower():
        return None
    source_url = page.field("source_url")
    item = Item(name=relative, data=data, address=source_url,
                location=source_url or addresses.local_location(0, relative),
                captured=page.field("captured"), store_name=relative.removeprefix("captures/"))
    try:
        return read_candidate(item, order=-1)
    except CaptureError:
        return None


def _files(plan: Plan, report: ImportReport) -> dict[str, bytes]:
    """The files the plan writes (pages that changed, new captures, course.yaml)."""
    files: dict[str, bytes] = {}
    for group in plan.groups:
        sources = tuple(candidate.item.name for candidate in group.candidates)
        first = group.candidates[0]
        report.pages.append(PageOutcome(group.slug, group.title, group.status, sources,
                                        group.capture_file, first.decoded.encoding,
                                        first.decoded.describe(), first.kind))
        if group.status != "unchanged":
            files[f"pages/{group.slug}.md"] = group.text.encode("utf-8")
    files.update(plan.captures)
    course = placed_course(plan)
    if course is not None:
        files["course.yaml"] = course.encode("utf-8")
    report.not_preserved = len(plan.stubs)
    return files


def _manifest_text(listed: dict[str, str], files: dict[str, bytes]) -> bytes:
    entries = dict(listed)
    for relative, data in files.items():
        entries[relative] = hashlib.sha256(data).hexdigest()
    return "".join(format_line(name, entries[name]) + "\n"
                   for name in sorted(entries)).encode("utf-8", "surrogateescape")


def _create(into: Path, files: dict[str, bytes]) -> None:
    """Build the new archive beside its place, with its manifest, and move it in whole."""
    staging = transaction.staging_folder(into)
    try:
        transaction.write_all(staging, files)
        transaction.move_into_place(staging, into)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
