"""Searching from the window: the box, the results pane, and opening each kind of hit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

from reader.userdata.anchors import make_anchor


def search(qtbot, window, text: str) -> QListWidget:
    box = window.findChild(QLineEdit, "searchBox")
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    results = window.findChild(QListWidget, "searchResults")
    status = window.findChild(QLabel, "searchStatus")
    qtbot.waitUntil(lambda: "for “" in status.text(), timeout=20000)
    return results


def hits(results: QListWidget) -> list:
    return [results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(results.count())]


def test_ctrl_k_then_words_finds_the_page_and_marks_every_hit(qtbot, make_window) -> None:
    window = make_window("about")
    assert window.actions.actionSearch.shortcut().toString() == "Ctrl+K"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.page_view.setFocus()
    qtbot.keyClick(window.page_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(QLineEdit, "searchBox").hasFocus()
    results = search(qtbot, window, "coercive threats")
    found = hits(results)
    assert found[0].kind == "page" and found[0].slug == "coercive-diplomacy"
    assert window.tools.search_dock.isVisible()
    results.itemActivated.emit(results.item(0))
    assert window.current_slug == "coercive-diplomacy"
    assert len(window.page_view.extraSelections()) >= 4  # coercive… and threats, each marked


def test_stemming_finds_negotiation_from_negotiating(qtbot, make_window) -> None:
    window = make_window("about")
    slugs = {hit.slug for hit in hits(search(qtbot, window, "negotiating"))}
    assert "coercive-diplomacy" in slugs and "unofficial-communication" in slugs


def test_a_glossary_hit_shows_the_term(qtbot, make_window) -> None:
    window = make_window("about")
    results = search(qtbot, window, "dehumanization")
    row = next(i for i, hit in enumerate(hits(results)) if hit.kind == "glossary")
    results.itemActivated.emit(results.item(row))
    assert window.tools.glossary_dock.current_slug == "dehumanization"
    assert window.current_slug == "about"


def test_notes_are_found_after_they_are_written(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    window.actions.actionSearch.trigger()  # Ctrl+K: the index opens
    qtbot.waitUntil(lambda: window.tools.search.index is not None, timeout=20000)
    text = window.page_view.toPlainText()
    start = text.index("adverse consequences")
    window.notes.add("coercive-diplomacy", "Coercive Diplomacy", "zebra crossing idea",
                     make_anchor(text, start, start + 20))
    window.open_page("about")
    qtbot.waitUntil(lambda: bool(hits(search(qtbot, window, "zebra"))), timeout=20000)
    results = window.findChild(QListWidget, "searchResults")
    note = hits(results)[0]
    assert note.kind == "note"
    results.itemActivated.emit(results.item(0))
    assert window.current_slug == "coercive-diplomacy"
    assert window.page_view.textCursor().selectedText() == "adverse consequences"


def test_no_results_suggests_what_to_try(qtbot, make_window) -> None:
    window = make_window("about")
    search(qtbot, window, "xylophone quasar")
    status = window.findChild(QLabel, "searchStatus").text()
    assert "No results" in status and "fewer words" in status and "*" in status


def test_odd_queries_show_results_or_advice_never_an_error(qtbot, make_window) -> None:
    window = make_window("about")
    window.actions.actionSearch.trigger()
    qtbot.waitUntil(lambda: window.tools.search.index is not None, timeout=20000)
    status = window.findChild(QLabel, "searchStatus")
    for query in ('"coercive', "AND", "NEAR(", "*", "'; DROP TABLE notes; --", "(((", "OR OR"):
        with qtbot.waitSignal(window.tools.search.results):  # answered off the window's thread
            window.tools.search.search_now(query)
        assert "for “" in status.text(), query  # results or "No results for …", nothing else
    with qtbot.waitSignal(window.tools.search.results):
        window.tools.search.search_now('"coercive')  # an unbalanced quote is searched as the word
    assert hits(window.findChild(QListWidget, "searchResults"))
