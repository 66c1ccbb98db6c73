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
from desktop.models.devices import (
    FootageCount,
    FootageDeletion,
    FootageDeletionItem,
    FootageFile,
    FootageJournal,
    FootageNumber,
    FootageStation,
)
from desktop.models.exam import Paper, PaperItem, Question, Sitting
from desktop.models.org import Agency
from desktop.models.personnel import (
    Certificate,
    CertificateApplication,
    CertificateEvent,
    CertificateValidity,
    Officer,
    OfficerPhoto,
    TrainingRecord,
)
from desktop.models.powers import InspectionItem, InspectionPlan, InspectionTarget, Lead, Power, PowerBand
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
from desktop.models.warning_snapshots import (
    WarningSnapshot,
    WarningSnapshotRow,
    WarningSnapshotWatch,
    WarningStale,
)

__all__ = [
    "InspectionItem",
    "InspectionPlan",
    "InspectionTarget",
    "Lead",
    "Power",
    "PowerBand",
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
    "CertificateApplication",
    "CertificateEvent",
    "CertificateValidity",
    "Feedback",
    "FootageCount",
    "FootageDeletion",
    "FootageDeletionItem",
    "FootageFile",
    "FootageJournal",
    "FootageNumber",
    "FootageStation",
    "IndicatorSetRecord",
    "Officer",
    "OfficerPhoto",
    "Paper",
    "PaperItem",
    "PublishedAssessment",
    "Question",
    "Recheck",
    "RecheckItem",
    "Rubric",
    "ScoreEntry",
    "ScoreMark",
    "Scoring",
    "Sitting",
    "StoreSetting",
    "TrainingRecord",
    "User",
    "WarningAttachment",
    "WarningDisposition",
    "WarningSnapshot",
    "WarningSnapshotRow",
    "WarningSnapshotWatch",
    "WarningStale",
]
