"""Where the archive that ships with the program lives."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_content_dir() -> Path:
    """The bundled content folder: inside the installed package, or beside it in a checkout."""
    installed = _PACKAGE / "content"
    if (installed / "course.yaml").is_file():
        return installed
    return _PACKAGE.parent / "content"
