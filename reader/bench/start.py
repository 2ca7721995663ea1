"""`python -m reader.bench start`: start-up time, memory and page opening, against bare Qt.

Each start is a whole process, `otpic-reader --screenshot`, next to a bare
PySide6 program that shows the same page's HTML in a QTextBrowser in a
QMainWindow and saves the same screenshot. Two times are taken of each: the
first paint of the page (both programs write the monotonic clock to the file
named by OTPIC_READER_PAINT_STAMP when their page view first paints), and the
whole process from launch to exit (ours also builds its panes, which it does
after the first paint, and both save a PNG). Peak RSS comes from wait4. One
warm-up round first (warm disk cache, warm caches of our own, the window's kept
look), then the median and spread of --runs rounds, each start taking its turn
in every round; the time ratios are the medians of each round's ratio. A first
start, with no kept look, is shown too, without target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DESCRIPTION = "start-up time and memory against a bare PySide6 window, and page opening"
TARGETS = {"start": 1.2, "memory": 1.3, "start_10k": 1.5, "open_p95": 0.030,
           "open_big": 0.100}

BARE = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class Browser(QTextBrowser):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted and os.environ.get("OTPIC_READER_PAINT_STAMP"):
            self.painted = True
            with open(os.environ["OTPIC_READER_PAINT_STAMP"], "w") as stamp:
                stamp.write(repr(time.monotonic()))


app = QApplication(sys.argv[:1])
window = QMainWindow()
browser = Browser()
window.setCentralWidget(browser)
window.resize(1280, 780)
with open(sys.argv[1], encoding="utf-8") as page:
    browser.setHtml(page.read())
window.show()
app.processEvents()
window.grab().save(sys.argv[2], "PNG")
"""


@dataclass(frozen=True)
class Runs:
    seconds: list[float]
    peak_mib: list[float]
    paints: list[float]

    @property
    def time(self) -> float:
        return statistics.median(self.seconds)

    @property
    def paint(self) -> float:
        return statistics.median(self.paints)

    @property
    def memory(self) -> float:
        return statistics.median(self.peak_mib)

    def spread(self) -> str:
        return f"{min(self.paints):.3f}–{max(self.paints):.3f}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=25,
                        help="timed rounds (default: 25; a busy machine needs many)")
    parser.add_argument("--pages", type=int, nargs="*", default=[1_000, 10_000], metavar="N",
                        help="synthetic archive sizes (default: 1000 10000)")
    parser.add_argument("--notes", type=int, default=10_000,
                        help="notes in the synthetic archives' user data (default: 10000)")
    parser.add_argument("--bookmarks", type=int, default=1_000)


@dataclass(frozen=True)
class Start:
    """One kind of start to time: a name, its command, and what to do before each run."""

    name: str
    command: list[str]
    prepare: Callable[[], None] | None = None
    cache: str = "cache"  # its XDG_CACHE_HOME, under the benchmark's folder


def measure(starts: list[Start], runs: int, env: dict[str, str],
            stamp: Path) -> dict[str, Runs]:
    """Time whole processes from launch to first paint and to exit, with peak memory.

    The starts take turns, round after round, so that a machine whose speed drifts
    (a shared virtual machine, say) weighs on each of them alike; the first round
    only warms the disk cache and the programs' own caches.
    """
    found: dict[str, tuple[list[float], list[float], list[float]]] = {
        start.name: ([], [], []) for start in starts}
    env = {**env, "OTPIC_READER_PAINT_STAMP": str(stamp)}
    for number in range(runs + 1):
        for start in starts:
            if start.prepare is not None:
                start.prepare()
            stamp.unlink(missing_ok=True)
            started = time.monotonic()
            process = subprocess.Popen(start.command, stdout=subprocess.DEVNULL,
                                       env={**env, "XDG_CACHE_HOME": str(stamp.parent /
                                                                         start.cache)},
                                       stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.monotonic() - started
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(f"{' '.join(start.command)} failed with status "
                                   f"{os.waitstatus_to_exitcode(status)}")
            if number:
                seconds, peaks, paints = found[start.name]
                seconds.append(elapsed)
                peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
                paints.append(float(stamp.read_text()) - started)
    return {name: Runs(*lists) for name, lists in found.items()}


def reader_command(content: Path, data: Path, shot: Path, page: str = "") -> list[str]:
    command = [sys.executable, "-m", "reader", "--screenshot", str(shot), "--content",
               str(content), "--data-dir", str(data)]
    return [*command, "--page", page] if page else command


def fill_user_data(data: Path, slugs: list[str], notes: int, bookmarks: int) -> None:
    """A user database as a reader of many months might have: notes and bookmarks."""
    from reader.userdata import UserStore
    from reader.userdata.database import Changes

    store = UserStore.open(data)
    with store.transaction(Changes(notes=True, bookmarks=True)) as db:
        db.executemany(
            "INSERT INTO notes(uid, slug, page_title, text, quote, created, updated) "
            "VALUES (?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')",
            [(f"n{i}", slugs[i % len(slugs)], f"Page {i % len(slugs)}",
              f"Note {i} on what the page says about negotiation.", "")
             for i in range(notes)])
        db.executemany(
            "INSERT INTO bookmarks(uid, slug, title, position, created) "
            "VALUES (?, ?, ?, ?, '2026-01-01')",
            [(f"b{i}", slugs[i], f"Page {i}", i) for i in range(min(bookmarks, len(slugs)))])
    store.close()


def page_html(content: Path, slug: str) -> str:
    """The page as the reader renders it, with the reader's style, for the bare program."""
    from reader.archive.archive import Archive
    from reader.render.page_style import THEMES, page_css
    from reader.render.renderer import Renderer

    html = Renderer(Archive.open(content)).html_for(slug)
    return html.replace("</head>", f"<style>{page_css(THEMES['light'])}</style></head>", 1)


def compile_bytecode() -> None:
    """Write the program's bytecode, as installing it does: in a checkout, or with
    PYTHONDONTWRITEBYTECODE set, each start would otherwise compile edited modules anew."""
    import compileall

    compileall.compile_dir(Path(__file__).resolve().parents[1], quiet=1)


def run(args: argparse.Namespace) -> int:
    from reader.archive.bundled import bundled_content_dir
    from reader.bench.synthetic import generate_archive

    compile_bytecode()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="otpic-bench-start-") as folder:
        base = Path(folder)
        bare_script = base / "bare.py"
        bare_script.write_text(BARE, encoding="utf-8")
        bundled = bundled_content_dir()
        html = base / "page.html"
        html.write_text(page_html(bundled, "coercive-diplomacy"), encoding="utf-8")
        starts = [
            Start("bare", [sys.executable, str(bare_script), str(html), str(base / "bare.png")]),
            Start("bundled", reader_command(bundled, base / "data", base / "ours.png",
                                            "coercive-diplomacy")),
            Start("first", reader_command(bundled, base / "data-first", base / "first.png",
                                          "coercive-diplomacy"), cache="cache-first",
                  prepare=lambda: shutil.rmtree(base / "cache-first" / "otpic-reader" / "looks",
                                                ignore_errors=True)),
        ]
        for pages in args.pages:
            synthetic = generate_archive(base / f"content-{pages}", pages, seed=1,
                                         glossary_terms=50)
            data = base / f"data-{pages}"
            fill_user_data(data, synthetic.slugs, args.notes, args.bookmarks)
            starts.append(Start(f"{pages}", reader_command(synthetic.root, data,
                                                           base / f"ours-{pages}.png")))
        found = measure(starts, args.runs, env, base / "painted")
    bare = found["bare"]
    rows.append(("bare PySide6 window", f"{bare.paint:.3f}", bare.spread(), "1.00",
                 f"{bare.time:.3f}", f"{bare.memory:.0f}", "1.00"))
    ok = _row(rows, "OTPIC Reader, bundled archive", found["bundled"], bare, TARGETS["start"],
              TARGETS["memory"])
    _row(rows, "  the same, first start (no snapshot kept)", found["first"], bare, None, None)
    for pages in args.pages:
        target = TARGETS["start"] if pages < 1_000 else TARGETS["start_10k"]  # large archives
        ok &= _row(rows, f"{pages:,} pages, {args.notes:,} notes, {args.bookmarks:,} bookmarks",
                   found[f"{pages}"], bare, target, None)
    _table(rows, args.runs)
    ok &= _page_opening()
    print("All targets met." if ok else "Some targets are not met (see the marks above).")
    return 0 if ok else 1


def _row(rows: list, name: str, runs: Runs, bare: Runs, time_target: float | None,
         memory_target: float | None) -> bool:
    """Add a row; False when it misses a target (a row without targets only informs).

    The time ratio is the median of each round's ratio to the bare program's run in the
    same round: on a machine whose speed drifts (a shared virtual machine), a ratio of
    medians swings with whichever program happened to run in its slow moments.
    """
    time_ratio = statistics.median(ours / base for ours, base in zip(runs.paints, bare.paints,
                                                                       strict=True))
    memory_ratio = runs.memory / bare.memory
    time_ok = time_target is None or time_ratio <= time_target
    memory_ok = memory_target is None or memory_ratio <= memory_target
    rows.append((name, f"{runs.paint:.3f}", runs.spread(),
                 f"{time_ratio:.2f}" + (f" {'ok' if time_ok else 'MISSED'} (≤ {time_target})"
                                        if time_target else " (no target)"),
                 f"{runs.time:.3f}", f"{runs.memory:.0f}",
                 f"{memory_ratio:.2f}" + (f" {'ok' if memory_ok else 'MISSED'} "
                                          f"(≤ {memory_target})" if memory_target else "")))
    return time_ok and memory_ok


def _table(rows: list, runs: int) -> None:
    heads = ("start (whole process)", "first paint s", f"spread ({runs} runs)", "× bare",
             "to exit s", "peak MiB", "× bare")
    widths = [max(len(str(r[i])) for r in (*rows, heads)) for i in range(len(heads))]
    for row in (heads, *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths,
                                                                     strict=True)))


def _page_opening() -> bool:
    """Opening pages in a live window: p50 and p95 over the bundled archive, one big page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.app import create_main_window

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="otpic-bench-open-") as folder:
        window = create_main_window(None, Path(folder) / "data")
        window.show()
        app.processEvents()
        slugs = [e.slug for s in window.archive.sections for e in s.entries]
        times = []
        for _ in range(5):
            window.renderer.drop_caches()  # measure rendering too, not only the caches
            for slug in slugs:
                started = time.perf_counter()
                window.open_page(slug)
                app.processEvents()
                times.append(time.perf_counter() - started)
        big = _big_page(Path(folder))
        window.close()
    p50, p95 = statistics.median(times), sorted(times)[int(len(times) * 0.95) - 1]
    p95_ok, big_ok = p95 < TARGETS["open_p95"], big < TARGETS["open_big"]
    print(f"\nOpening a page ({len(slugs)} pages of the bundled archive, 5 rounds, "
          f"rendering included): p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
          f"{'ok' if p95_ok else 'MISSED'} (< 30 ms)")
    print(f"Opening a page of 5,000 words with 50 glossary terms: {big * 1000:.1f} ms "
          f"{'ok' if big_ok else 'MISSED'} (< 100 ms)")
    return p95_ok and big_ok


def _big_page(folder: Path) -> float:
    """Median time to open (render and show) one 5,000-word page that uses 50 terms."""
    from PySide6.QtWidgets import QApplication

    from reader.app import create_main_window
    from reader.bench.synthetic import generate_archive

    synthetic = generate_archive(folder / "big", 1, seed=2, words_per_page=5_000,
                                 glossary_terms=50)
    window = create_main_window(synthetic.root, folder / "big-data")
    window.show()
    times = []
    for _ in range(5):
        window.renderer.drop_caches()
        started = time.perf_counter()
        window.open_page(synthetic.slugs[0])
        QApplication.processEvents()
        times.append(time.perf_counter() - started)
    window.close()
    return statistics.median(times)
