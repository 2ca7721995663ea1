"""What recovery tells the user: what was found, and what was kept, in sentences."""

from __future__ import annotations

from pathlib import Path

from reader.common.words import counted
from reader.userdata.recovery.diagnosis import EMPTY, Finding
from reader.userdata.recovery.salvage import Rows


def counts(rows: Rows) -> dict[str, int]:
    return {"notes": len(rows.get("notes", [])), "bookmarks": len(rows.get("bookmarks", []))}


def told(path: Path, finding: Finding, from_file: dict[str, int],
          backup: tuple[str, dict[str, int]] | None, now: dict[str, int], aside: Path | None,
          *, looked: bool = False) -> str:
    """What was found and what was kept, as sentences."""

    def holds(counts: dict[str, int]) -> str:
        return f"{counted(counts['notes'], 'note')} and {counted(counts['bookmarks'], 'bookmark')}"

    state = "is empty" if finding.kind == EMPTY else f"is damaged ({finding.detail})"
    if not looked:
        state = state.replace("is ", "was ", 1)
    parts = [f"Your notes database {path} {state}."]
    if aside is not None:
        parts.append(f"It was kept as {aside}.")
    read = finding.kind != EMPTY or bool(from_file["notes"] or from_file["bookmarks"])
    if read:
        parts.append(f"From it, {holds(from_file)} could still be read.")
    if backup is None:
        parts.append("There was no backup that could be read.")
    else:
        parts.append(f"The backup of {backup[0]} held {holds(backup[1])}.")
    if looked:
        if backup is None:
            parts.append(f"Shown here: {holds(now)}, all that could be read.")
        elif read:
            parts.append(f"Both are shown merged, keeping the newest version of each note: "
                         f"{holds(now)}.")
        else:
            parts.append(f"Shown here: what the backup holds, {holds(now)}.")
        parts.append("The file was left as it is; the next start of the reader repairs it.")
    elif backup is None:
        parts.append(f"You now have {holds(now)}, all that could be read.")
    elif read:
        parts.append(f"Both were merged, keeping the newest version of each note: you now "
                     f"have {holds(now)}.")
    else:
        parts.append(f"The backup was restored: you now have {holds(now)}.")
    return " ".join(parts)
