"""The demo county as a whole: the same county, with the same history, on either database.

The demo is loaded once per database in the "demo" test process (tests/helpers/stores.py); the
load on PostgreSQL is the one the program does (``load_demo``), so this compares the two loads
record by record. The cancel-and-resume test and the command line's ``demo`` run on SQLite only
(tests/integration/demo/test_cases.py, tests/integration/cli/test_main.py): what they add to the
load is the same on both databases, and the load itself is compared here."""

from __future__ import annotations

import os

import pytest

from tests.helpers.stores import DemoTemplates, PostgresSchemas


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
def test_the_demo_county_is_the_same_on_postgresql(
    request: pytest.FixtureRequest, demo_templates: DemoTemplates
) -> None:
    if not os.environ.get("DESK_TEST_PG_URL"):
        pytest.skip("DESK_TEST_PG_URL is not set")
    pg: PostgresSchemas = request.getfixturevalue("pg_schemas")
    on_sqlite = demo_templates.get("sqlite", pg=lambda: pg).as_loaded
    on_postgresql = demo_templates.get("postgresql", pg=lambda: pg).as_loaded
    assert on_postgresql.counts == on_sqlite.counts
    assert on_sqlite.counts["cases"] > 4500 and len(on_sqlite.history) > 10_000
    pairs = zip(map(keyless, on_sqlite.history), map(keyless, on_postgresql.history), strict=True)
    assert next((pair for pair in pairs if pair[0] != pair[1]), None) is None  # the first that differs


def keyless(record: tuple[str, ...]) -> tuple[str, ...]:
    """The audit record without the card key's value: the key pair is made on the workstation
    (its keyring; each test has its own), not drawn from the demo's seed."""
    return record[:6] if record[4:6] == ("setting", "certs.card_public_key") else record
