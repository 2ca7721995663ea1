"""YAML reading: safe (no object construction), with libyaml's fast loader when PyYAML was
built with it, and bounded, because an archive's files are data someone may have sent.

Bounded: a file is read only up to MAX_FILE_BYTES; a document may nest at most MAX_DEPTH
levels (libyaml allows 1,000, deeper than Python can print or compare); and aliases, which
name a part written once, may stand for at most ALIAS_ALLOWANCE values more than the text
writes out. A few lines of aliases can stand for billions of values (an "alias bomb"), which
anything that walks the data (printing, comparing, caching it) would then expand; a document
that refers to itself through an alias is refused too. The check walks the parsed nodes once,
before any Python value is made, at about a tenth of the cost of parsing.

PyYAML is imported on first use: with the archive's caches warm, a start reads no YAML at
all and need not pay for importing it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 16 * 1024 * 1024  # course.yaml for 100,000 pages is about 6 MiB
MAX_DEPTH = 64
ALIAS_ALLOWANCE = 100_000


class YAMLError(ValueError):
    """The text (or file) is not YAML the archive can use.

    `reason` completes a sentence that begins with the file's name ("is not valid YAML");
    `line` is its 0-based line where known.
    """

    def __init__(self, message: str, line: int | None = None,
                 reason: str = "is not valid YAML") -> None:
        super().__init__(message)
        self.line = line
        self.reason = reason

    def where(self, offset: int = 1) -> str:
        """' (line N)', with N counted from `offset` for the text's first line; or ''."""
        return f" (line {self.line + offset})" if self.line is not None else ""


def load_yaml(text: str) -> Any:
    """Parse YAML safely and within the bounds above, as fast as this PyYAML allows."""
    import yaml

    loader = _loader_class()(text)
    loader.may_alias = "*" in text  # an alias is written *name: without one, the text is a tree
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YAMLError(str(exc), mark.line if mark is not None else None) from None
    finally:
        loader.dispose()


def load_yaml_file(path: Path) -> Any:
    """A whole YAML file of the archive, read as UTF-8 text up to MAX_FILE_BYTES; YAMLError
    says what is wrong with it, its file unnamed (the caller names it)."""
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise YAMLError(str(exc), reason=f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise YAMLError("too large", reason=f"is larger than {MAX_FILE_BYTES // 2**20} MiB, "
                                            "far more than an archive's file needs")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise YAMLError("not UTF-8", reason="is not UTF-8 text") from None
    return load_yaml(text.removeprefix("\ufeff"))


@cache
def _loader_class() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class BoundedLoader(base):  # type: ignore[misc, valid-type]
        may_alias = True

        def construct_document(self, node: Any) -> Any:
            if self.may_alias:
                _check_graph(node)
            else:
                _check_depth(node)
            return super().construct_document(node)

    return BoundedLoader


def _check_depth(root: Any) -> None:
    """Raise YAMLError for a tree of nodes (no aliases) deeper than MAX_DEPTH: level by
    level, looking only at collections, which is most of what a walk would cost."""
    level = [root]
    for _depth in range(MAX_DEPTH + 1):
        inner = []
        for node in level:
            value = node.value
            if value and type(value[0]) is tuple:  # a mapping: (key, value) pairs
                inner += [part for pair in value for part in pair
                          if type(part.value) is list]
            elif type(value) is list:
                inner += [item for item in value if type(item.value) is list]
        if not inner:
            return
        level = inner
    raise YAMLError("too deep", level[0].start_mark.line,
                    f"nests deeper than {MAX_DEPTH} levels")


def _check_graph(root: Any) -> None:
    """Raise YAMLError for a document too deep, self-referring, or swollen by aliases.

    One pass over the nodes, depth first without recursion: `sizes` holds how many values
    each finished node stands for, and `heights` how many levels, aliases expanded; a node
    met again while it is still open (on the path from the root) is one the document holds
    inside itself.
    """
    sizes: dict[int, int] = {}
    heights: dict[int, int] = {}
    open_nodes: set[int] = set()
    written = 0
    stack: list[tuple[Any, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, closing = stack.pop()
        key = id(node)
        if closing:
            open_nodes.discard(key)
            children = [id(child) for child in _children(node)]
            sizes[key] = 1 + sum(sizes[child] for child in children)
            heights[key] = 1 + max(heights[child] for child in children)
            continue
        if key in open_nodes:
            raise YAMLError("recursive alias", node.start_mark.line,
                            "refers to itself through a YAML alias")
        if depth + heights.get(key, 1) - 1 > MAX_DEPTH:
            raise YAMLError("too deep", node.start_mark.line,
                            f"nests deeper than {MAX_DEPTH} levels")
        if key in sizes:
            continue  # an alias of a part already counted
        written += 1
        children = _children(node)
        if not children:
            sizes[key] = heights[key] = 1
            continue
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children)
    if sizes[id(root)] - written > ALIAS_ALLOWANCE:
        raise YAMLError("alias bomb", None,
                        f"uses YAML aliases that stand for more than {ALIAS_ALLOWANCE:,} "
                        "values it does not write out")


def _children(node: Any) -> list[Any]:
    value = node.value
    if isinstance(value, str):
        return []
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [part for pair in value for part in pair]
    return value
