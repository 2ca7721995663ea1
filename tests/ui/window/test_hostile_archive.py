"""The window on hostile archives: a course.yaml of the wrong shape or an alias bomb is said
in one sentence as any other bad archive, and a page nested 1,000 deep is shown (issue 15,
item 9)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.archive.test_yaml_bounds import alias_bomb

TITLE = "title: International Online Training Program on Intractable Conflict"


@pytest.mark.parametrize(("old", "new", "says"), [
    ("  - id: theory\n", "  - id: theory\n    pages: 5\n",
     "sections › item 5 ('theory') › pages must be a list of pages, not the number 5"),
    (TITLE, "title: *l9", "uses YAML aliases that stand for more than 100,000 values"),
])
def test_a_hostile_course_yaml_is_said_and_the_archive_open_stays(
        qtbot, monkeypatch, make_window, content, tmp_path, old, new, says) -> None:
    hostile = tmp_path / "hostile"
    shutil.copytree(content, hostile)
    course = hostile / "course.yaml"
    text = course.read_text(encoding="utf-8").replace(old, new)
    course.write_text((alias_bomb() if "*l9" in new else "") + text, encoding="utf-8")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(hostile))
    window = make_window("coercive-diplomacy")
    window.actions.actionOpenArchive.trigger()
    assert window.replaced_by is None and window.current_slug == "coercive-diplomacy"
    assert len(said) == 1 and str(course) in said[0] and says in said[0]
    assert said[0].endswith("the archive open now stays open.") and "\n" not in said[0]


def test_a_page_of_1000_nested_list_markers_is_shown(make_window, content) -> None:
    (content / "pages" / "deep.md").write_text(
        "---\ntitle: Deep\n---\n\n" + "- " * 1000 + "bottom word\n", encoding="utf-8")
    window = make_window("deep")
    assert window.current_slug == "deep"
    assert "bottom word" in window.page_view.toPlainText()
