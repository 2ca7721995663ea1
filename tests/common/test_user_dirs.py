"""The user's folders are where platformdirs says, whichever way the answer is found."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from reader.common.user_dirs import APP_NAME, user_dir, xdg_dir

ENVIRONMENTS = [
    {"HOME": "/home/ana"},
    {"HOME": "/home/ana/"},
    {"HOME": "/home/ana/", "XDG_DATA_HOME": "/srv/data", "XDG_CACHE_HOME": "/var/tmp/c"},
    {"HOME": "/home/ana", "XDG_DATA_HOME": "relative/data", "XDG_CACHE_HOME": ""},
    {"HOME": "/"},
    {"HOME": "not/absolute"},
    {"HOME": "/home/ana", "ANDROID_DATA": "/data", "ANDROID_ROOT": "/system"},
]


def platformdirs_answer(kind: str) -> Path:
    found = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return Path(found(APP_NAME, appauthor=False))


@pytest.mark.parametrize("environment", ENVIRONMENTS)
@pytest.mark.parametrize("kind", ["data", "cache"])
def test_each_folder_is_the_one_platformdirs_names(monkeypatch: pytest.MonkeyPatch,
                                                   environment: dict[str, str],
                                                   kind: str) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "ANDROID_DATA", "ANDROID_ROOT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    try:
        expected = platformdirs_answer(kind)
    except RuntimeError:  # no home to be found: platformdirs refuses, and so do we
        with pytest.raises(RuntimeError):
            user_dir(kind)
        return
    assert user_dir(kind) == expected


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is applied on Linux")
def test_on_linux_the_plain_case_needs_no_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/ana")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    assert xdg_dir("cache") == Path("/home/ana/.cache/otpic-reader")
    monkeypatch.setenv("XDG_CACHE_HOME", "cache")
    assert xdg_dir("cache") is None  # relative: platformdirs decides, as its version does
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "relative")
    assert xdg_dir("cache") is None  # off the plain rule: platformdirs decides
