"""Split a page file into its YAML front matter and its Markdown body."""

from __future__ import annotations

from typing import Any

from reader.archive.yaml_io import YAMLError, load_yaml


class FrontMatterError(ValueError):
    """The front matter is missing, unterminated or not a YAML mapping.

    The message completes a sentence that begins with the file's name.
    """


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (metadata, body) of a page file's text.

    The file opens with a line `---`, the YAML mapping, and a closing `---`
    line; the body is everything after, with the blank line that follows the
    closing fence removed.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise FrontMatterError("does not start with a '---' front matter line")
    index = next((i for i, line in enumerate(lines) if i and line.rstrip("\r\n") == "---"), 0)
    if not index:
        raise FrontMatterError("has front matter with no closing '---' line")
    try:
        meta = load_yaml("".join(lines[1:index]))
    except YAMLError as exc:  # its line 1 is the file's line 2
        raise FrontMatterError(f"has front matter that {exc.reason}{exc.where(2)}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("has front matter that is not a mapping of names to values")
    body = "".join(lines[index + 1 :])
    if body.startswith("\n"):
        body = body[1:]
    return meta, body
