"""Whole saved copies of the site: every input form, links by address, gaps, placement."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.archive.frontmatter import split_front_matter
from reader.archive.links import extract_links
from reader.archive.page_file import read_page
from reader.archive.yaml_io import load_yaml
from reader.capture.run import import_saved_copies
from reader.integrity.check import check_archive
from reader.integrity.manifest import verify
from tests.capture.site_copy import (
    NOT_PAGES,
    SITE_FILES,
    files_in,
    mirror_tree,
    page,
    site_warc,
    warc_of,
    wget_tree,
    write_tree,
    zip_of,
)
from tests.conftest import BUNDLED

SLUGS = {"about", "refusal-to-negotiate", "communication-problems", "coercive-diplomacy",
         "unofficial-communication", "forceful-persuasion", "why-some-conflicts-last",
         "problem-list", "treatment-list"}


def folder_copy(tmp: Path) -> list[Path]:
    return [wget_tree(tmp / "mirror")]


def mirror_copy(tmp: Path) -> list[Path]:
    return [mirror_tree(tmp / "httrack")]


def zip_copy(tmp: Path) -> list[Path]:
    tree = wget_tree(tmp / "tree")
    files = {str(p.relative_to(tree)): p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    return [zip_of(tmp / "peace.zip", files)]


def section_zips(tmp: Path) -> list[Path]:
    """The site's own downloads: one zip per section, with flat names."""
    zips = []
    for folder, name in (("problem", "peace_problem.ZIP"), ("treatment", "peace_treatment.ZIP"),
                         ("example", "peace_example.zip"), ("essay", "peace_essay.ZIP")):
        files = {path.split("/", 1)[1]: data for path, data in SITE_FILES.items()
                 if path.startswith(folder + "/")}
        zips.append(zip_of(tmp / name, files))
    top = {path: data for path, data in SITE_FILES.items() if "/" not in path}
    zips.append(zip_of(tmp / "peace.zip", {**top, **NOT_PAGES}))
    return zips


def peace_zip(tmp: Path) -> list[Path]:
    """The site's own peace.zip: the peace/ folder itself."""
    return [zip_of(tmp / "peace.zip", {f"peace/{name}": data
                                       for name, data in {**SITE_FILES, **NOT_PAGES}.items()})]


def warc_copy(tmp: Path) -> list[Path]:
    return [site_warc(tmp / "crawl.warc.gz")]


def mirror_warc(tmp: Path) -> list[Path]:
    return [site_warc(tmp / "mirror.warc", host="https://www.mirror.example/"
                                                "www_colorado_edu_conflict/peace/")]


def wacz_copy(tmp: Path) -> list[Path]:
    warc = site_warc(tmp / "data.warc.gz")
    return [zip_of(tmp / "crawl.wacz", {"archive/data.warc.gz": warc.read_bytes(),
                                        "datapackage.json": b"{}"})]


def single_files(tmp: Path) -> list[Path]:
    tree = wget_tree(tmp / "mirror")
    return sorted(p for p in tree.rglob("*.htm"))


FORMS = [folder_copy, mirror_copy, zip_copy, peace_zip, section_zips, warc_copy, mirror_warc,
         wacz_copy, single_files]


def body(root: Path, slug: str) -> str:
    return split_front_matter((root / "pages" / f"{slug}.md").read_text(encoding="utf-8"))[1]


def links(root: Path, slug: str) -> dict[str, str]:
    return {link.text: link.target for link in extract_links(body(root, slug))}


def course_pages(root: Path) -> dict[str, list[str]]:
    course = load_yaml((root / "course.yaml").read_text(encoding="utf-8"))
    return {section["id"]: [entry if isinstance(entry, str) else entry["slug"]
                            for entry in section.get("pages") or []]
            for section in course["sections"]}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wget copy imported once into a new archive: what every form must give."""
    tmp = tmp_path_factory.mktemp("reference")
    import_saved_copies(folder_copy(tmp), tmp / "archive")
    return tmp / "archive"


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.__name__)
def test_each_form_of_the_copy_gives_the_same_verified_archive(
        tmp_path: Path, form, reference: Path) -> None:
    report = import_saved_copies(form(tmp_path), tmp_path / "archive")
    root = tmp_path / "archive"
    assert report.created and report.ok, [(s.name, s.reason) for s in report.refused]
    assert {p.stem for p in (root / "pages").glob("*.md")} == SLUGS
    assert verify(root).intact
    check = check_archive(Archive.open(root))
    assert check.ok, [str(p) for p in check.problems]
    for slug in SLUGS:
        assert body(root, slug) == body(reference, slug), slug
        address = read_page(root / "pages" / f"{slug}.md").source_url
        assert address == read_page(reference / "pages" / f"{slug}.md").source_url, slug
    assert course_pages(root) == course_pages(reference)


def test_links_are_resolved_by_their_address_across_sections(reference: Path) -> None:
    refusal = links(reference, "refusal-to-negotiate")
    assert refusal["Coercive Diplomacy"] == "coercive-diplomacy.md"  # relative
    assert refusal["Unofficial Communication"] == "unofficial-communication.md"  # any host
    assert refusal["Dialogue Projects"] == "dialogue-projects.md"  # root-relative, missing
    communication = links(reference, "communication-problems")
    assert communication["Unofficial Communication"] == "unofficial-communication.md#tracks"
    assert communication["Dialogue"] == "dialogue-projects.md"
    unofficial = links(reference, "unofficial-communication")
    assert unofficial["Communication Problems"] == "communication-problems.md"  # https
    assert unofficial["Refusal to Negotiate"] == "refusal-to-negotiate.md"  # another host
    coercive = links(reference, "coercive-diplomacy")
    george = "Alexander George -- Forceful Persuasion: Coercive Diplomacy as an Alternative to War"
    assert coercive[george] == "forceful-persuasion.md"
    listed = {link.text: link.description
              for link in extract_links(body(reference, "treatment-list"))}
    assert listed == {"Unofficial Communication": "Contacts between citizens.",
                      "Dialogue Projects": "Talks between ordinary people.",
                      "Coercive Diplomacy": "The diplomacy of threats."}
    archive = Archive.open(reference)
    assert {b.slug for b in archive.backlinks("refusal-to-negotiate")} == {
        "coercive-diplomacy", "unofficial-communication", "problem-list"}


def test_links_into_a_mirrors_renamed_tree_reach_the_same_pages(tmp_path: Path) -> None:
    """A page of the standby tree linking into the main tree, and one linking back."""
    base = "www.mirror.example/www_colorado_edu_conflict/"
    write_tree(tmp_path / "copy", {
        base + "peace_standby/problem/refusal.htm": page("Refusal to Negotiate", ["Text."], [
            ("Links to Related Solutions", [
                ("Coercive Diplomacy", "../../peace/treatment/coercdip.htm", ""),
                ("Mediation", "/www_colorado_edu_conflict/peace/treatment/mediate.htm", "")])]),
        base + "peace/treatment/coercdip.htm": SITE_FILES["treatment/coercdip.htm"],
    })
    import_saved_copies([tmp_path / "copy"], tmp_path / "archive")
    found = links(tmp_path / "archive", "refusal-to-negotiate")
    assert found == {"Coercive Diplomacy": "coercive-diplomacy.md", "Mediation": "mediation.md"}
    page_file = read_page(tmp_path / "archive" / "pages" / "refusal-to-negotiate.md")
    assert page_file.source_url == "https://www.colorado.edu/conflict/peace/problem/refusal.htm"
    assert "copy_url: http://www.mirror.example/www_colorado_edu_conflict/peace_standby/" \
           "problem/refusal.htm" in (tmp_path / "archive/pages/refusal-to-negotiate.md") \
        .read_text(encoding="utf-8")


def test_each_missing_address_is_one_gap_with_every_text(reference: Path) -> None:
    report = check_archive(Archive.open(reference))
    gaps = {gap.slug: gap for gap in report.gaps}
    assert set(gaps) == {"dialogue-projects", "fact-finding-problems"}
    dialogue = gaps["dialogue-projects"]
    assert dialogue.wanted == 4 and set(dialogue.texts) == {"Dialogue Projects", "Dialogue"}
    assert dialogue.source_url == "https://www.colorado.edu/conflict/peace/treatment/dialog.htm"
    assert dialogue.title == "Dialogue Projects" and dialogue.section == "approaches"
    listed = load_yaml((reference / "course.yaml").read_text(encoding="utf-8"))
    stubs = [entry for section in listed["sections"] for entry in section.get("pages") or []
             if isinstance(entry, dict)]
    assert {"slug": "dialogue-projects", "title": "Dialogue Projects",
            "source_url": dialogue.source_url} in stubs


def test_pages_are_placed_in_the_order_of_the_sites_lists(reference: Path) -> None:
    placed = course_pages(reference)
    assert placed["problems"] == ["problem-list", "refusal-to-negotiate",
                                  "communication-problems", "fact-finding-problems"]
    assert placed["approaches"] == ["treatment-list", "unofficial-communication",
                                    "dialogue-projects", "coercive-diplomacy"]
    assert placed["examples"] == ["forceful-persuasion"]
    assert placed["theory"] == ["why-some-conflicts-last"]
    assert placed["about"] == ["about"]


def test_without_the_sites_lists_pages_are_placed_by_title(tmp_path: Path) -> None:
    files = {name: data for name, data in SITE_FILES.items() if "/" in name}
    import_saved_copies([write_tree(tmp_path / "peace", files)], tmp_path / "archive")
    placed = course_pages(tmp_path / "archive")
    assert placed["problems"] == ["communication-problems", "refusal-to-negotiate"]
    assert placed["approaches"] == ["coercive-diplomacy", "dialogue-projects",
                                    "unofficial-communication"]
    assert check_archive(Archive.open(tmp_path / "archive")).ok


@pytest.mark.parametrize("form", [folder_copy, section_zips, warc_copy],
                         ids=lambda form: form.__name__)
def test_a_second_import_of_the_same_copy_changes_no_byte(tmp_path: Path, form) -> None:
    inputs = form(tmp_path)
    import_saved_copies(inputs, tmp_path / "archive")
    before = files_in(tmp_path / "archive")
    again = import_saved_copies(inputs, tmp_path / "archive")
    assert not again.changed and files_in(tmp_path / "archive") == before
    assert {p.status for p in again.pages} == {"unchanged"}


def test_every_form_of_one_copy_into_one_archive_makes_each_page_once(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    (tmp_path / "b").mkdir()
    import_saved_copies(folder_copy(tmp_path), root)
    report = import_saved_copies([*peace_zip(tmp_path), *warc_copy(tmp_path),
                                  *mirror_copy(tmp_path), *section_zips(tmp_path / "b")], root)
    assert {p.stem for p in (root / "pages").glob("*.md")} == SLUGS
    assert {p.status for p in report.pages} == {"updated"}  # dates and mirror addresses
    meta = split_front_matter((root / "pages/refusal-to-negotiate.md").read_text("utf-8"))[0]
    assert meta["source_url"] == "https://www.colorado.edu/conflict/peace/problem/refusal.htm"
    assert meta["captured"] == "2004-06-03"  # the same bytes, dated by the WARC
    assert check_archive(Archive.open(root)).ok and verify(root).intact


def test_a_new_archive_starts_from_the_bundled_course_and_glossary(tmp_path: Path) -> None:
    report = import_saved_copies(warc_copy(tmp_path), tmp_path / "new" / "archive")
    root = tmp_path / "new" / "archive"
    assert report.created
    archive = Archive.open(root)
    bundled = Archive.open(BUNDLED)
    assert archive.course == bundled.course
    assert (root / "pages" / "about.md").read_bytes() == \
        (BUNDLED / "pages" / "about.md").read_bytes()
    assert len(archive.glossary) == len(bundled.glossary) and archive.problems == []
    assert not any(p.name.startswith(".") for p in (tmp_path / "new").iterdir())
    assert sorted(p.parent.name for p in (root / "captures").rglob("refusal.htm")) == ["problem"]


def test_importing_into_the_bundled_archive_updates_the_seeds_in_place(
        tmp_path: Path, content: Path) -> None:
    before = course_pages(content)
    report = import_saved_copies(folder_copy(tmp_path), content)
    status = {p.slug: p.status for p in report.pages}
    assert status["coercive-diplomacy"] == "updated"  # the seed's address: the same page
    assert status["unofficial-communication"] == "updated"  # no address: the same title
    assert not (content / "pages" / "coercive-diplomacy-2.md").exists()
    seed = read_page(content / "pages" / "coercive-diplomacy.md")
    assert seed.capture_file == "captures/000_833dba95b8d8c9f7.txt"  # still the fuller one
    assert body(content, "coercive-diplomacy") == body(BUNDLED, "coercive-diplomacy")
    unofficial = read_page(content / "pages" / "unofficial-communication.md")
    assert unofficial.source_url == "https://www.colorado.edu/conflict/peace/treatment/" \
                                    "unofcomm.htm"
    after = course_pages(content)
    for section, listed in before.items():  # preserved where they were listed
        assert [slug for slug in after[section] if slug in listed] == listed
    check = check_archive(Archive.open(content))
    assert check.ok, [str(p) for p in check.problems]
    assert verify(content).intact


def test_two_captures_of_one_address_make_one_page(tmp_path: Path) -> None:
    short = page("Refusal to Negotiate", ["Some parties will not come to the table."])
    full = page("Refusal to Negotiate", ["Some parties will not come to the table.",
                                         "Talking can look like weakness to their own side."])
    address = "http://www.colorado.edu/conflict/peace/problem/refusal.htm"
    old = warc_of(tmp_path / "1999.warc.gz", [(address, full, "1999-02-01T00:00:00Z")])
    new = warc_of(tmp_path / "2004.warc.gz", [(address, short, "2004-06-03T00:00:00Z")])
    zipped = zip_of(tmp_path / "peace_problem.ZIP", {"refusal.htm": short + "\n"})
    report = import_saved_copies([zipped, new, old], tmp_path / "archive")
    assert [p.slug for p in report.pages] == ["refusal-to-negotiate"]
    text = (tmp_path / "archive" / "pages" / "refusal-to-negotiate.md").read_text("utf-8")
    meta, page_body = split_front_matter(text)
    assert "weakness" in page_body and meta["captured"] == "1999-02-01"  # the fullest
    assert [(c.get("captured", ""), c.get("from", "")) for c in meta["captures"]] == [
        ("", "peace_problem.ZIP: refusal.htm"), ("1999-02-01", "1999.warc.gz"),
        ("2004-06-03", "2004.warc.gz")]
    for entry in meta["captures"]:
        assert (tmp_path / "archive" / entry["file"]).is_file()
    same_size = full.replace("Talking can", "Talking may")
    equal = warc_of(tmp_path / "2005.warc.gz", [(address, same_size, "2005-01-01T00:00:00Z")])
    import_saved_copies([equal], tmp_path / "archive")
    meta = split_front_matter((tmp_path / "archive/pages/refusal-to-negotiate.md")
                              .read_text("utf-8"))[0]
    assert meta["captured"] == "2005-01-01" and len(meta["captures"]) == 4  # newest of equals
    assert check_archive(Archive.open(tmp_path / "archive")).ok


def test_web_archive_records_that_hold_no_page_are_counted_and_skipped(tmp_path: Path) -> None:
    report = import_saved_copies(warc_copy(tmp_path), tmp_path / "archive")
    passed = report.by_reason(False)
    assert passed["a redirect"] == 1 and passed["an error response"] == 1
    assert report.ok and read_page(tmp_path / "archive/pages/refusal-to-negotiate.md") \
        .captured == "2004-06-03"


def test_a_page_without_a_heading_takes_its_title_from_links_or_its_address(
        tmp_path: Path) -> None:
    headless = page(None, ["Violence tends to escalate, and each side's acts justify the "
                           "next ones of the other."], heading_image="violence.gif")
    lonely = page(None, ["A page no other page links to, with no heading either."])
    listing = page("Problem List: Force", ["Pick a problem."], [("", [
        ("Violence", "problem/violence.htm", ""), ("Threats", "problem/threat.htm", ""),
        ("Force", "problem/force.htm", "")])], menu=None)
    copy = write_tree(tmp_path / "peace", {"problem/violence.htm": headless,
                                            "problem/lonely_page.htm": lonely,
                                            "forcelist.htm": listing})
    import_saved_copies([copy], tmp_path / "archive")
    assert read_page(tmp_path / "archive/pages/violence.md").title == "Violence"
    assert read_page(tmp_path / "archive/pages/lonely-page.md").title == "Lonely page"
    assert check_archive(Archive.open(tmp_path / "archive")).ok


def test_the_gap_report_on_the_command_line_names_the_address_and_texts(
        reference: Path, tmp_path: Path) -> None:
    from reader.cli import main

    copy = tmp_path / "archive"
    shutil.copytree(reference, copy)
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["check", "--content", str(copy)]) == 0
    assert ("dialogue-projects: Dialogue Projects; linked from 4 pages: communication-problems, "
            "refusal-to-negotiate, treatment-list, unofficial-communication; linked as "
            "“Dialogue”, “Dialogue Projects”; original address https://www.colorado.edu/"
            "conflict/peace/treatment/dialog.htm") in out.getvalue()


def test_captures_parsed_before_give_the_same_archive(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The second import finds its captures parsed in the cache; its archive is the same."""
    inputs = section_zips(tmp_path)
    import_saved_copies(inputs, tmp_path / "cold")
    import_saved_copies(inputs, tmp_path / "warm")
    assert files_in(tmp_path / "cold") == files_in(tmp_path / "warm")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    import_saved_copies(inputs, tmp_path / "fresh")
    assert files_in(tmp_path / "fresh") == files_in(tmp_path / "cold")


def test_the_benchmarks_synthetic_copy_imports_in_each_form(tmp_path: Path) -> None:
    from reader.bench.import_site import site_pages, write_folder, write_warc, write_zip

    files = site_pages(60, seed=3)
    for name, made in (("folder", write_folder(tmp_path / "mirror", files)),
                       ("zip", write_zip(tmp_path / "peace.zip", files)),
                       ("warc", write_warc(tmp_path / "crawl.warc.gz", files))):
        report = import_saved_copies([made], tmp_path / name)
        assert report.ok and len(report.having("new")) == 60, name
        checked = check_archive(Archive.open(tmp_path / name))
        assert checked.ok and checked.gaps, name
    for slug in (p.stem for p in (tmp_path / "folder" / "pages").glob("*.md")):
        assert body(tmp_path / "folder", slug) == body(tmp_path / "warc", slug)


def test_index_files_and_names_with_query_strings_are_the_addresses_links_give(
        tmp_path: Path) -> None:
    files = {
        "problem/index.html": page("Problems of Force", ["Where force goes wrong."]),
        "problem/refusal.htm?part=2": page("Refusal to Negotiate, Part Two", ["More."]),
        "problem/refusal.htm@part=3": page("Refusal to Negotiate, Part Three", ["Yet more."]),
        "treatment/coercdip.htm": page("Coercive Diplomacy", ["Threats."], [(
            "Links to Related Problems", [("Force problems", "../problem/", ""),
                                          ("Refusal, part two", "../problem/refusal.htm?part=2",
                                           ""),
                                          ("Refusal, part three",
                                           "/conflict/peace/problem/refusal.htm?part=3", "")])]),
    }
    import_saved_copies([write_tree(tmp_path / "peace", files)], tmp_path / "archive")
    found = links(tmp_path / "archive", "coercive-diplomacy")
    assert found == {"Force problems": "problems-of-force.md",
                     "Refusal, part two": "refusal-to-negotiate.md",
                     "Refusal, part three": "refusal-to-negotiate-2.md"}
    part_two = read_page(tmp_path / "archive" / "pages" / "refusal-to-negotiate.md")
    assert part_two.source_url.endswith("/problem/refusal.htm?part=2")


def test_a_warc_of_web_archive_copies_dates_them_when_they_were_taken(tmp_path: Path) -> None:
    wayback = ("https://web.archive.org/web/20010415000000/"
               "http://www.colorado.edu:80/conflict/peace/problem/refusal.htm")
    crawl = warc_of(tmp_path / "wayback.warc.gz",
                    [(wayback, SITE_FILES["problem/refusal.htm"], "2020-01-02T00:00:00Z")])
    import_saved_copies([crawl], tmp_path / "archive")
    text = (tmp_path / "archive" / "pages" / "refusal-to-negotiate.md").read_text("utf-8")
    meta = split_front_matter(text)[0]
    assert meta["source_url"] == "https://www.colorado.edu/conflict/peace/problem/refusal.htm"
    assert meta["captured"] == "2001-04-15" and meta["captures"][0]["copy_url"] == wayback
    assert links(tmp_path / "archive", "refusal-to-negotiate")["Coercive Diplomacy"] == \
        "coercive-diplomacy.md"
