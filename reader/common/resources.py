"""The program's own files that are not Python: its icon, for the window and the desktop.

They live in the repository's resources/icons; a wheel and the portable build carry them
inside the package as reader/resources/icons (pyproject.toml, resources/otpic-reader.spec),
as the bundled archive travels as reader/content. No Qt: the window makes its QIcon.
"""

from __future__ import annotations

from pathlib import Path

ICON_NAME = "otpic-reader"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the PNGs drawn from the SVG, in pixels

_PACKAGE = Path(__file__).resolve().parent.parent


def icons_dir() -> Path:
    """The folder of the icons: inside the installed package, or resources/ in a checkout."""
    installed = _PACKAGE / "resources" / "icons"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources" / "icons"


def icon_path(size: int = 256) -> Path:
    """The PNG icon of `size` pixels (one of ICON_SIZES), e.g. for QIcon or setWindowIcon."""
    if size not in ICON_SIZES:
        raise ValueError(f"there is no {size} px icon (sizes: {ICON_SIZES})")
    return icons_dir() / f"{ICON_NAME}-{size}.png"


def icon_paths() -> list[Path]:
    """Every PNG size, smallest first: add each to one QIcon so that the desktop picks."""
    return [icon_path(size) for size in ICON_SIZES]
