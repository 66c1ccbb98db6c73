"""The evidence store: content-addressed, write-once, staging files renamed only when complete."""

from __future__ import annotations

import hashlib
import os

import pytest

from desktop.devices.evidence import EvidenceStore, hash_file


def test_bytes_are_stored_once_under_their_hash_read_only(tmp_path) -> None:
    ev = EvidenceStore(tmp_path / "ev")
    data = os.urandom(3000)
    sha = hashlib.sha256(data).hexdigest()
    obj = ev.put([data[:1000], data[1000:]], "a")
    assert (obj.sha256, obj.size) == (sha, 3000)
    path = ev.path(sha)
    assert path.read_bytes() == data and not os.access(path, os.W_OK) or os.geteuid() == 0
    assert hash_file(path) == sha
    again = ev.put([data], "b")
    assert again.sha256 == sha and list(ev.stored()) == [sha]
    assert not list(ev.staging_dir.iterdir())


def test_a_failed_write_leaves_nothing_in_place(tmp_path) -> None:
    ev = EvidenceStore(tmp_path / "ev")

    def chunks():
        yield b"x" * 100
        raise OSError("cable pulled")

    with pytest.raises(OSError):
        ev.put(chunks(), "a")
    assert list(ev.stored()) == [] and not list(ev.staging_dir.iterdir())


def test_a_staging_file_resumes_with_the_bytes_already_received(tmp_path) -> None:
    ev = EvidenceStore(tmp_path / "ev")
    data = os.urandom(5000)
    first = ev.staging("station|1", resume=True)
    first.write(data[:2000])
    first.close()
    second = ev.staging("station|1", resume=True)
    assert second.size == 2000
    second.write(data[2000:])
    sha = second.finish()
    assert sha == hashlib.sha256(data).hexdigest()
    assert ev.place(second, sha) is True
    assert ev.path(sha).read_bytes() == data
