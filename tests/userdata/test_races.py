"""Two copies of the reader starting together: both save, whatever the folder held."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bench.torture import races
from reader.bench.torture.common import Row, private_env


@pytest.mark.parametrize("prepare", [races.new_folder, races.old_folder,
                                     races.damaged_folder],
                         ids=["new folder", "older schema", "damaged folder"])
def test_two_copies_adding_notes_at_once_both_keep_them(tmp_path: Path, prepare) -> None:
    row = Row("race")
    place = tmp_path / "data"
    races.race(row, place, prepare(place), private_env(tmp_path))
    assert (row.failed, row.lost) == (0, 0), row.why


def test_two_imports_at_once_both_succeed(tmp_path: Path) -> None:
    row = Row("imports")
    races.import_race(row, tmp_path / "data", private_env(tmp_path))
    assert (row.failed, row.lost) == (0, 0), row.why
