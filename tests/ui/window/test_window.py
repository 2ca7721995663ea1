"""The reader window driven as a user would: the tree, links, the notice, restarts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTextBrowser, QTreeWidget, QWidget

from reader.ui.window import external


def tree_item(window, slug: str):
    tree = window.findChild(QTreeWidget, "navTree")
    for top in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(top)
        if section.data(0, Qt.ItemDataRole.UserRole) == slug:
            return tree, section
        for row in range(section.childCount()):
            item = section.child(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == slug:
                return tree, item
    raise AssertionError(f"{slug} is not in the tree")


def click_item(qtbot, tree, item) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def page_text(window) -> str:
    return window.findChild(QTextBrowser, "pageView").toPlainText()


def test_the_window_opens_on_the_about_page_with_tree_and_notice(make_window) -> None:
    window = make_window()
    # the title names the page and the archive (issue 16); a copy by its folder's name
    assert window.windowTitle() == "About this archive — OTPIC (content) — OTPIC Reader"
    assert window.objectName() == "mainWindow"
    assert window.findChild(QWidget, "successorNotice").isVisible()
    assert "What OTPIC was" in page_text(window)
    tree = window.findChild(QTreeWidget, "navTree")
    sections = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert sections[:4] == ["About this archive", "Problems", "Approaches",
                            "Examples and readings"]


def test_clicking_a_page_in_the_tree_opens_it(qtbot, make_window) -> None:
    window = make_window()
    tree, item = tree_item(window, "coercive-diplomacy")
    click_item(qtbot, tree, item)
    text = page_text(window)
    assert text.startswith("Coercive Diplomacy")
    assert "Coercive diplomacy is the diplomacy of threats." in text
    assert "coercdip.htm" in text and "Copyright 1998 Conflict Research Consortium" in text
    assert window.current_slug == "coercive-diplomacy"


def test_pages_not_preserved_are_greyed_with_a_tooltip(make_window) -> None:
    window = make_window()
    _, missing = tree_item(window, "refusal-to-negotiate")
    _, present = tree_item(window, "coercive-diplomacy")
    assert missing.font(0).italic() and not present.font(0).italic()
    assert missing.foreground(0).color() != present.foreground(0).color()
    assert "Not preserved" in missing.toolTip(0)


def test_pages_not_preserved_take_the_grey_of_the_theme(make_window) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication

    from reader.render.page_style import THEMES

    window = make_window()
    for theme in ("dark", "high-contrast", "light"):
        window.appearance.set_theme(theme)
        QApplication.processEvents()  # the new palette reaches the widgets
        _, missing = tree_item(window, "refusal-to-negotiate")
        assert missing.foreground(0).color() == QColor(THEMES[theme].missing), theme
    window.appearance.set_theme("system")


def test_a_link_to_a_page_not_preserved_opens_its_stub(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    view = window.findChild(QTextBrowser, "pageView")
    with qtbot.waitSignal(window.router.page_requested):
        view.anchorClicked.emit(QUrl("refusal-to-negotiate.md"))
    text = page_text(window)
    assert "Refusal to Negotiate" in text and "not preserved" in text
    assert "Coercive Diplomacy links to it" in text


def test_a_link_to_a_preserved_page_opens_it(make_window) -> None:
    window = make_window("track-two-triumphant")
    window.page_view.anchorClicked.emit(QUrl("unofficial-communication.md"))
    assert window.current_slug == "unofficial-communication"


def test_external_links_ask_first(monkeypatch, make_window) -> None:
    asked, opened = [], []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window("coercive-diplomacy")
    window.page_view.anchorClicked.emit(
        QUrl("https://www.colorado.edu/conflict/peace/treatment/coercdip.htm"))
    assert "https://www.colorado.edu/conflict/peace/treatment/coercdip.htm" in asked[0]
    assert opened == []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Open)
    assert external.confirm_and_open(window, "https://www.beyondintractability.org")
    assert [u.toString() for u in opened] == ["https://www.beyondintractability.org"]


def test_other_schemes_do_nothing(monkeypatch, make_window) -> None:
    calls = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url))
    window = make_window("coercive-diplomacy")
    for href in ("file:///etc/passwd", "javascript:alert(1)", "smb://host/share", "data:,x"):
        window.page_view.anchorClicked.emit(QUrl(href))
    assert calls == []
    assert window.current_slug == "coercive-diplomacy"


def test_dismissing_the_notice_survives_a_restart(qtbot, make_window) -> None:
    window = make_window()
    qtbot.mouseClick(window.findChild(QPushButton, "dismissNotice"), Qt.MouseButton.LeftButton)
    assert not window.findChild(QWidget, "successorNotice").isVisible()
    window.close()
    again = make_window()
    notice = again.findChild(QWidget, "successorNotice")
    assert not notice.isVisible()
    again.findChild(type(again.actions.actionAboutSuccessor), "actionAboutSuccessor").trigger()
    assert notice.isVisible()
    dialog = again.findChild(QWidget, "successorDialog")
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "http://www.beyondintractability.org/educationtraining/dealing-constructively" in shown
    assert "https://www.beyondintractability.org" in shown
    assert "December 2, 2005" in shown
    again.close()
    assert make_window().findChild(QWidget, "successorNotice").isVisible()


def test_the_window_comes_back_as_it_was_closed(make_window) -> None:
    window = make_window("unofficial-communication")
    window.resize(700, 500)  # within the offscreen screen (800x600)
    window.move(QPoint(40, 30))
    window.nav_dock.hide()
    window.close()
    again = make_window()
    assert again.current_slug == "unofficial-communication"
    assert (again.width(), again.height()) == (700, 500)
    assert not again.nav_dock.isVisible()


def test_opening_the_successor_in_a_browser_warns_about_the_internet(
        qtbot, monkeypatch, make_window) -> None:
    asked, opened = [], []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Open)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window()
    qtbot.mouseClick(window.findChild(QPushButton, "noticeDetails"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QWidget, "successorDialog")
    button = next(b for b in dialog.findChildren(QPushButton) if b.text().startswith("Open DCIC"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "internet connection" in asked[0]
    assert opened[0].toString().startswith("http://www.beyondintractability.org/education")


def test_titles_from_files_are_shown_as_text_in_tooltips(make_window, content) -> None:
    (content / "pages" / "odd.md").write_text(
        '---\ntitle: \'<img src="/etc/x.png"> Odd <b>title</b>\'\n---\n\nText.\n',
        encoding="utf-8")
    window = make_window("odd")
    _, item = tree_item(window, "odd")
    assert "&lt;img" in item.toolTip(0) and "<img" not in item.toolTip(0)
