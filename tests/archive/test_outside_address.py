"""One check decides which addresses may leave the reader (issue 15, item 8)."""

from __future__ import annotations

import pytest

from reader.archive.links import classify_href, is_outside_address


@pytest.mark.parametrize("url", ["https://www.beyondintractability.org",
                                 "http://www.colorado.edu/conflict/peace/",
                                 "HTTPS://Example.org/a?b#c", "mailto:someone@example.org",
                                 "  https://example.org  "])
def test_web_and_mail_addresses_may_leave(url: str) -> None:
    assert is_outside_address(url)
    assert classify_href(url).kind == "external"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "data:,x",
                                 "smb://host/share", "ftp://example.org/", "http:/no-host",
                                 "term:backlash", "coercive-diplomacy.md",
                                 "#top", "", "vbscript:x", "//example.org/x"])
def test_nothing_else_does(url: str) -> None:
    assert not is_outside_address(url)
    assert classify_href(url).kind != "external"


def test_an_address_that_cannot_be_parsed_is_refused() -> None:
    assert not is_outside_address("https://[::1")
