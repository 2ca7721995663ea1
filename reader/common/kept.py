"""Caches kept between runs as marshal files: fast to read, and they hold only plain values,
so no code runs when one is read. A cache that cannot be read or written is simply not kept."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

from reader.common.files import atomic_write


def read_kept(path: Path) -> Any | None:
    """What `path` keeps, or None when it is missing or damaged."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def keep(path: Path, data: object) -> bool:
    """Keep `data` in `path`, whole or not at all; False when it cannot be kept."""
    try:
        atomic_write(path, marshal.dumps(data))
    except (OSError, ValueError):
        return False
    return True
