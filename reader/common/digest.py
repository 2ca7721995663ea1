"""Names for cache files and keys for their contents: stable digests, cheap to load.

These name caches; they prove nothing. hashlib would load OpenSSL (about
4 MB of a process that should stay light), so BLAKE2 comes from CPython's own
_blake2 module when it has one. Archive checksums (manifest, provenance) use
hashlib's SHA-256, as sha256sum does.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b


def cache_key(data: bytes, length: int = 24) -> str:
    """A hex digest of `data`, `length` characters long."""
    return blake2b(data, digest_size=32).hexdigest()[:length]


class KeyBuilder:
    """Feeds many pieces into one key without joining them in memory first."""

    def __init__(self) -> None:
        self._hash = blake2b(digest_size=32)

    def update(self, data: bytes) -> None:
        self._hash.update(data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()
