"""Where a handout's sheets begin: headings kept with their text, notes kept whole, no
line of a paragraph left alone (issue 16, item 3)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.render.page_breaks import Line, sheet_starts

LINE = 10.0


def column(*blocks: tuple[int, str]) -> list[Line]:
    """Lines of LINE height: each block is (how many lines, kind: p, h, note or part)."""
    lines: list[Line] = []
    for number, (count, kind) in enumerate(blocks):
        for _ in range(count if kind != "note" else 1):
            top = lines[-1].bottom if lines else 0.0
            height = LINE * count if kind == "note" else LINE
            lines.append(Line(top, top + height, number, heading=kind in ("h", "part"),
                              new_sheet=kind == "part"))
    return lines


def sheets(lines: list[Line], height: float) -> list[list[Line]]:
    starts = sheet_starts(lines, height)
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def test_everything_fits_on_one_sheet_when_it_can() -> None:
    assert sheet_starts(column((3, "h"), (5, "p")), 100) == [0]
    assert sheet_starts([], 100) == []


def test_each_part_begins_a_sheet() -> None:
    lines = column((1, "part"), (2, "p"), (1, "part"), (2, "p"))
    assert sheet_starts(lines, 1000) == [0, 3]


def test_a_heading_at_a_sheets_foot_goes_over_with_its_text() -> None:
    lines = column((9, "p"), (1, "h"), (4, "p"))  # the heading would be line 10 of 10
    assert [line.block for line in sheets(lines, 100)[1]][:1] == [1]


def test_two_headings_in_a_row_go_over_together() -> None:
    lines = column((8, "p"), (1, "h"), (1, "h"), (4, "p"))
    second = sheets(lines, 100)[1]
    assert [line.block for line in second[:2]] == [1, 2]


def test_a_note_at_a_sheets_foot_stays_whole() -> None:
    lines = column((8, "p"), (4, "note"), (2, "p"))
    first, second = sheets(lines, 100)
    assert first[-1].block == 0 and second[0].block == 1


def test_no_orphan_and_no_widow() -> None:
    orphan = sheets(column((9, "p"), (5, "p")), 100)  # only line 1 of 5 would fit
    assert [line.block for line in orphan[0]] == [0] * 9
    widow = sheets(column((6, "p"), (5, "p")), 100)  # 4 of 5 would fit: 1 left alone
    assert [line.block for line in widow[1]] == [1, 1]
    short = sheets(column((8, "p"), (3, "p")), 100)  # three lines: never split
    assert [line.block for line in short[1]] == [1, 1, 1]


def test_what_no_rule_can_keep_together_still_fills_the_sheets() -> None:
    lines = column((1, "h"), (30, "p"))  # a heading with more text than a sheet holds
    filled = sheets(lines, 100)
    assert sum(len(sheet) for sheet in filled) == 31 and len(filled[0]) == 10
    tall = column((2, "p"), (15, "note"), (2, "p"))  # a note taller than a sheet
    assert sum(len(sheet) for sheet in sheets(tall, 100)) == 5


BLOCKS = st.lists(st.one_of(st.tuples(st.integers(1, 6), st.sampled_from(["p", "note"])),
                            st.just((1, "h"))), min_size=1, max_size=60).filter(
    lambda blocks: "hhh" not in "".join(kind[0] for _, kind in blocks))  # else no rule can


@settings(max_examples=300, deadline=None)
@given(BLOCKS)
def test_any_column_keeps_every_rule(blocks: list[tuple[int, str]]) -> None:
    lines = column(*blocks)
    laid = sheets(lines, 100)
    assert [line for sheet in laid for line in sheet] == lines
    for number, sheet in enumerate(laid):
        assert sheet and sheet[-1].bottom - sheet[0].top <= 100
        if number + 1 == len(laid):
            continue
        last, following = sheet[-1], laid[number + 1][0]
        assert not last.heading
        if last.block == following.block:  # a paragraph split: two lines each side at least
            assert sheet[-2].block == last.block and laid[number + 1][1].block == last.block
