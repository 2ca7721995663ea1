"""`otpic-reader export-site` as a trainer types it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.site.export import ABOUT, INDEX
from tests.conftest import run_cli


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_export_site_writes_a_copy_of_the_bundled_archive(tmp_path: Path) -> None:
    out = tmp_path / "classroom"
    result = run_cli("export-site", str(out), "--date", "2024-05-31")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "index.html" in result.stdout
    assert (out / INDEX).is_file() and (out / "coercive-diplomacy.html").is_file()
    about = (out / ABOUT).read_text("utf-8")
    assert "2024-05-31" in about and "the date chosen when the copy was made" in about


def test_content_before_or_after_the_sub_command(capsys, content: Path, tmp_path: Path) -> None:
    (content / "pages" / "extra-page.md").write_text("---\ntitle: Only Here\n---\n\nHi.\n",
                                                     "utf-8")
    status, _out, err = cli(capsys, "export-site", str(tmp_path / "a"), "--content",
                            str(content))
    assert status == 0, err
    status, _out, err = cli(capsys, "--content", str(content), "export-site",
                            str(tmp_path / "b"))
    assert status == 0, err
    for name in ("a", "b"):
        assert (tmp_path / name / "extra-page.html").is_file()


def test_source_date_epoch_sets_the_date(capsys, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    status, _out, err = cli(capsys, "export-site", str(tmp_path / "site"))
    assert status == 0, err
    assert "2023-11-14" in (tmp_path / "site" / ABOUT).read_text("utf-8")


def test_a_folder_with_other_files_is_left_alone(capsys, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    (out / "holiday.jpg").write_bytes(b"mine")
    status, stdout, err = cli(capsys, "export-site", str(out))
    assert status == 2 and not stdout
    assert err.count("\n") == 1 and str(out) in err and "not empty" in err
    assert [p.name for p in out.iterdir()] == ["holiday.jpg"]


def test_an_earlier_copy_is_replaced(capsys, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert cli(capsys, "export-site", str(out))[0] == 0
    first = (out / INDEX).read_bytes()
    status, _out, err = cli(capsys, "export-site", str(out))
    assert status == 0, err
    assert (out / INDEX).read_bytes() == first


@pytest.mark.parametrize("args, says", [
    (("--date", "31/05/2024"), "--date must be a date"),
    (("--content", "/nonexistent/otpic"), "does not exist"),
])
def test_mistakes_are_one_sentence_and_exit_2(capsys, tmp_path: Path, args, says) -> None:
    status, stdout, err = cli(capsys, "export-site", str(tmp_path / "site"), *args)
    assert status == 2 and not stdout
    assert err.count("\n") == 1 and says in err
    assert not (tmp_path / "site").exists()


def test_help_lists_the_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "export-site" in capsys.readouterr().out
