"""Recorder file names (FORMATS.md §5): the default pattern and a vendor's own."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.core.errors import ValidationError
from desktop.devices.names import compile_pattern, parse_name


def test_the_default_pattern_reads_officer_device_start_seq_and_the_important_flag() -> None:
    p = compile_pattern(None)
    facts = parse_name("100001_DSJ01_20261103091502_0001_IMP.MP4", p)
    assert facts is not None
    assert (facts.officer, facts.device, facts.seq, facts.important) == ("100001", "DSJ01", "0001", True)
    assert facts.start == datetime(2026, 11, 3, 9, 15, 2)
    assert (facts.ext, facts.kind) == ("mp4", "video")
    plain = parse_name("100001_DSJ01_20261103091502_0002.wav", p)
    assert plain is not None and not plain.important and plain.kind == "audio"


@pytest.mark.parametrize(
    "name",
    [
        "notes.txt",
        "100001_DSJ01_20261103091502_0001.txt",  # not a recording's extension
        "100001_DSJ01_20261399091502_0001.mp4",  # no 13th month
        "100001-DSJ01-20261103091502.mp4",
        "100001_DSJ01_2026110309150_0001.jpg",  # 13 digits
    ],
)
def test_names_that_match_nothing_are_none(name: str) -> None:
    assert parse_name(name, compile_pattern(None)) is None


def test_a_vendors_pattern_reads_its_own_names_with_seq_and_important_absent() -> None:
    p = compile_pattern(r"^(?P<device>[A-Z0-9]+)-(?P<officer>\d+)-(?P<start>\d{8}T\d{6})\.mov$")
    facts = parse_name("HK900-200002-20261104T101010.MOV", p)
    assert facts is not None
    assert (facts.officer, facts.device, facts.seq, facts.important) == ("200002", "HK900", None, False)
    assert facts.start == datetime(2026, 11, 4, 10, 10, 10)


def test_a_pattern_without_the_required_groups_or_not_a_regex_is_refused() -> None:
    with pytest.raises(ValidationError, match="officer"):
        compile_pattern(r"(?P<device>\w+)_(?P<start>\d{14})")
    with pytest.raises(ValidationError, match="regular expression"):
        compile_pattern(r"(unclosed")
