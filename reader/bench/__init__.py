"""Benchmarks against the targets the issues set: `python -m reader.bench NAME`.

They measure, print a table and exit non-zero when a target is missed; they are
never run by the tests (timings on a shared machine are not pass or fail).
"""
