"""The glossary pane driven as a reader would."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDockWidget, QLineEdit, QListWidget, QTextBrowser

from tests.ui.window.test_window import click_item, tree_item


def visible_terms(window) -> list[str]:
    terms = window.findChild(QListWidget, "glossaryList")
    return [terms.item(i).text() for i in range(terms.count()) if not terms.item(i).isHidden()]


def test_typing_in_the_filter_narrows_the_list(qtbot, make_window) -> None:
    window = make_window()
    box = window.findChild(QLineEdit, "glossaryFilter")
    qtbot.keyClicks(box, "TRACK")
    assert visible_terms(window) == ["Multi-track diplomacy", "Track one diplomacy",
                                     "Track two diplomacy"]
    box.clear()
    qtbot.keyClicks(box, "second track")  # an alias
    assert visible_terms(window) == ["Track two diplomacy"]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    entry = window.findChild(QTextBrowser, "glossaryDefinition").toPlainText()
    assert entry.startswith("Track two diplomacy") and "Montville" in entry


def test_picking_a_term_shows_its_entry(qtbot, make_window) -> None:
    window = make_window()
    terms = window.findChild(QListWidget, "glossaryList")
    item = terms.findItems("Backlash", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(terms.viewport(), Qt.MouseButton.LeftButton,
                     pos=terms.visualItemRect(item).center())
    entry = window.findChild(QTextBrowser, "glossaryDefinition").toPlainText()
    assert "Backlash" in entry and "Related:" in entry and "Appears in: Coercive Diplomacy" in entry


def test_clicking_a_term_in_a_page_shows_it_and_keeps_the_page(make_window) -> None:
    window = make_window("unofficial-communication")
    view = window.page_view
    view.verticalScrollBar().setValue(120)
    view.anchorClicked.emit(QUrl("term:dehumanization"))
    assert window.current_slug == "unofficial-communication"
    assert view.verticalScrollBar().value() == 120
    dock = window.findChild(QDockWidget, "glossaryDock")
    assert dock.isVisible() and dock.current_slug == "dehumanization"
    assert "Dehumanization" in window.findChild(QTextBrowser, "glossaryDefinition").toPlainText()


def test_terms_in_the_page_are_links(make_window) -> None:
    window = make_window("coercive-diplomacy")
    html = window.page_view.toHtml()
    assert 'href="term:backlash"' in html and 'href="term:threat"' in html


def test_related_terms_and_appears_in_can_be_followed(make_window) -> None:
    window = make_window()
    dock = window.findChild(QDockWidget, "glossaryDock")
    dock.show_term("backlash")
    entry = window.findChild(QTextBrowser, "glossaryDefinition")
    entry.anchorClicked.emit(QUrl("term:legitimacy"))
    assert dock.current_slug == "legitimacy"
    entry.anchorClicked.emit(QUrl("coercive-diplomacy.md"))
    assert window.current_slug == "coercive-diplomacy"


def test_a_filter_that_hides_the_term_is_cleared_when_a_page_asks_for_it(make_window) -> None:
    window = make_window("coercive-diplomacy")
    box = window.findChild(QLineEdit, "glossaryFilter")
    box.setText("track")
    window.page_view.anchorClicked.emit(QUrl("term:backlash"))
    assert box.text() == "" and "Backlash" in visible_terms(window)


def test_the_glossary_entry_of_the_tree_opens_the_whole_glossary(qtbot, make_window) -> None:
    window = make_window()
    tree, item = tree_item(window, "glossary")
    click_item(qtbot, tree, item)
    text = window.page_view.toPlainText()
    assert text.startswith("Glossary") and "Track two diplomacy" in text
    window.page_view.anchorClicked.emit(QUrl("#term-track-two-diplomacy"))
    assert window.page_view.verticalScrollBar().value() > 0


def test_the_view_menu_toggles_the_pane_with_a_shortcut(make_window) -> None:
    window = make_window()
    action = window.actions.actionGlossaryPane  # View > Glossary (issue 16: brings it forward)
    assert action in window.view_menu.menu.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+G"
    action.trigger()  # the glossary is in front: the key hides it
    assert not window.tools.glossary_dock.isVisible()


def test_hovering_a_term_shows_its_definition(qtbot, make_window) -> None:
    from PySide6.QtWidgets import QToolTip

    window = make_window("coercive-diplomacy")
    window.page_view.highlighted.emit(QUrl("term:backlash"))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Backlash" in QToolTip.text() and "hostile reaction" in QToolTip.text()
    window.page_view.highlighted.emit(QUrl(""))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
