"""Persistence: SQLAlchemy models (no Qt), the store and its migrations."""

from desktop.models.accounts import User
from desktop.models.audit import AuditHead, AuditRecord
from desktop.models.base import Base
from desktop.models.cases import (
    CalendarOverride,
    Case,
    CaseDocument,
    CaseOfficer,
    CaseSuspension,
    StoreSetting,
    WarningAttachment,
    WarningDisposition,
)
from desktop.models.org import Agency
from desktop.models.personnel import Certificate, Officer
from desktop.models.reports import IndicatorSetRecord, PublishedAssessment
from desktop.models.review import (
    Campaign,
    CampaignFile,
    Feedback,
    Recheck,
    RecheckItem,
    Rubric,
    ScoreEntry,
    ScoreMark,
    Scoring,
)

__all__ = [
    "Agency",
    "AuditHead",
    "AuditRecord",
    "Base",
    "CalendarOverride",
    "Campaign",
    "CampaignFile",
    "Case",
    "CaseDocument",
    "CaseOfficer",
    "CaseSuspension",
    "Certificate",
    "Feedback",
    "IndicatorSetRecord",
    "Officer",
    "PublishedAssessment",
    "Recheck",
    "RecheckItem",
    "Rubric",
    "ScoreEntry",
    "ScoreMark",
    "Scoring",
    "StoreSetting",
    "User",
    "WarningAttachment",
    "WarningDisposition",
]
