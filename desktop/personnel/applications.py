"""申领 → 审核 → 发证: an officer applies for a 执法证 when the gate is met — a passed qualification
exam (recorded by the exam area, or an exam document entered by hand) and the year's training hours
at least the setting ``training_gate`` — the application waits for 审核 (pass, or refuse with a
reason: ``VET_CERTIFICATES``, supervisors), and an approved one is issued (发证) with the next number
of the pattern and the validity setting; the certificate's history then starts with the 申领 and the
审核. Every step is audited; an application is version-checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.service import check_version
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import mask_resident_id
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.exam.service import ExamPass, exam_passes
from desktop.models import Certificate, CertificateApplication, Officer, TrainingRecord
from desktop.models.db import Store
from desktop.personnel import certificate_history as history
from desktop.personnel import certificate_store as cstore
from desktop.personnel.certificate_history import Event
from desktop.personnel.certificates import CERT_AUDITED
from desktop.personnel.qualification_settings import expiry_for, load_settings

APPLICATION_STATES = ("applied", "approved", "refused", "issued")
APPLICATION_AUDITED = (
    "state",
    "applied_on",
    "exam_sitting_id",
    "exam_doc",
    "vetted_on",
    "vet_reason",
    "vetted_by",
)


@dataclass(frozen=True)
class Gate:
    """What an application rests on, for one officer on one date: the exams passed, the exam
    document given by hand, the year's hours against the gate, and whether it is met."""

    officer_id: int
    officer: str
    agency: str
    passes: tuple[ExamPass, ...]
    exam_doc: str
    hours: float
    gate_hours: int
    year: int
    holds_certificate: str | None
    """The number of a certificate the officer holds in force (valid or suspended), if any."""
    open_application: int | None
    """An application of the officer still waiting (applied or approved)."""

    @property
    def exam_met(self) -> bool:
        """A passed exam is recorded or its document was given."""
        return bool(self.passes) or bool(self.exam_doc)

    @property
    def hours_met(self) -> bool:
        """The year's hours reach the gate."""
        return self.hours >= self.gate_hours

    @property
    def met(self) -> bool:
        """The officer may apply."""
        return (
            self.exam_met and self.hours_met and not self.holds_certificate and self.open_application is None
        )


@dataclass(frozen=True)
class ApplicationRow:
    """An application as listed: the officer, what it rests on, its state, its 审核, its number."""

    id: int
    officer_id: int
    officer: str
    id_number: str
    agency: str
    applied_on: date
    state: str
    exam: str
    hours: float
    gate_hours: int
    vetted_on: date | None
    vet_reason: str | None
    vetted_by: str | None
    number: str | None
    version: int


def application_gate(
    store: Store, actor: Actor, officer: int | str, on: date | None = None, exam_doc: str = ""
) -> Gate:
    """The gate of an application by an officer (id or 身份证号) on ``on`` (default today)."""
    require(actor, Permission.VIEW_OFFICERS)
    on = on or store.clock.today()
    with store.reading() as session:
        row = _officer(session, officer)
        require_agency(actor, row.agency_id)
        return _gate(session, row, on, exam_doc)


def officer_exam_passes(store: Store, actor: Actor, officer_id: int) -> tuple[ExamPass, ...]:
    """The qualification exams an officer passed (the exam area's record), newest first."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        officer = _officer(session, officer_id)
        require_agency(actor, officer.agency_id)
        return exam_passes(session, [officer.id]).get(officer.id, ())


def _gate(session: Session, officer: Officer, on: date, exam_doc: str) -> Gate:
    settings = load_settings(session)
    hours = session.execute(
        select(func.coalesce(func.sum(TrainingRecord.hours), 0)).where(
            TrainingRecord.officer_id == officer.id,
            TrainingRecord.on >= date(on.year, 1, 1),
            TrainingRecord.on <= on,
        )
    ).scalar_one()
    passes = tuple(p for p in exam_passes(session, [officer.id]).get(officer.id, ()) if p.passed_on <= on)
    held = None
    for cert in officer.certificates:
        if history.state_on(cstore.events_of(cert), on, cert.expires_on) in ("valid", "suspended"):
            held = cert.number
    waiting = session.execute(
        select(CertificateApplication.id).where(
            CertificateApplication.officer_id == officer.id,
            CertificateApplication.state.in_(("applied", "approved")),
        )
    ).scalar_one_or_none()
    return Gate(
        officer.id,
        officer.name,
        officer.agency.name,
        passes,
        (exam_doc or "").strip(),
        float(Decimal(str(hours))),
        settings.training_gate,
        on.year,
        held,
        waiting,
    )


def apply_for_certificate(
    store: Store,
    actor: Actor,
    officer: int | str,
    *,
    exam_doc: str = "",
    on: date | None = None,
) -> ApplicationRow:
    """申领 for an officer (by id or 身份证号); refused, saying what is missing, when the gate is
    not met (no passed exam and no exam document; hours below the gate; a certificate in force; an
    application already waiting)."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    today = store.clock.today()
    on = on or today
    _not_after_today(on, today)
    with store.unit_of_work() as uow:
        session = uow.session
        row = _officer(session, officer)
        require_agency(actor, row.agency_id)
        gate = _gate(session, row, on, exam_doc)
        _check_gate(gate)
        app = CertificateApplication(
            officer_id=row.id,
            applied_on=on,
            state="applied",
            exam_sitting_id=gate.passes[0].sitting_id if gate.passes else None,
            exam_doc=gate.exam_doc or None,
            hours=Decimal(str(gate.hours)),
            gate_hours=gate.gate_hours,
            recorded_by=actor.name,
            updated_at=utc_iso(store.clock.now()),
            updated_by=actor.name,
        )
        session.add(app)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "create",
            "certificate_application",
            app.id,
            after=_snap(app),
            summary=row.name,
        )
        uow.commit()
        return _row(session, app)


def _check_gate(gate: Gate) -> None:
    if gate.holds_certificate:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{officer} already holds certificate {number}."),
            field="officer",
            officer=gate.officer,
            number=gate.holds_certificate,
        )
    if gate.open_application is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{officer} has an application waiting already (no. {id})."),
            field="officer",
            officer=gate.officer,
            id=gate.open_application,
        )
    if not gate.exam_met:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{officer} has no passed qualification exam on record: give the exam's document number.",
            ),
            field="exam_doc",
            officer=gate.officer,
        )
    if not gate.hours_met:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "{officer} has {hours} training hours in {year}; an application needs {gate}."
            ),
            field="hours",
            officer=gate.officer,
            hours=f"{gate.hours:g}",
            year=gate.year,
            gate=gate.gate_hours,
        )


def vet_application(
    store: Store,
    actor: Actor,
    application_id: int,
    version: int,
    passed: bool,
    reason: str = "",
    on: date | None = None,
) -> ApplicationRow:
    """审核: pass, or refuse with a reason (supervisors: ``VET_CERTIFICATES``)."""
    require(actor, Permission.VET_CERTIFICATES)
    reason = (reason or "").strip()
    if not passed and not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give the reason for the refusal."), field="reason")
    today = store.clock.today()
    on = on or today
    _not_after_today(on, today)
    with store.unit_of_work() as uow:
        session = uow.session
        app = _application(session, application_id)
        require_agency(actor, app.officer.agency_id)
        check_version(app, version)
        _expect(app, "applied", on)
        before = _snap(app)
        app.state = "approved" if passed else "refused"
        app.vetted_on, app.vet_reason, app.vetted_by = on, reason[:200] or None, actor.label
        app.updated_at, app.updated_by = utc_iso(store.clock.now()), actor.name
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "update",
            "certificate_application",
            app.id,
            before=before,
            after=_snap(app),
            summary=app.officer.name,
        )
        uow.commit()
        return _row(session, app)


def issue_application(
    store: Store, actor: Actor, application_id: int, version: int, on: date | None = None
) -> ApplicationRow:
    """发证 of an approved application: a certificate with the next number of the pattern, valid for
    the configured years from ``on``, its history 申领 → 审核 → 发证."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    today = store.clock.today()
    on = on or today
    _not_after_today(on, today)
    with store.unit_of_work() as uow:
        session = uow.session
        app = _application(session, application_id)
        officer = app.officer
        require_agency(actor, officer.agency_id)
        check_version(app, version)
        _expect(app, "approved", on)
        settings = load_settings(session)
        cert = Certificate(
            number=cstore.next_number(session, settings, on.year),
            issued_on=on,
            expires_on=expiry_for(on, settings.validity_years),
            status="active",
            current=True,
        )
        for old in officer.certificates:
            old.current = False
        officer.certificates.append(cert)
        now = utc_iso(store.clock.now())
        exam = app.exam_doc or (f"#{app.exam_sitting_id}" if app.exam_sitting_id else None)
        for event in (
            Event("apply", app.applied_on, "", None, exam, None),
            Event("vet", app.vetted_on or on, app.vet_reason or "", "pass", None, app.vetted_by),
            Event("issue", on, "", None, None, actor.label),
        ):
            cstore.append(cert, event, actor.name, now, today)
        session.flush()
        before = _snap(app)
        app.state, app.certificate_id = "issued", cert.id
        app.updated_at, app.updated_by = now, actor.name
        session.flush()
        audit.record_many(
            session,
            store,
            actor.name,
            [
                audit.Change("update", "certificate_application", app.id, before, _snap(app), officer.name),
                audit.Change(
                    "create", "certificate", cert.id, None, audit.snapshot(cert, CERT_AUDITED), cert.number
                ),
            ],
        )
        uow.commit()
        return _row(session, app)


def list_applications(store: Store, actor: Actor, state: str | None = None) -> tuple[ApplicationRow, ...]:
    """The applications, waiting ones first, then newest first (a scoped user: their agency's)."""
    require(actor, Permission.VIEW_OFFICERS)
    if state is not None and state not in APPLICATION_STATES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown application state: {state}."), field="state", state=state
        )
    with store.reading() as session:
        stmt = select(CertificateApplication).join(Officer, Officer.id == CertificateApplication.officer_id)
        if state is not None:
            stmt = stmt.where(CertificateApplication.state == state)
        if actor.scope_agency_id is not None:
            stmt = stmt.where(Officer.agency_id == actor.scope_agency_id)
        apps = session.execute(stmt).scalars().all()
        order = {"applied": 0, "approved": 1}
        rows = [_row(session, a) for a in apps]
    return tuple(sorted(rows, key=lambda r: (order.get(r.state, 2), -r.applied_on.toordinal(), -r.id)))


def find_application(store: Store, actor: Actor, key: str) -> ApplicationRow:
    """An application by its id, or the one waiting for an officer named by 身份证号."""
    require(actor, Permission.VIEW_OFFICERS)
    key = (key or "").strip()
    with store.reading() as session:
        if key.isdigit() and len(key) < 12:
            app = _application(session, int(key))
        else:
            found = (
                session.execute(
                    select(CertificateApplication)
                    .join(Officer, Officer.id == CertificateApplication.officer_id)
                    .where(Officer.id_number == key.upper())
                    .order_by(CertificateApplication.id.desc())
                )
                .scalars()
                .first()
            )
            if found is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No application for {key}."), key=key)
            app = found
        require_agency(actor, app.officer.agency_id)
        return _row(session, app)


# ------------------------------------------------------------------------------ helpers


def _officer(session: Session, officer: int | str) -> Officer:
    if isinstance(officer, int):
        row = session.get(Officer, officer)
    else:
        row = session.execute(
            select(Officer).where(Officer.id_number == officer.strip().upper())
        ).scalar_one_or_none()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such officer: {officer}."), officer=str(officer))
    return row


def _application(session: Session, application_id: int) -> CertificateApplication:
    app = session.get(CertificateApplication, application_id)
    if app is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such application (no. {id})."), id=application_id)
    return app


def _expect(app: CertificateApplication, state: str, on: date) -> None:
    if app.state != state:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Application no. {id} is {state}: this step is not possible."),
            field="state",
            id=app.id,
            state=app.state,
        )
    last = app.vetted_on if state == "approved" else app.applied_on
    if last is not None and on < last:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{date} is before the application's last step ({last})."),
            field="date",
            date=on.isoformat(),
            last=last.isoformat(),
        )


def _not_after_today(on: date, today: date) -> None:
    if on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An event cannot be dated after today ({date})."),
            field="date",
            date=on.isoformat(),
        )


def _snap(app: CertificateApplication) -> dict:
    return audit.snapshot(app, APPLICATION_AUDITED)


def _row(session: Session, app: CertificateApplication) -> ApplicationRow:
    officer = app.officer
    number = session.get(Certificate, app.certificate_id).number if app.certificate_id else None  # type: ignore[union-attr]
    exam = app.exam_doc or ""
    if app.exam_sitting_id is not None:
        passes = exam_passes(session, [officer.id]).get(officer.id, ())
        named = [p.sitting for p in passes if p.sitting_id == app.exam_sitting_id]
        exam = named[0] if named else f"#{app.exam_sitting_id}"
    return ApplicationRow(
        app.id,
        officer.id,
        officer.name,
        mask_resident_id(officer.id_number),
        officer.agency.name,
        app.applied_on,
        app.state,
        exam,
        float(app.hours),
        app.gate_hours,
        app.vetted_on,
        app.vet_reason,
        app.vetted_by,
        number,
        app.version,
    )
