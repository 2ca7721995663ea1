"""The standing attack (python -m reader.bench torture) in a short form that CI runs.

The bench's defaults are 200 kills, 20 trials of each race and 10 random damages;
here fewer of each keep the four tests under a minute together.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.bench.torture import common, damage, hostile, kills, races

pytestmark = pytest.mark.slow


def clean(rows: list[common.Row]) -> list[str]:
    """What went wrong, as the table would say it: [] when nothing failed or was lost."""
    return [f"{row.case}: {row.failed} failed, {row.lost} notes lost {row.why}"
            for row in rows if row.failed or row.lost]


def test_random_kills_during_writes_lose_no_saved_note(tmp_path: Path) -> None:
    row = kills.killing(tmp_path / "kills", 25, random.Random(20051202),
                        common.private_env(tmp_path))
    assert row.tried == 25 and clean([row]) == []


def test_two_copies_starting_together_both_save(tmp_path: Path) -> None:
    rows = races.racing(tmp_path / "races", 2, common.private_env(tmp_path))
    assert all(row.tried == 2 for row in rows) and clean(rows) == []


def test_every_kind_of_damage_then_a_start_and_every_command(tmp_path: Path) -> None:
    rows = damage.damaging(tmp_path / "damage", 1, random.Random(3),
                           common.private_env(tmp_path), damage.COMMANDS)
    assert len(rows) == len(damage.DAMAGE) + 1 and clean(rows) == []


def test_hostile_inputs_are_refused_in_one_sentence(tmp_path: Path) -> None:
    rows = hostile.hostile(tmp_path / "hostile", common.private_env(tmp_path))
    assert clean(rows) == []
