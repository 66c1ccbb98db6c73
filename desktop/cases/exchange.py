"""Excel in and out for the case register (FORMATS.md §1) and the 双公示 行政处罚 list.

An import checks every row first — cells, the rules of ``clean_case`` and what the store
knows (agencies, officers, 案号, dossier files) — and writes nothing when any row is wrong: the
error names file, sheet, row, column and rule. An imported register records what happened,
so a 重大执法决定 made without a 法制审核 is imported and then warned about, not refused.
All rows are built first and then written in one short unit of work, each audited (action
``import``).

The register export writes the import layout (it re-imports into a store with the same
agencies and officers) plus 阶段 and 预警; the 双公示 export writes the fields of
REFERENCE.md §2 for decided 行政处罚 cases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts.input_settings import apply_input_limits
from desktop.cases import import_write, service, terms
from desktop.cases.checks import FIELD_TITLES
from desktop.cases.dto import CaseInput, CaseRow
from desktop.cases.entry import CaseLookups, ResolvedCase
from desktop.cases.repository import ids_in
from desktop.cases.rules import WARNING_TITLES
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import is_valid_credit_code, is_valid_resident_id, mask_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Permission, require
from desktop.core.validation import Problem
from desktop.io.imports import RowCheck, read_checked, report_duplicate, tick, unknown_column_warnings
from desktop.io.xlsx import (
    Column,
    IsCancelled,
    Progress,
    SheetRow,
    parse_date,
    parse_money,
    parse_multi,
    parse_text,
    parse_yes_no,
    write_workbook,
)
from desktop.models import Agency, Case, CaseDocument, CaseOfficer, Certificate, Officer
from desktop.models.db import Store
from desktop.personnel.dto import ImportResult

# ---------------------------------------------------------------------------- the layout

_CELLS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("case_no", parse_text),
    ("agency", parse_text),
    ("category", parse_text),
    ("procedure", parse_text),
    ("source", parse_text),
    ("cause", parse_text),
    ("party", parse_text),
    ("party_type", parse_text),
    ("party_id_number", parse_text),
    *((f"{stage}_on", parse_date) for stage in terms.STAGE_HEADERS),
    ("measures", parse_multi),
    ("measure_on", parse_date),
    ("measure_released_on", parse_date),
    ("measure_extended", parse_yes_no),
    ("penalty_kinds", parse_multi),
    ("amount", parse_money),
    ("major", parse_yes_no),
    ("officers", parse_multi),
    ("legal_basis", parse_text),
    ("dossier", parse_text),
)
"""Each column of FORMATS.md §1 in its order: the ``CaseInput`` field it fills and its parser.

The choice columns (案件类别, 程序类型, 案件来源, 当事人类型, and each value of 强制措施 and
处罚种类) are read as text and checked by ``rules.clean_case``, the one place that knows the
allowed values, so the message names the value found and the values allowed.
"""
_REQUIRED = frozenset({"case_no", "agency", "category", "cause", "party", "filed_on", "officers"})

CASE_COLUMNS = tuple(Column(FIELD_TITLES[name], required=name in _REQUIRED) for name, _ in _CELLS)
"""The register workbook's columns (FORMATS.md §1); a file without a required one is refused."""

EXPORT_ONLY_COLUMNS = (Column("阶段"), Column("预警"))
"""What the register export adds; an import of an exported file ignores them silently."""

PUBLICITY_HEADERS = (
    "行政相对人名称",
    "统一社会信用代码",
    "证件类型",
    "证件号码",
    "法定代表人",
    "行政处罚决定书文号",
    "违法行为类型",
    "违法事实",
    "处罚依据",
    "处罚类别",
    "处罚内容",
    "罚款金额(万元)",
    "没收金额(万元)",
    "暂扣或吊销证照名称及编号",
    "处罚决定日期",
    "处罚有效期",
    "公示截止期",
    "处罚机关",
    "处罚机关统一社会信用代码",
    "数据来源单位",
    "数据来源单位统一社会信用代码",
    "备注",
)
"""The 双公示 行政处罚 fields (REFERENCE.md §2), in order."""

PUBLICITY_VALID_YEARS = 1
"""处罚有效期 = 决定日期 + this many years (the simple rule this program uses)."""
PUBLICITY_SHOWN_YEARS = 3
"""公示截止期 = 决定日期 + this many years."""

_CHUNK = 1000
_FINE = "罚款"
_CONFISCATIONS = ("没收违法所得", "没收非法财物")
_TEN_THOUSAND = Decimal(10000)
_MICRO = Decimal("0.000001")
_OUTSIDE = QT_TRANSLATE_NOOP("errors", "outside your agency")
"""The officers import's message for a row of another agency."""
_ALREADY = QT_TRANSLATE_NOOP("errors", "Case {case_no} is already on the register of {agency}.")
"""``CaseLookups.resolve``'s message for a 案号 the register holds."""

# ---------------------------------------------------------------------------- import


def import_cases(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    dossier_folder: Path | None = None,
) -> ImportResult:
    """Import a case register workbook (FORMATS.md §1): every row checked first, all rows or none.

    A scoped user may import only their own agency's cases. A dossier path is read relative to
    the workbook's folder; the dossier must be a PDF inside that folder (or below) or inside
    ``dossier_folder`` (default: the settings' dossier folder). Reading is the first half of
    ``progress``, writing the second.
    """
    require(actor, Permission.EDIT_CASES)
    apply_input_limits(store)  # the store's row and problem limits and plausible years
    sheet = read_checked(
        path, (*CASE_COLUMNS, *EXPORT_ONLY_COLUMNS), progress, cancelled, sheet_name="案件导入"
    )
    check = RowCheck(sheet)
    base = Path(path).resolve().parent
    if dossier_folder is None:
        from desktop.core.settings import load_settings

        dossier_folder = load_settings().dossier_folder()
    roots = (base, Path(dossier_folder))
    today = store.clock.today()
    total = len(sheet.rows)
    items: list[tuple[int, ResolvedCase]] = []
    with store.reading() as session:
        lookups = CaseLookups(
            session, _taken(session, {parse_text(r.values.get("案号")) or "" for r in sheet.rows})
        )
        seen: dict[int, dict[str, int]] = defaultdict(dict)
        for done, row in enumerate(sheet.rows, 1):
            tick(done, total, None, cancelled)
            data, bad_cells = _row_input(check, row)
            agency_id = lookups.agencies.get(str(data.agency).strip()) if data.agency else None
            if agency_id is not None and actor.scope_agency_id not in (None, agency_id):
                check.add(row.number, FIELD_TITLES["agency"], translate("errors", _OUTSIDE))
            resolved, problems = lookups.resolve(
                data, historical=True, dossier_base=base, dossier_roots=roots, today=today
            )
            check.problems(row.number, [p for p in problems if p.field not in bad_cells], FIELD_TITLES)
            if agency_id is not None:
                report_duplicate(
                    check, seen[agency_id], (data.case_no or "").strip(), row.number, FIELD_TITLES["case_no"]
                )
            if resolved is not None:
                items.append((row.number, resolved))
    if check.errors:
        raise ImportRefused(sorted(check.errors, key=lambda e: e.row), sheet.file)
    prepared = import_write.prepare(
        store, actor, [r for _, r in items], lambda done: tick(done, len(items), progress, cancelled)
    )
    with store.importing(actor.name), store.unit_of_work() as uow:  # short: it holds SQLite's write lock
        _refuse_taken(uow.session, check, items, sheet.file)
        import_write.insert_prepared(uow.session, store, actor, prepared)
        uow.commit()
    return ImportResult(len(items), 0, warnings=unknown_column_warnings(sheet))


def _row_input(check: RowCheck, row: SheetRow) -> tuple[CaseInput, set[str]]:
    """The row as a ``CaseInput``, and the fields whose cell could not be read (already reported)."""
    values: dict[str, Any] = {}
    bad: set[str] = set()
    before = len(check.errors)
    for name, parser in _CELLS:
        values[name] = check.cell(row, FIELD_TITLES[name], parser)
        if len(check.errors) > before:
            bad.add(name)
            before = len(check.errors)
    for name in ("measures", "penalty_kinds", "officers"):
        values[name] = values[name] or ()
    for name in ("measure_extended", "major"):
        values[name] = bool(values[name])
    for name in ("case_no", "agency", "category", "cause", "party"):
        values[name] = values[name] or ""
    return CaseInput(**values), bad


def _taken(session: Session, case_nos: Iterable[str]) -> set[tuple[int, str]]:
    """The (agency id, 案号) pairs of the register among ``case_nos``."""
    wanted = sorted({n for n in case_nos if n})
    found: set[tuple[int, str]] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(
            (a, n)
            for a, n in session.execute(select(Case.agency_id, Case.case_no).where(Case.case_no.in_(chunk)))
        )
    return found


def _refuse_taken(
    session: Session, check: RowCheck, items: Sequence[tuple[int, ResolvedCase]], file: str
) -> None:
    """Refuse the file when, since it was checked, the register received one of its 案号."""
    taken = _taken(session, (r.data.case_no for _, r in items))
    for number, r in items:
        if (r.agency_id, r.data.case_no) in taken:
            problem = Problem(
                "case_no", _ALREADY, (("case_no", r.data.case_no), ("agency", str(r.data.agency)))
            )
            check.problems(number, [problem], FIELD_TITLES)
    if check.errors:
        raise ImportRefused(list(check.errors), file)


# ---------------------------------------------------------------------------- register export


def export_cases(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the cases a query shows in the import layout, plus 阶段 and 预警; returns the count.

    Officers are written by their latest 执法证号 (by name when they hold none); a dossier
    inside the workbook's folder is written relative to it, any other as an absolute path.
    A person's 身份证号 is masked unless the user's role may see whole numbers.
    """
    page = service.list_cases(store, actor, query.window(0, None), as_of)
    folder = Path(path).resolve().parent
    headers = [*(c.header for c in CASE_COLUMNS), *(c.header for c in EXPORT_ONLY_COLUMNS)]
    reveal = actor.can(Permission.VIEW_ID_NUMBERS)
    with store.reading() as session:
        rows = (_register_row(row, full, folder, reveal) for row, full in _with_details(session, page.items))
        write_workbook(path, "案件", headers, rows, progress=progress, cancelled=cancelled, total=page.total)
    return page.total


def _register_row(row: CaseRow, c: dict[str, Any], folder: Path, reveal: bool) -> list[Any]:
    dossier, number = c["dossier"], c["party_id_number"]
    if number and not reveal and _is_person(c["party_type"], number):
        c = {**c, "party_id_number": mask_resident_id(number)}
    if dossier and Path(dossier).is_relative_to(folder):
        dossier = str(Path(dossier).relative_to(folder))
    values = {
        **c,
        "agency": c["agency_name"],
        "measures": "、".join(c["measures"]),
        "penalty_kinds": "、".join(c["penalty_kinds"]),
        "officers": "、".join(c["officers"]),
        "dossier": dossier,
    }
    warnings = "、".join(translate("warnings", WARNING_TITLES[code]) for code in row.warnings)
    return [*(values[name] for name, _ in _CELLS), terms.stage_title(row.stage), warnings or None]


_DETAIL_COLUMNS = (
    Case.id,
    Case.case_no,
    Agency.name,
    Agency.credit_code,
    Case.category,
    Case.procedure,
    Case.source,
    Case.cause,
    Case.party,
    Case.party_type,
    Case.party_id_number,
    *(getattr(Case, f"{stage}_on") for stage in terms.STAGE_HEADERS),
    Case.measures,
    Case.measure_on,
    Case.measure_released_on,
    Case.measure_extended,
    Case.penalty_kinds,
    Case.amount,
    Case.major,
    Case.legal_basis,
)


def _with_details(session: Session, rows: Sequence[CaseRow]) -> Iterator[tuple[CaseRow, dict[str, Any]]]:
    """Each row with its case's full data, loaded a chunk of cases (four queries) at a time."""
    cert_of: dict[int, str | None] = {}
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        details = _details(session, [r.id for r in chunk], cert_of)
        for row in chunk:
            if row.id in details:  # else removed since the list was read
                yield row, details[row.id]


def _details(session: Session, ids: list[int], cert_of: dict[int, str | None]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    names = [
        "id",
        "case_no",
        "agency_name",
        "agency_credit_code",
        "category",
        "procedure",
        "source",
        "cause",
        "party",
        "party_type",
        "party_id_number",
        *(f"{stage}_on" for stage in terms.STAGE_HEADERS),
        "measures",
        "measure_on",
        "measure_released_on",
        "measure_extended",
        "penalty_kinds",
        "amount",
        "major",
        "legal_basis",
    ]
    stmt = select(*_DETAIL_COLUMNS).join(Agency, Agency.id == Case.agency_id).where(ids_in(Case.id, ids))
    for r in session.execute(stmt):
        c = dict(zip(names, r, strict=True))
        c["measures"], c["penalty_kinds"] = (
            terms.split_multi(c["measures"]),
            terms.split_multi(c["penalty_kinds"]),
        )
        c["measure_extended"], c["major"] = bool(c["measure_extended"]), bool(c["major"])
        c["officers"], c["dossier"] = [], None
        out[c["id"]] = c
    officers = session.execute(
        select(CaseOfficer.case_id, Officer.id, Officer.name)
        .join(Officer, Officer.id == CaseOfficer.officer_id)
        .where(ids_in(CaseOfficer.case_id, ids))
        .order_by(CaseOfficer.case_id, CaseOfficer.position)
    ).all()
    unknown = {officer_id for _, officer_id, _ in officers if officer_id not in cert_of}
    if unknown:
        cert_of.update(dict.fromkeys(unknown))
        for officer_id, number in session.execute(
            select(Certificate.officer_id, Certificate.number)
            .where(ids_in(Certificate.officer_id, unknown))
            .order_by(Certificate.issued_on, Certificate.id)
        ):
            cert_of[officer_id] = number  # the latest issued wins
    for case_id, officer_id, name in officers:
        out[case_id]["officers"].append(cert_of[officer_id] or name)
    for case_id, doc_path in session.execute(
        select(CaseDocument.case_id, CaseDocument.path)
        .where(ids_in(CaseDocument.case_id, ids), CaseDocument.kind == "dossier")
        .order_by(CaseDocument.id.desc())
    ):
        out[case_id]["dossier"] = doc_path  # the first one wins
    return out


# ---------------------------------------------------------------------------- 双公示 export


def export_publicity(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the decided 行政处罚 cases a query shows in the 双公示 layout; returns the count.

    An organisation's 统一社会信用代码 goes in its column; a person's 身份证 number is masked
    (``mask_resident_id``) under 证件类型 身份证. The register keeps one 罚没金额: it is shown as 罚款金额 when 罚款
    is among the 处罚种类, else as 没收金额 when a 没收 kind is. 处罚有效期 is the decision
    date plus ``PUBLICITY_VALID_YEARS``, 公示截止期 plus ``PUBLICITY_SHOWN_YEARS``.
    """
    page = service.list_cases(store, actor, query.window(0, None), as_of)
    wanted = [r for r in page.items if r.category == terms.PENALTY and r.decided_on is not None]
    with store.reading() as session:
        rows = (_publicity_row(c) for _, c in _with_details(session, wanted))
        write_workbook(
            path,
            "行政处罚",
            PUBLICITY_HEADERS,
            rows,
            progress=progress,
            cancelled=cancelled,
            total=len(wanted),
        )
    return len(wanted)


def _publicity_row(c: dict[str, Any]) -> list[Any]:
    number = c["party_id_number"]
    person_id = number if number and _is_person(c["party_type"], number) else None
    credit_code = number if number and person_id is None else None
    kinds: tuple[str, ...] = c["penalty_kinds"]
    money_kind = _FINE if _FINE in kinds else next((k for k in kinds if k in _CONFISCATIONS), None)
    amount: Decimal | None = c["amount"]
    content = "；".join(
        f"{k} {amount:,.2f} 元" if k == money_kind and amount is not None else k for k in kinds
    )
    in_wan = None if amount is None else str((amount / _TEN_THOUSAND).quantize(_MICRO))
    decided: date = c["decided_on"]
    agency, code = c["agency_name"], c["agency_credit_code"]
    return [
        c["party"],
        credit_code,
        "身份证" if person_id else None,
        mask_resident_id(person_id) if person_id else None,
        None,
        c["case_no"],
        c["cause"],
        c["cause"],
        c["legal_basis"],
        "、".join(kinds) or None,
        content or None,
        in_wan if money_kind == _FINE else None,
        in_wan if money_kind in _CONFISCATIONS else None,
        None,
        decided,
        _add_years(decided, PUBLICITY_VALID_YEARS),
        _add_years(decided, PUBLICITY_SHOWN_YEARS),
        agency,
        code,
        agency,
        code,
        None,
    ]


def _is_person(party_type: str | None, number: str) -> bool:
    """Whether a 证件号码 is a person's, to be masked: by 当事人类型, else by its shape.

    About one valid 身份证 number in 31 also passes the credit-code check, so a number of a
    party of unknown type that is a valid 身份证 number counts as a person's.
    """
    if party_type in ("法人", "其他组织"):
        return False
    return party_type == "自然人" or is_valid_resident_id(number) or not is_valid_credit_code(number)


def _add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
