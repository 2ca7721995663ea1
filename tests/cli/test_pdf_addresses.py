"""A PDF handout links only http, https and mailto addresses, whatever its archive's pages,
glossary and course.yaml carry; links to pages and terms are text on paper (issue 15, item 8)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pypdf import PdfReader

from tests.conftest import run_cli
from tests.render.test_content_addresses import hostile_archive


def link_addresses(path: Path) -> set[str]:
    """The address of every link a PDF viewer would follow out of the file."""
    found = set()
    for page in PdfReader(str(path)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/URI") is not None:
                found.add(str(action["/URI"]))
    return found


def test_a_handout_of_hostile_pages_links_only_web_and_mail(content: Path,
                                                            tmp_path: Path) -> None:
    hostile_archive(content)
    for args in (("--page", "hostile-page"), ("--section", "approaches")):
        target = tmp_path / "handout.pdf"
        result = run_cli("print", *args, "--with-glossary", "--pdf", str(target),
                         "--content", str(content))
        assert result.returncode == 0, result.stderr
        addresses = link_addresses(target)
        assert addresses, args
        assert all(urlsplit(a).scheme in ("http", "https", "mailto") for a in addresses), \
            addresses
