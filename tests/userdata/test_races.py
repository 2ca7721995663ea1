"""Two copies of the reader starting together: both save, whatever the folder held."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bench import torture


@pytest.mark.parametrize("prepare", [torture._new_folder, torture._old_folder,
                                     torture._damaged_folder],
                         ids=["new folder", "older schema", "damaged folder"])
def test_two_copies_adding_notes_at_once_both_keep_them(tmp_path: Path, prepare) -> None:
    row = torture.Row("race")
    place = tmp_path / "data"
    torture._race(row, place, prepare(place), torture.private_env(tmp_path))
    assert (row.failed, row.lost) == (0, 0), row.why


def test_two_imports_at_once_both_succeed(tmp_path: Path) -> None:
    row = torture.Row("imports")
    torture._import_race(row, tmp_path / "data", torture.private_env(tmp_path))
    assert (row.failed, row.lost) == (0, 0), row.why
