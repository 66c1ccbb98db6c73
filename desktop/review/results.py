"""A campaign's results: per file (final score, grade by bands and vetoes, weighted when double
scored), per agency (average, 合格率, 优秀率, grades), and the most frequent deductions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.security import Actor, Permission, require
from desktop.models import CampaignFile, Scoring
from desktop.models.db import Store
from desktop.review.campaigns import campaign_by_id, campaign_row
from desktop.review.dto import AgencyResult, CampaignResults, DeductionCount, FileRow
from desktop.review.files import file_rows, group_by, rulings, taken_of
from desktop.review.rubric import Rubric
from desktop.review.rubrics import rubrics_by_id

CENT = Decimal("0.01")


def campaign_results(store: Store, actor: Actor, campaign_id: int) -> CampaignResults:
    """Everything the results tab, the charts, the export and the feedback need."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        campaign = campaign_row(session, campaign_by_id(session, campaign_id))
        files = tuple(file_rows(session, actor, CampaignFile.campaign_id == campaign_id))
        rubrics = rubrics_by_id(session, (f.rubric_id for f in files))
        band_names = band_names_of(rubrics)
        if campaign.voided:  # 作废: on record, counted nowhere
            return CampaignResults(campaign, files, (), (), band_names)
        agencies = agency_results(files, band_names)
        deductions = deduction_counts(session, files, rubrics)
        return CampaignResults(campaign, files, agencies, deductions, band_names)


def band_names_of(rubrics: Mapping[int, Rubric]) -> tuple[str, ...]:
    """The grade names from the top, of the (first) standard the files were scored under."""
    first = next(iter(rubrics.values()), None)
    return tuple(b.name for b in first.bands) if first else ()


def agency_results(files: Sequence[FileRow], bands: Sequence[str]) -> tuple[AgencyResult, ...]:
    """Per agency: files drawn and scored, the average final score, 合格率 (not the last band) and
    优秀率 (the top band), and the count per grade."""
    out = []
    for agency_id, rows in sorted(
        group_by(files, lambda f: f.agency_id).items(), key=lambda kv: kv[1][0].agency
    ):
        scored = [f.final for f in rows if f.final is not None]
        grades = Counter(s.grade for s in scored)
        average = pass_rate = excellent_rate = None
        if scored:
            average = (sum((s.total for s in scored), Decimal(0)) / len(scored)).quantize(CENT, ROUND_HALF_UP)
            failing = bands[-1] if bands else None
            pass_rate = share(sum(1 for s in scored if s.grade != failing), len(scored))
            excellent_rate = share(sum(1 for s in scored if bands and s.grade == bands[0]), len(scored))
        out.append(
            AgencyResult(
                agency_id,
                rows[0].agency,
                len(rows),
                len(scored),
                average,
                pass_rate,
                excellent_rate,
                tuple((b, grades.get(b, 0)) for b in bands),
            )
        )
    return tuple(out)


def share(part: int, whole: int) -> Decimal:
    """A percentage with one decimal."""
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), ROUND_HALF_UP)


def deduction_counts(
    session: Session, files: Sequence[FileRow], rubrics: Mapping[int, Rubric]
) -> tuple[DeductionCount, ...]:
    """How often each deduction and veto was taken (as it counts after rechecks) over the files whose
    scores are final, most frequent first."""
    final_ids = [f.id for f in files if f.final is not None]
    by_file = {f.id: f for f in files}
    times: Counter = Counter()
    in_files: dict[str, set[int]] = {}
    scorings: list[Scoring] = []
    for start in range(0, len(final_ids), 2000):
        scorings += (
            session.execute(select(Scoring).where(Scoring.file_id.in_(final_ids[start : start + 2000])))
            .scalars()
            .all()
        )
    changed = rulings(session, [e.id for s in scorings for e in s.entries])
    for s in scorings:
        for t in taken_of(s.entries, changed):
            times[t.code] += t.count
            in_files.setdefault(t.code, set()).add(s.file_id)
    out = []
    for code, n in times.most_common():
        any_file = by_file[next(iter(in_files[code]))]
        rubric = rubrics[any_file.rubric_id]
        found = rubric.deduction(code)
        if found:
            out.append(DeductionCount(code, found[1].text, found[0].title, n, len(in_files[code])))
        elif (veto := rubric.veto(code)) is not None:
            out.append(DeductionCount(code, veto.text, "", n, len(in_files[code])))
    return tuple(out)
