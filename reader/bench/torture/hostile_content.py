"""Hostile archives: a course.yaml of the wrong shape or swollen by aliases is one sentence
and exit status 2 from every command; a page nested 1,000 deep is read as any other; hostile
addresses and glossary initials are never live or raw in the copy or a PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reader.bench.torture.common import ROOT, reader

HOSTILE_SCHEMES = ("javascript:", "file:", "smb:", "data:")


def _archive(place: Path) -> Path:
    content = place / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def _commands(content: Path, place: Path) -> dict[str, tuple[str, ...]]:
    where = ("--content", str(content))
    data = ("--data-dir", str(place / "data"))
    return {"check": ("check", *where),
            "print": ("print", "--page", "coercive-diplomacy", "--pdf", str(place / "h.pdf"),
                      *where),
            "export-site": ("export-site", str(place / "site"), *where),
            "--screenshot": ("--screenshot", str(place / "s.png"), *where, *data),
            "search": ("search", "diplomacy", *where, *data)}


def _all_refuse(place: Path, env: dict[str, str], content: Path, *words: str) -> str:
    for name, args in _commands(content, place).items():
        result = reader(*args, env=env)
        lines = result.stderr.strip().splitlines()
        if result.returncode != 2 or "Traceback" in result.stderr or len(lines) != 1 \
                or not all(word in lines[0] for word in words):
            return f"{name}: exit {result.returncode}: {result.stderr.strip()[-200:]}"
    return ""


def five_pages(place: Path, env: dict[str, str]) -> str:
    content = _archive(place)
    course = content / "course.yaml"
    course.write_text(course.read_text(encoding="utf-8").replace(
        "  - id: theory\n", "  - id: theory\n    pages: 5\n"), encoding="utf-8")
    return _all_refuse(place, env, content, str(course), "pages must be a list")


def alias_bomb(place: Path, env: dict[str, str]) -> str:
    content = _archive(place)
    course = content / "course.yaml"
    bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
    text = course.read_text(encoding="utf-8")
    course.write_text(bomb + re.sub(r"(?m)^title: .*$", "title: *l9", text), encoding="utf-8")
    return _all_refuse(place, env, content, str(course), "aliases")


def deep_lists(place: Path, env: dict[str, str]) -> str:
    content = _archive(place)
    (content / "pages" / "deep.md").write_text(
        "---\ntitle: Deep\n---\n\n" + "- " * 1000 + "bottom\n", encoding="utf-8")
    commands = _commands(content, place)
    commands["print"] = ("print", "--page", "deep", "--pdf", str(place / "h.pdf"),
                         "--content", str(content))
    commands["--screenshot"] += ("--page", "deep")
    for name, args in commands.items():
        result = reader(*args, env=env)
        if result.returncode not in (0, 1) or "Traceback" in result.stderr:  # check: 1, gaps
            return f"{name}: exit {result.returncode}: {result.stderr.strip()[-200:]}"
    copy = place / "site" / "deep.html"
    return "" if copy.is_file() and "bottom" in copy.read_text("utf-8") else "deep.html lacks it"


def hostile_addresses(place: Path, env: dict[str, str]) -> str:
    content = _archive(place)
    course = content / "course.yaml"
    text = re.sub(r"(?m)^  url: .*$", '  url: "javascript:alert(1)"',
                  course.read_text(encoding="utf-8"))
    course.write_text(re.sub(r"(?m)^  built_around_url: .*$", "  built_around_url: "
                             "file:///etc/passwd", text), encoding="utf-8")
    (content / "pages" / "evil.md").write_text(
        '---\ntitle: Evil\nsource_url: "javascript:alert(2)"\n---\n\n[a](file:///etc/passwd) '
        "[b](smb://host/share) [c](data:text/html,x) and backlash.\n", encoding="utf-8")
    glossary = content / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("terms:\n", (
        "terms:\n  - {term: \"<Evil & co\", definition: \"[x](javascript:alert(3))\", "
        "pages: [evil]}\n"), 1), encoding="utf-8")
    result = reader("export-site", str(place / "site"), "--content", str(content), env=env)
    if result.returncode != 0:
        return f"export-site: exit {result.returncode}: {result.stderr.strip()[-200:]}"
    for page in (place / "site").glob("*.html"):
        for address in re.findall(r'\b(?:href|src)="([^"]*)"', page.read_text("utf-8")):
            if address.lower().startswith(HOSTILE_SCHEMES):
                return f"{page.name} links {address}"
    if ">&lt;</a>" not in (place / "site" / "glossary.html").read_text("utf-8"):
        return "glossary.html does not show the initial < escaped"
    return _pdf_links(place, env, content)


def _pdf_links(place: Path, env: dict[str, str], content: Path) -> str:
    target = place / "evil.pdf"
    result = reader("print", "--page", "evil", "--with-glossary", "--pdf", str(target),
                    "--content", str(content), env=env)
    if result.returncode != 0:
        return f"print: exit {result.returncode}: {result.stderr.strip()[-200:]}"
    try:
        from pypdf import PdfReader  # a test dependency: without it the copy's check must do
    except ImportError:
        return ""
    addresses = [str(action["/URI"]) for sheet in PdfReader(str(target)).pages
                 for note in sheet.get("/Annots") or []
                 if "/URI" in (action := note.get_object().get("/A", {}))]
    bad = [a for a in addresses if not a.startswith(("http:", "https:", "mailto:"))]
    return f"the PDF links {bad[:3]}" if bad else ""


CASES = [
    ("course.yaml with pages: 5, in every command", five_pages),
    ("an alias bomb in course.yaml, in every command", alias_bomb),
    ("a page of 1,000 nested list markers", deep_lists),
    ("javascript:, file:, smb:, data: addresses; a glossary initial <", hostile_addresses),
]
