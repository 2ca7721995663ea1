"""Dialogs open showing all they say, within the screen, and keep the size their user gives
them (issue 16, item 2): checked against their contents' size hints at three screens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QDialog, QLabel

from reader.archive import Archive
from reader.render.wording import retirement_paragraphs
from reader.ui.dialogs import sizing
from reader.ui.dialogs.archive_dialogs import PageInfoDialog
from reader.ui.dialogs.successor_dialog import SuccessorDialog
from reader.userdata import UserStore

SCREENS = [QSize(1366, 768), QSize(1024, 600), QSize(800, 480)]


@pytest.fixture
def store(data_dir: Path):
    opened = UserStore.open(data_dir)
    yield opened
    opened.close()


def on_screen(monkeypatch: pytest.MonkeyPatch, screen: QSize) -> QSize:
    room = QSize(int(screen.width() * sizing.SCREEN_SHARE),
                 int(screen.height() * sizing.SCREEN_SHARE))
    monkeypatch.setattr(sizing, "available_size", lambda widget: room)
    return room


def assert_shows_everything(dialog: QDialog, room: QSize) -> None:
    """Within the room, and no wrapped label shorter than its text needs at its width."""
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert dialog.width() >= dialog.minimumSizeHint().width()
    if dialog.layout().totalHeightForWidth(dialog.width()) <= room.height():
        assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()[:60]
                placed = QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())
                assert dialog.rect().contains(placed), label.text()[:60]


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_successor_details_show_the_retirement_words_whole(qtbot, monkeypatch, content,
                                                               screen) -> None:
    room = on_screen(monkeypatch, screen)
    course = Archive.open(content).course
    dialog = shown(qtbot, SuccessorDialog(course))
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert all(paragraph[-40:] in text for paragraph in retirement_paragraphs(course))
    assert dialog.height() > 224  # it opened at 566x224 with the quote cut off
    assert_shows_everything(dialog, room)


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_page_info_shows_the_verified_line_and_the_citation(qtbot, monkeypatch, content,
                                                            screen) -> None:
    room = on_screen(monkeypatch, screen)
    dialog = shown(qtbot, PageInfoDialog(Archive.open(content), "coercive-diplomacy"))
    verified = next(label for label in dialog.findChildren(QLabel)
                    if label.text().startswith("Yes."))
    assert verified.height() >= verified.heightForWidth(verified.width())
    assert_shows_everything(dialog, room)


def test_a_size_the_user_gives_is_kept_and_content_still_fits(qtbot, monkeypatch, content,
                                                              store) -> None:
    on_screen(monkeypatch, QSize(1366, 768))
    archive = Archive.open(content)
    first = shown(qtbot, PageInfoDialog(archive, "coercive-diplomacy", settings=store))
    opened = first.size()
    first.resize(opened.width() + 120, opened.height() + 60)  # the user drags its corner
    first.reject()
    again = shown(qtbot, PageInfoDialog(archive, "coercive-diplomacy", settings=store))
    assert again.size() == QSize(opened.width() + 120, opened.height() + 60)
    again.resize(again.minimumSizeHint().width(), 80)  # made too short to read
    again.reject()
    third = shown(qtbot, PageInfoDialog(archive, "coercive-diplomacy", settings=store))
    assert third.height() >= third.layout().totalHeightForWidth(third.width())


def test_a_dialog_only_looked_at_remembers_nothing(qtbot, monkeypatch, content, store) -> None:
    on_screen(monkeypatch, QSize(1024, 600))
    dialog = shown(qtbot, SuccessorDialog(Archive.open(content).course, settings=store))
    dialog.reject()
    assert store.get("dialog_sizes") == {}
