"""Every command on a hostile archive: a course.yaml of the wrong shape or an alias bomb is one
sentence and exit status 2; a page nested 1,000 deep is read as any other (issue 15, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.archive.test_yaml_bounds import alias_bomb
from tests.conftest import run_cli

TITLE = "title: International Online Training Program on Intractable Conflict"


def commands(content: Path, tmp_path: Path) -> dict[str, tuple[str, ...]]:
    data = ("--data-dir", str(tmp_path / "data"))
    where = ("--content", str(content))
    return {
        "check": ("check", *where),
        "print": ("print", "--page", "coercive-diplomacy", "--pdf", str(tmp_path / "h.pdf"),
                  *where),
        "export-site": ("export-site", str(tmp_path / "site"), *where),
        "--screenshot": ("--screenshot", str(tmp_path / "shot.png"), *where, *data),
        "search": ("search", "diplomacy", *where, *data),
    }


def hostile_course(content: Path, kind: str) -> None:
    path = content / "course.yaml"
    text = path.read_text(encoding="utf-8")
    if kind == "pages: 5":
        text = text.replace("  - id: theory\n", "  - id: theory\n    pages: 5\n")
    else:
        text = alias_bomb() + text.replace(TITLE, "title: *l9")
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("kind", "says"), [
    ("pages: 5", "sections › item 5 ('theory') › pages must be a list of pages, not the "
                 "number 5."),
    ("alias bomb", "course.yaml uses YAML aliases that stand for more than"),
])
def test_every_command_refuses_a_hostile_course_yaml_in_one_sentence(
        content: Path, tmp_path: Path, kind: str, says: str) -> None:
    hostile_course(content, kind)
    for name, args in commands(content, tmp_path).items():
        result = run_cli(*args)
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 2, (name, result.stderr)
        assert len(lines) == 1 and "Traceback" not in result.stderr, (name, result.stderr)
        assert str(content / "course.yaml") in lines[0] and says in lines[0], (name, lines)


def test_every_command_reads_a_page_of_1000_nested_list_markers(content: Path,
                                                                tmp_path: Path) -> None:
    (content / "pages" / "deep.md").write_text(
        "---\ntitle: Deep\n---\n\n" + "- " * 1000 + "bottom\n\n"
        + "".join("    " * level + f"- level{level}\n" for level in range(1000)),
        encoding="utf-8")
    args = commands(content, tmp_path)
    args["print"] = ("print", "--page", "deep", "--pdf", str(tmp_path / "h.pdf"),
                     "--content", str(content))
    args["--screenshot"] = (*args["--screenshot"], "--page", "deep")
    for name, command in args.items():
        result = run_cli(*command)
        assert "Traceback" not in result.stderr and "Error" not in result.stderr, name
        assert result.returncode in (0, 1), (name, result.stderr)  # check: 1 for its gaps
    assert (tmp_path / "h.pdf").stat().st_size > 0 and (tmp_path / "shot.png").is_file()
    copy = (tmp_path / "site" / "deep.html").read_text(encoding="utf-8")
    assert "bottom" in copy and "level999" in copy
