"""Where the user's data lives: --data-dir, then $OTPIC_READER_DATA, then the platform's place."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "otpic-reader"
DATA_ENV = "OTPIC_READER_DATA"


def resolve_data_dir(explicit: str | Path | None = None) -> Path:
    """The data folder to use; a trainer's USB stick is named by the environment variable."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    from_env = os.environ.get(DATA_ENV, "").strip()
    if from_env:  # often relative on a USB stick: ./data beside the program
        return Path(from_env).expanduser().absolute()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
