"""The archivist's commands as typed: import, manifest, verify and check."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import CAPTURES, SEED_PAGES, run_cli

REFUSAL = """International Online Training Program On Intractable Conflict

Refusal to Negotiate

Opening Page | Glossary | Menu Shortcut Page

Some parties will not come to the table.

Links to Related Solutions

Coercive Diplomacy
Threats can bring a party to the table.

Copyright 1998 Conflict Research Consortium -- Contact: crc@colorado.edu
"""


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A folder of saved pages: one new OTPIC page, one that is not OTPIC at all."""
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "refusal.txt").write_text(REFUSAL, encoding="utf-8")
    (folder / "letter.txt").write_text("Dear friend,\nnothing of the course here.\n")
    return folder


def test_import_reports_each_file_and_keeps_the_archive_verified(
        capsys: pytest.CaptureFixture[str], content: Path, saved: Path) -> None:
    status, out, err = cli(capsys, "import", str(saved), "--into", str(content))
    assert status == 1
    assert f"new refusal-to-negotiate from {saved / 'refusal.txt'} (encoding UTF-8" in out
    assert "updated MANIFEST.sha256" in out
    assert err.strip() == (f"skipped {saved / 'letter.txt'}: it has none of the marks of an "
                           "OTPIC page (banner, program header, navigation line, copyright "
                           "footer or publication type).")
    assert (content / "pages" / "refusal-to-negotiate.md").is_file()
    assert not list((content / "captures").glob("letter*"))
    assert cli(capsys, "verify", "--content", str(content))[0] == 0
    if shutil.which("sha256sum"):
        done = subprocess.run(["sha256sum", "-c", "--strict", "MANIFEST.sha256"], cwd=content,
                              capture_output=True, check=False)
        assert done.returncode == 0
    status, out, _ = cli(capsys, "import", str(saved / "refusal.txt"), "--into", str(content))
    assert status == 0 and "nothing changed" in out and "MANIFEST" not in out


def test_import_of_the_seeds_into_a_new_folder(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    target = tmp_path / "new"
    target.mkdir()
    files = [str(CAPTURES / name) for name in SEED_PAGES.values()]
    status, out, err = cli(capsys, "import", *files, "--into", str(target))
    assert status == 0 and err == ""
    assert sorted(p.stem for p in (target / "pages").glob("*.md")) == sorted([*SEED_PAGES,
                                                                               "about"])
    assert f"a new archive in {target}" in out
    assert cli(capsys, "verify", "--content", str(target))[0] == 0
    assert cli(capsys, "check", "--content", str(target))[0] == 0


def test_import_takes_the_address_section_and_date(capsys: pytest.CaptureFixture[str],
                                                   content: Path, saved: Path) -> None:
    status, _, _ = cli(capsys, "import", str(saved / "refusal.txt"), "--into", str(content),
                       "--url", "https://web.archive.org/web/20040603000000/"
                                "http://www.colorado.edu/conflict/peace/problem/refusal.htm",
                       "--section", "problems")
    assert status == 0
    text = (content / "pages" / "refusal-to-negotiate.md").read_text(encoding="utf-8")
    assert "source_url: https://www.colorado.edu/conflict/peace/problem/refusal.htm\n" in text
    assert "captured: '2004-06-03'\n" in text and "section: problems\n" in text


@pytest.mark.parametrize(("args", "message"), [
    (["--url", "https://a.org/x.htm", "A", "B"], "one FILE"),
    (["--url", "colorado.edu/x.htm", "A"], "not a web address"),
    (["--section", "nowhere", "A"], "has no section 'nowhere'"),
    (["--captured", "June 2004", "A"], "not a date"),
])
def test_import_mistakes_are_one_sentence_and_exit_2(
        capsys: pytest.CaptureFixture[str], content: Path, args: list[str],
        message: str) -> None:
    status, out, err = cli(capsys, "import", "--into", str(content), *args)
    assert status == 2 and message in err and err.count("\n") == 1 and out == ""


def test_import_needs_a_content_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = cli(capsys, "import", str(saved / "refusal.txt"))
    assert status == 2 and "--into" in err
    status, _, err = cli(capsys, "import", str(saved / "letter.txt"), "--into",
                         str(tmp_path / "nowhere"))
    assert status == 1 and "none of the marks" in err
    assert not (tmp_path / "nowhere").exists()  # nothing imported: no archive begun


def test_import_into_the_current_content_folder(capsys: pytest.CaptureFixture[str],
                                                content: Path, saved: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(content)
    status, out, _ = cli(capsys, "import", str(saved / "refusal.txt"))
    assert status == 0 and "new refusal-to-negotiate" in out
    assert (content / "pages" / "refusal-to-negotiate.md").is_file()


def test_manifest_then_verify_finds_changed_missing_and_unlisted(
        capsys: pytest.CaptureFixture[str], content: Path) -> None:
    status, out, _ = cli(capsys, "manifest", "--content", str(content))
    assert status == 0 and "for 10 files" in out
    (content / "glossary.yaml").write_text("changed", encoding="utf-8")
    (content / "pages" / "about.md").unlink()
    (content / "captures" / "extra.txt").write_text("extra", encoding="utf-8")
    status, out, _ = cli(capsys, "verify", "--content", str(content))
    assert status == 1
    assert out.splitlines()[:3] == ["unlisted: captures/extra.txt", "changed: glossary.yaml",
                                    "missing: pages/about.md"]


def test_verify_without_a_manifest_is_exit_2(capsys: pytest.CaptureFixture[str],
                                             content: Path) -> None:
    (content / "MANIFEST.sha256").unlink()
    status, _, err = cli(capsys, "verify", "--content", str(content))
    assert status == 2 and "has no MANIFEST.sha256" in err and err.count("\n") == 1


def test_content_given_before_the_sub_command_is_kept(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    status, _, err = cli(capsys, "--content", str(tmp_path / "missing"), "verify")
    assert status == 2 and "missing does not exist" in err


def test_check_of_the_bundled_archive(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "check")
    assert status == 0
    assert out.startswith("Validation problems: none\n")
    assert "refusal-to-negotiate: Refusal to Negotiate; linked from 1 page: coercive-diplomacy" \
        in out
    status, out, _ = cli(capsys, "check", "--json")
    data = json.loads(out)
    assert status == 0 and data["ok"] and data["preserved"] == 4
    assert {"slug", "title", "section", "wanted", "linked_from", "source_url",
            "texts"} == set(data["gaps"][0])


def test_check_exits_1_on_validation_problems(capsys: pytest.CaptureFixture[str],
                                              content: Path) -> None:
    (content / "pages" / "broken.md").write_bytes(b"no front matter")
    status, out, err = cli(capsys, "check", "--content", str(content), "--json")
    problems = json.loads(out)["problems"]
    assert status == 1 and err == ""
    assert [p["file"] for p in problems] == ["pages/broken.md"]


def test_the_commands_as_a_user_types_them(content: Path, saved: Path) -> None:
    result = run_cli("import", str(saved / "refusal.txt"), "--into", str(content))
    assert result.returncode == 0 and "new refusal-to-negotiate" in result.stdout
    result = run_cli("verify", "--content", str(content))
    assert result.returncode == 0 and "intact" in result.stdout
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 0 and "5 pages preserved" in result.stdout
    assert "refusal-to-negotiate" not in result.stdout  # no longer missing: its links are alive
    assert "Traceback" not in result.stderr


def test_the_archivist_tools_need_no_qt(content: Path, saved: Path) -> None:
    script = ("import sys; sys.modules['PySide6'] = None\n"
              "import reader.capture.html_capture, reader.integrity.check\n"
              "import reader.integrity.manifest, reader.integrity.provenance\n"
              "from reader.cli import main\n"
              "codes = [main(['import', sys.argv[1], '--into', sys.argv[2]]),\n"
              "         main(['verify', '--content', sys.argv[2]]),\n"
              "         main(['check', '--content', sys.argv[2], '--json'])]\n"
              "print('codes', codes)\n")
    done = subprocess.run([sys.executable, "-c", script, str(saved / "refusal.txt"),
                           str(content)], capture_output=True, text=True, check=False)
    assert "codes [0, 0, 0]" in done.stdout, done.stderr


def test_import_refuses_a_folder_that_is_neither_an_archive_nor_empty(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "holiday.jpg").write_bytes(b"not ours")
    status, _, err = cli(capsys, "import", str(CAPTURES / SEED_PAGES["coercive-diplomacy"]),
                         "--into", str(tmp_path))
    assert status == 2 and "not an OTPIC archive" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holiday.jpg"]


def test_manifest_never_rewrites_the_installed_archive(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(capsys, "manifest")
    assert status == 2 and "--content" in err


def test_an_import_that_finds_nothing_claims_no_archive(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    status, out, err = cli(capsys, "import", str(empty), "--into", str(tmp_path / "new"))
    assert status == 2 and "No saved page was found" in err and out == ""
    status, out, err = cli(capsys, "import", str(tmp_path / "missing"), "--into",
                           str(tmp_path / "new"))
    assert status == 1 and "does not exist" in err
    assert "no archive was made" in out and "-1" not in out and "new archive" not in out
    assert not (tmp_path / "new").exists()
