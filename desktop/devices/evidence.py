"""The evidence store: content-addressed, write-once files under the evidence folder.

A file is written to a staging file while it is hashed, flushed to disk, and renamed into
``objects/<first two hex digits>/<sha256>`` only when complete; nothing under ``objects/`` is ever
rewritten. The import and the library use only ``EvidenceStore``'s methods, so another kind of
store (an S3-compatible bucket) can stand behind the same interface later.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1024 * 1024
"""Bytes read and written at a time."""


def hash_file(path: Path, on_bytes: Callable[[int], None] | None = None) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as f:
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        while n := f.readinto(buffer):
            digest.update(view[:n])
            if on_bytes is not None:
                on_bytes(n)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Staging:
    """A file being received: bytes appended while hashed, resumable after a crash (the bytes
    already on disk are hashed again when it is reopened)."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        self._digest = hashlib.sha256()
        self.size = 0
        if resume and path.exists():
            with open(path, "rb") as f:
                while chunk := f.read(CHUNK):
                    self._digest.update(chunk)
                    self.size += len(chunk)
            self._file = open(path, "ab")  # noqa: SIM115 - closed by finish() or discard()
        else:
            self._file = open(path, "wb")  # noqa: SIM115 - closed by finish() or discard()

    def write(self, chunk: bytes) -> None:
        """Append and hash one chunk."""
        self._file.write(chunk)
        self._digest.update(chunk)
        self.size += len(chunk)

    def finish(self) -> str:
        """Flush to disk; the SHA-256 of everything written."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        return self._digest.hexdigest()

    def close(self) -> None:
        """Stop writing, keeping the bytes for a resume."""
        if not self._file.closed:
            self._file.close()

    def discard(self) -> None:
        """Drop the staging file."""
        self.close()
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class StoredObject:
    """A file in the evidence store."""

    sha256: str
    size: int


class EvidenceStore:
    """Content-addressed files in a folder (a local disk or a share)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.objects = self.root / "objects"
        self.staging_dir = self.root / "staging"

    def describe(self) -> str:
        """Where the files are, for messages."""
        return str(self.root)

    def ensure(self) -> None:
        """Create the folders."""
        self.objects.mkdir(parents=True, exist_ok=True)
        self.staging_dir.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        """Where a file's bytes live."""
        return self.objects / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        """Whether the bytes are stored."""
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int | None:
        """The stored size, or None when the file is absent."""
        try:
            return self.path(sha256).stat().st_size
        except FileNotFoundError:
            return None

    def staging(self, key: str, *, resume: bool) -> Staging:
        """The staging file for ``key`` (a source file), resumed when ``resume`` and present."""
        self.ensure()
        name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".part"
        return Staging(self.staging_dir / name, resume=resume)

    def place(self, staging: Staging, sha256: str) -> bool:
        """Rename a finished staging file into place, read-only; False when the bytes were
        already stored (the staging file is dropped, the stored file left as it is)."""
        target = self.path(sha256)
        if target.exists():
            staging.discard()
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(staging.path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(staging.path, target)
        _fsync_dir(target.parent)
        return True

    def put(self, chunks: Iterable[bytes], key: str) -> StoredObject:
        """Store bytes in one pass (hash, write, flush, rename)."""
        staging = self.staging(key, resume=False)
        try:
            for chunk in chunks:
                staging.write(chunk)
            sha = staging.finish()
        except BaseException:
            staging.discard()
            raise
        size = staging.size
        self.place(staging, sha)
        return StoredObject(sha, size)

    def open(self, sha256: str) -> Iterator[bytes]:
        """The stored bytes, in chunks."""
        with open(self.path(sha256), "rb") as f:
            while chunk := f.read(CHUNK):
                yield chunk

    def remove(self, sha256: str) -> bool:
        """Delete stored bytes (only an approved deletion list does this); False when absent."""
        target = self.path(sha256)
        if not target.exists():
            return False
        os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
        target.unlink()
        _fsync_dir(target.parent)
        return True

    def stored(self) -> Iterator[str]:
        """The SHA-256 of every stored file (names that are not a hash are reported as such)."""
        if not self.objects.is_dir():
            return
        for folder in sorted(self.objects.iterdir()):
            if folder.is_dir():
                for f in sorted(folder.iterdir()):
                    yield f.name
