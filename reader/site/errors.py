"""The one error the classroom copy raises."""

from __future__ import annotations


class SiteExportError(Exception):
    """The copy cannot be made where asked; one sentence says why and what to do."""
