"""The copy's page skeletons are files of the package, each used, each filled in whole."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from reader.archive.archive import Archive
from reader.site.export import export_site

TEMPLATES = resources.files("reader.site").joinpath("templates")


def test_every_template_is_used_and_leaves_no_name_unfilled(content: Path,
                                                             tmp_path: Path) -> None:
    names = sorted(entry.name for entry in TEMPLATES.iterdir() if entry.is_file())
    assert "page.html" in names
    code = "\n".join(path.read_text("utf-8")
                     for path in Path(str(resources.files("reader.site"))).glob("*.py"))
    for name in names:
        assert f'"{name}"' in code, f"templates/{name} is not used"
    out = tmp_path / "site"
    export_site(Archive.open(content), out)
    for path in out.rglob("*"):
        if path.suffix in {".html", ".js"} and path.name != "search.js":
            assert not re.search(r"\$[a-z_{]", path.read_text("utf-8")), path.name
