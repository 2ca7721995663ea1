from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.app import create_main_window
from reader.ui.window.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, content: Path, data_dir: Path) -> Callable[..., MainWindow]:
    """Open a reader window on the test's content and data, as a user starting it would."""

    def make(page: str | None = None) -> MainWindow:
        window = create_main_window(content, data_dir, page)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
