"""YAML reading with the fast C loader when PyYAML was built with it."""

from __future__ import annotations

from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader

YAMLError = yaml.YAMLError


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no object construction), as fast as this PyYAML allows."""
    return yaml.load(text, Loader=_Loader)
