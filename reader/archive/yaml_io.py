"""YAML reading with the fast C loader when PyYAML was built with it.

PyYAML is imported on first use: with the archive's caches warm, a start
reads no YAML at all and need not pay for importing it.
"""

from __future__ import annotations

from typing import Any


class YAMLError(ValueError):
    """The text is not valid YAML; `line` is its 0-based line where known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no object construction), as fast as this PyYAML allows."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YAMLError(str(exc), mark.line if mark is not None else None) from None
