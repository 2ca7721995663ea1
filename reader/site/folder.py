"""The folder a classroom copy goes into: new, empty, or an earlier copy, so that nobody's
own files are overwritten, and an earlier copy's files (only those) are replaced."""

from __future__ import annotations

import contextlib
from pathlib import Path, PurePosixPath

from reader.archive.archive import Archive
from reader.integrity.manifest import MANIFEST_NAME, parse_manifest
from reader.site.errors import SiteExportError
from reader.site.names import ABOUT, GENERATOR


def is_site_export(folder: Path) -> bool:
    """True when the folder holds a copy this program made, which it may overwrite."""
    about = Path(folder) / ABOUT
    try:
        with about.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR}">'.encode() in head


def check_target(archive: Archive, out_dir: Path) -> None:
    """Raise SiteExportError when the copy may not be written into out_dir."""
    target = out_dir.resolve()
    content = archive.root.resolve()
    if target == content or content in target.parents:
        raise SiteExportError(f"{out_dir} is inside the archive's content folder; choose a "
                              "folder outside it for the copy.")
    if not out_dir.exists():
        if not out_dir.parent.is_dir():
            raise SiteExportError(f"The folder {out_dir.parent} does not exist, so the copy "
                                  f"cannot be made in {out_dir}.")
        return
    if not out_dir.is_dir():
        raise SiteExportError(f"{out_dir} is a file, not a folder for the copy.")
    occupied = any(not entry.name.startswith(".") for entry in out_dir.iterdir())
    if occupied and not is_site_export(out_dir):
        raise SiteExportError(f"{out_dir} is not empty and does not hold an earlier classroom "
                              "copy, so nothing was written; choose an empty or new folder.")


def clear_previous(out_dir: Path) -> None:
    """Remove the files an earlier copy listed (only those), so no stale page stays behind."""
    listing = out_dir / MANIFEST_NAME
    if not is_site_export(out_dir) or not listing.is_file():
        return
    entries, _bad = parse_manifest(listing.read_bytes().decode("utf-8", "surrogateescape"))
    root = out_dir.resolve()
    folders: set[Path] = set()
    for name, _digest in entries:
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            continue
        path = out_dir.joinpath(*relative.parts)
        if root not in path.parent.resolve().parents and path.parent.resolve() != root:
            continue  # a folder that leads elsewhere: not ours to touch
        if path.is_symlink() or path.is_file():
            path.unlink()
            folders.update(p for p in path.parents if root in p.resolve().parents)
    listing.unlink()
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty: someone keeps their own files there
            folder.rmdir()
