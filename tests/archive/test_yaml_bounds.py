"""YAML from an archive is bounded: aliases, nesting and file size (issue 15, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import yaml_io
from reader.archive.yaml_io import YAMLError, load_yaml, load_yaml_file


def alias_bomb(levels: int = 9) -> str:
    """Ten lines of aliases that stand for 9**10 (some 3.5 billion) values."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_anything_expands_it() -> None:
    with pytest.raises(YAMLError) as caught:
        load_yaml(alias_bomb())
    assert "aliases" in caught.value.reason and "100,000" in caught.value.reason


def test_a_merge_key_bomb_is_refused_too() -> None:
    lines = ["m0: &m0 {a: 1, b: 2}"]
    lines += [f"m{n}: &m{n} {{<<: [{', '.join([f'*m{n - 1}'] * 9)}]}}" for n in range(1, 10)]
    with pytest.raises(YAMLError, match="alias bomb"):
        load_yaml("\n".join(lines))


def test_a_document_that_holds_itself_is_refused() -> None:
    with pytest.raises(YAMLError) as caught:
        load_yaml("a: &a [1, *a]\n")
    assert caught.value.reason == "refers to itself through a YAML alias"


def test_a_few_aliases_still_read() -> None:
    data = load_yaml("base: &b {title: T}\none: *b\ntwo: [*b, *b]\n")
    assert data["one"] == {"title": "T"} and data["two"] == [{"title": "T"}] * 2


@pytest.mark.parametrize("text", [
    "a: " + "[" * 100 + "]" * 100,  # flow style
    "".join("  " * level + "k:\n" for level in range(100)),  # block style
    "a: &a " + "[" * 40 + "]" * 40 + "\nb: " + "[" * 40 + "*a" + "]" * 40,  # deep by an alias
])
def test_nesting_deeper_than_the_bound_is_refused(text: str) -> None:
    with pytest.raises(YAMLError) as caught:
        load_yaml(text)
    assert caught.value.reason == f"nests deeper than {yaml_io.MAX_DEPTH} levels"


def test_nesting_within_the_bound_reads() -> None:
    depth = yaml_io.MAX_DEPTH - 2
    assert load_yaml("a: " + "[" * depth + "]" * depth)["a"]


def test_a_file_larger_than_the_cap_is_not_read(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_io, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "course.yaml"
    path.write_text("title: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(YAMLError) as caught:
        load_yaml_file(path)
    assert caught.value.reason.startswith("is larger than")


def test_a_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_bytes(b"title: Caf\xe9\n")
    with pytest.raises(YAMLError) as caught:
        load_yaml_file(path)
    assert caught.value.reason == "is not UTF-8 text"
