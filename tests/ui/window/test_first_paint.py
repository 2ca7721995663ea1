"""A window painted from its kept look is the window the archive and the user's data give."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QToolBar, QTreeWidget

from reader.app import create_main_window
from reader.archive.archive import Archive
from reader.cli import reader_window, window_arguments
from reader.snapshot import Snapshot
from reader.ui.window.main_window import MainWindow
from reader.userdata.store import UserStore

PAGE = "coercive-diplomacy"


def tree_rows(window: MainWindow) -> list[tuple]:
    tree, rows = window.nav_tree, []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        rows.append((top.text(0), top.text(1)))
        rows += [(top.child(j).text(0), top.child(j).text(1), top.child(j).data(0, 256))
                 for j in range(top.childCount())]
    return rows


def test_a_window_from_its_look_shows_what_the_whole_window_showed(
        qtbot, content: Path, data_dir: Path) -> None:
    whole = create_main_window(content, data_dir, PAGE)
    qtbot.addWidget(whole)
    whole.show()
    whole.progress.mark_read("about")  # and PAGE, by being shown
    whole.nav_tree.set_read(whole.progress.read_slugs())  # as the watch on the data would
    look = whole.look()

    painted = MainWindow(look)  # what a start paints before it loads anything else
    qtbot.addWidget(painted)
    painted.show()
    qtbot.waitExposed(painted)
    assert painted.archive is None and painted.store is None
    assert painted.page_view.toPlainText() == whole.page_view.toPlainText()
    assert painted.notice.label.text() == whole.notice.label.text()
    assert painted.notice.isVisible()
    assert painted.nav_dock.isVisible() and painted.findChild(QToolBar, "mainToolBar")
    assert painted.nav_dock.findChild(QTreeWidget) is None  # the contents come with the archive
    assert painted.nav_dock.widget().focusPolicy() == Qt.FocusPolicy.NoFocus  # nor takes keys
    assert not painted.actions.actionBack.isEnabled()  # as after attaching: no history yet
    before = painted.nav_dock.geometry(), painted.page_view.geometry()

    shown = []
    painted.page_view.show_html = shown.append  # attaching must not paint the page again
    painted.attach(Archive.open(content), UserStore.open(data_dir))
    assert (painted.nav_dock.geometry(), painted.page_view.geometry()) == before  # filled in
    assert painted.nav_tree.isVisible()
    assert tree_rows(painted) == tree_rows(whole)
    assert "1 of 1" in [row[1] for row in tree_rows(painted)]  # read pages counted
    assert painted.nav_tree.currentItem().data(0, 256) == PAGE
    assert painted.nav_tree.topLevelItem(0).toolTip(0)
    chain, widget = [], painted.page_view
    while (widget := widget.nextInFocusChain()) is not painted.page_view:
        chain.append(widget)
    assert chain.index(painted.nav_tree) < chain.index(painted.search_box)  # Tab: the contents
    painted.complete()
    assert shown == []
    assert painted.current_slug == PAGE
    assert painted.tools.glossary_dock is not None and painted.actions.actionBack.shortcuts()


def test_attaching_corrects_what_the_archive_now_says_otherwise(
        qtbot, content: Path, data_dir: Path) -> None:
    whole = create_main_window(content, data_dir, PAGE)
    qtbot.addWidget(whole)
    look = whole.look()
    page = content / "pages" / f"{PAGE}.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "is the diplomacy of threats", "is the diplomacy of stern threats"), encoding="utf-8")
    (content / "pages" / "a-new-page.md").write_text("---\ntitle: A New Page\n"
                                                     "section: approaches\n---\nText.\n",
                                                     encoding="utf-8")

    painted = MainWindow(look)
    qtbot.addWidget(painted)
    assert "stern" not in painted.page_view.toPlainText()
    painted.attach(Archive.open(content), UserStore.open(data_dir))
    assert "the diplomacy of stern threats" in painted.page_view.toPlainText()
    assert "A New Page" in [row[0] for row in tree_rows(painted)]


def test_a_reading_session_keeps_its_look_for_the_next_start(
        qtbot, content: Path, data_dir: Path) -> None:
    args = window_arguments(["--content", str(content), "--data-dir", str(data_dir),
                             "--page", "unofficial-communication"])
    assert isinstance(args, argparse.Namespace)

    def close_when_complete() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.complete_done]
        if windows:
            windows[0].open_page(PAGE)
            windows[0].close()
        else:
            QTimer.singleShot(50, close_when_complete)

    QTimer.singleShot(50, close_when_complete)
    assert reader_window.run(args) == 0

    kept = Snapshot(content, data_dir, screenshot=False).load(None)  # as a plain start asks
    assert kept is not None and kept.slug == PAGE
    assert "Coercive Diplomacy" in kept.html
    assert Snapshot(content, data_dir, screenshot=False).load("about") is None


def test_a_large_archive_opens_with_only_the_sections_it_can_fill_quickly(qtbot) -> None:
    from reader.ui.panes.nav_tree import FILL_AT_ONCE, NavTree

    outline = tuple((f"Section {n}", "", tuple((f"page-{n}-{i}", f"Page {i}", True)
                                              for i in range(150))) for n in range(6))
    tree = NavTree(outline)
    qtbot.addWidget(tree)
    filled = [tree.topLevelItem(n).childCount() for n in range(6)]
    assert sum(filled) <= FILL_AT_ONCE and filled[0] == 150
    tree.select("page-4-7")  # the page shown: its section is filled and opened
    assert tree.currentItem().data(0, 256) == "page-4-7"
    assert tree.topLevelItem(4).isExpanded()
    tree.topLevelItem(5).setExpanded(True)  # as the reader opens a section
    assert tree.topLevelItem(5).childCount() == 150


def test_a_look_damaged_in_a_way_that_still_reads_gives_an_ordinary_start(
        content: Path, data_dir: Path, tmp_path: Path) -> None:
    from reader.cli import main
    from reader.snapshot import BLANK

    snapshot = Snapshot(content, data_dir, screenshot=True)
    broken = BLANK._replace(slug=PAGE, html="<p>x</p>", font=("serif",))  # no size
    snapshot.save(broken, resumable=False)
    assert snapshot.load(PAGE) == broken  # it reads, but a window cannot be made of it
    shot = tmp_path / "shot.png"
    assert main(["--screenshot", str(shot), "--content", str(content), "--data-dir",
                 str(data_dir), "--page", PAGE]) == 0
    assert shot.stat().st_size > 10_000
    kept = Snapshot(content, data_dir, screenshot=True).load(PAGE)
    assert kept is not None and kept.font == ("sans-serif", 12)  # an ordinary start kept it


def test_a_look_that_cannot_make_a_window_is_forgotten(content: Path, data_dir: Path,
                                                       tmp_path: Path) -> None:
    from reader.cli import main
    from reader.snapshot import BLANK

    snapshot = Snapshot(content, data_dir, screenshot=True)
    snapshot.save(BLANK._replace(slug=PAGE, html="<p>x</p>", theme="no such theme"),
                  resumable=False)
    assert main(["--screenshot", str(tmp_path / "shot.png"), "--content", str(content),
                 "--data-dir", str(data_dir), "--page", PAGE]) == 0
    kept = Snapshot(content, data_dir, screenshot=True).load(PAGE)
    assert kept is not None and kept.theme != "no such theme"
