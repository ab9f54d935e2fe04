"""SHA-256 for fingerprints and cache keys: the standard library's own, the same digest as
hashlib's, without loading OpenSSL (3 ms of start-up)."""

from __future__ import annotations

try:
    from _sha256 import sha256
except ImportError:  # a Python whose private module is named otherwise
    from hashlib import sha256

__all__ = ["sha256"]
