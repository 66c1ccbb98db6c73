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
    WarningDisposition,
)
from desktop.models.org import Agency
from desktop.models.personnel import Certificate, Officer

__all__ = ["Agency", "AuditHead", "AuditRecord", "Base", "CalendarOverride", "Case", "CaseDocument",
           "CaseOfficer", "CaseSuspension", "Certificate", "Officer", "StoreSetting", "User",
           "WarningDisposition"]
