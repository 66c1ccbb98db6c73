"""(f) Officers' qualifications: the state of 100,000 certificates on one date (the pure function
over histories read from the store), the certificate and training warnings of 100,000 officers, one
card PDF, 1,000 cards, and a training import of 20,000 rows — each beside a baseline measured in
the same run."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import xlsxwriter
from sqlalchemy import select

from bench.data import fill_officers, sqlite_store
from bench.timing import Result, cold_and_median, timed
from desktop.io.imports import read_checked
from desktop.models import Certificate, CertificateEvent, Officer
from desktop.personnel import certificate_store as cstore
from desktop.personnel.card_signing import CardFacts, new_key_pair, sign_payload
from desktop.personnel.cert_warnings import personnel_warnings
from desktop.personnel.documents.card import CardFace, qr_rows, write_card_sheets, write_cards
from desktop.personnel.training import TRAINING_COLUMNS, import_training

STATE_TARGET = 1.0
WARNINGS_TARGET = 1.0
CARD_TARGET = 0.100
CARDS_TARGET = 20.0
IMPORT_TARGET = 10.0


def run(folder: Path, officers: int, cards: int, import_rows: int, repeat: int) -> list[Result]:
    """Every figure of (f) on one SQLite store of ``officers`` officers."""
    store, admin = sqlite_store(folder, "certs")
    fill_officers(store, officers)
    results: list[Result] = []
    day = date.today()

    rows = (
        select(
            Certificate.id,
            Certificate.expires_on,
            CertificateEvent.kind,
            CertificateEvent.on,
            CertificateEvent.result,
        )
        .outerjoin(CertificateEvent, CertificateEvent.certificate_id == Certificate.id)
        .order_by(Certificate.id, CertificateEvent.seq)
    )

    def read_histories() -> int:
        with store.engine.connect() as conn:
            return len(conn.execute(rows).all())

    def states() -> int:
        with store.reading() as session:
            found = cstore.states_on_date(session, day)
        return sum(state == "valid" for state in found.values())

    _, bare = cold_and_median(read_histories, repeat)
    _, figure = cold_and_median(states, repeat)
    results.append(
        Result(
            f"state of {officers:,} certificates on one date",
            figure,
            STATE_TARGET,
            bare,
            "reading the same histories (one query) without deciding their state",
        )
    )
    _, warn = cold_and_median(lambda: personnel_warnings(store, admin, day), repeat)
    results.append(
        Result(
            f"certificate and training warnings of {officers:,} officers",
            warn,
            WARNINGS_TARGET,
            bare,
            "reading the certificates' histories alone",
        )
    )
    private, _public = new_key_pair()
    faces = [
        CardFace(
            f"3411222026{n:05d}",
            "欧阳明华",
            "示范县市场监督管理局",
            "市场监管",
            day,
            day + timedelta(days=1826),
            sign_payload(
                CardFacts(f"3411222026{n:05d}", "欧阳明华", "341122********1234", day, day, "k"), private
            ),
        )
        for n in range(cards)
    ]
    _, sign = cold_and_median(
        lambda: sign_payload(CardFacts("1", "欧阳明华", "341122********1234", day, day, "k"), private), repeat
    )
    _, one = cold_and_median(lambda: write_cards(faces[:1], folder / "card.pdf"), repeat)
    results.append(Result("one card PDF (front, back, QR)", one, CARD_TARGET, sign, "signing its payload"))
    many, _ = timed(lambda: write_cards(faces, folder / "cards.pdf"))
    results.append(
        Result(f"{cards:,} cards in one PDF", many, CARDS_TARGET, one * cards, f"{cards:,} × one card")
    )
    qr, _ = timed(lambda: [qr_rows(face.payload) for face in faces])
    sheets, _ = timed(lambda: write_card_sheets(faces, folder / "sheets.pdf"))
    results.append(
        Result(
            f"{cards:,} cards on A4 sheets (2 × 5, crop marks, duplex)",
            sheets,
            CARDS_TARGET,
            qr,
            f"encoding the {cards:,} QR codes alone",
        )
    )
    with store.engine.connect() as conn:
        people = conn.execute(select(Officer.name, Officer.id_number).limit(import_rows)).all()
    book = folder / "training.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    ws = wb.add_worksheet("培训导入")
    ws.write_row(0, 0, ["姓名", "身份证号", "培训名称", "日期", "学时"])
    for n in range(import_rows):
        name, id_number = people[n % len(people)]
        ws.write_row(n + 1, 0, [name, id_number, f"课程{n // len(people)}", f"{day.year}-03-01", 8])
    wb.close()
    imported, result = timed(lambda: import_training(store, admin, book))
    assert result.imported == import_rows, result
    reading, _ = timed(lambda: _read_only(book))
    results.append(
        Result(
            f"training import of {import_rows:,} rows",
            imported,
            IMPORT_TARGET,
            reading,
            "reading the workbook alone",
        )
    )
    store.dispose()
    return results


def _read_only(book: Path) -> int:
    return len(read_checked(book, TRAINING_COLUMNS, None, None).rows)
