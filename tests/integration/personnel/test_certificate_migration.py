"""Migration 0010 turns certificate rows into histories without changing any validity the
register's ``uncertified_officer`` warning read before (both databases)."""

from __future__ import annotations

from datetime import date, timedelta

from alembic import command
from sqlalchemy import text

from desktop.models.db import Store, alembic_config, open_store

ROWS = [
    # id, issued, expires, status
    (1, date(2020, 1, 1), date(2030, 12, 31), "active"),
    (2, date(2020, 1, 1), date(2030, 12, 31), "suspended"),
    (3, date(2020, 8, 3), date(2026, 8, 2), "active"),
    (4, date(2021, 1, 1), date(2031, 12, 31), "revoked"),
    (5, date(2022, 5, 1), date(2027, 4, 30), "cancelled"),
]


def _old_rule(issued: date, expires: date, status: str, day: date) -> bool:
    return status == "active" and issued <= day <= expires


def test_histories_keep_every_validity(store_url: str, clock) -> None:
    old = Store(store_url)
    with old.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0005")
        conn.execute(
            text(
                "INSERT INTO agencies (id, name, version, updated_at, updated_by) VALUES (1, '某局', 1, '', '')"
            )
        )
        for cert_id, issued, expires, status in ROWS:
            conn.execute(
                text(
                    "INSERT INTO officers (id, name, id_number, agency_id, version, updated_at, updated_by) "
                    "VALUES (:i, :n, :idn, 1, 1, '', '')"
                ),
                {"i": cert_id, "n": f"人{cert_id}", "idn": f"34112219800101{cert_id:04d}"},
            )
            conn.execute(
                text(
                    "INSERT INTO certificates (id, officer_id, number, issued_on, expires_on, status, current) "
                    "VALUES (:i, :i, :n, :a, :b, :s, :c)"
                ),
                {"i": cert_id, "n": f"C-{cert_id}", "a": issued, "b": expires, "s": status, "c": True},
            )
    old.dispose()
    store = open_store(store_url, clock=clock)
    try:
        with store.engine.connect() as conn:
            events = conn.execute(
                text('SELECT certificate_id, kind, "on" FROM certificate_events ORDER BY certificate_id, seq')
            ).all()
            assert [(c, k) for c, k, _ in events] == [
                (1, "issue"),
                (2, "issue"),
                (2, "suspend"),
                (3, "issue"),
                (4, "issue"),
                (4, "revoke"),
                (5, "issue"),
                (5, "cancel"),
            ]
            for cert_id, issued, expires, status in ROWS:
                for day in (
                    issued - timedelta(days=1),
                    issued,
                    date(2026, 8, 2),
                    date(2026, 8, 3),
                    expires,
                    expires + timedelta(days=1),
                ):
                    valid = conn.execute(
                        text(
                            "SELECT count(*) FROM certificate_validity WHERE officer_id = :o "
                            "AND valid_from <= :d AND valid_to >= :d"
                        ),
                        {"o": cert_id, "d": day},
                    ).scalar_one()
                    assert bool(valid) == _old_rule(issued, expires, status, day), (cert_id, day)
    finally:
        store.dispose()
