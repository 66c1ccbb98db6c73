"""The window's working areas (``PAGES``, in a supervisor's order) and how each is built: a page's
module is imported only when the page is first shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission

PageFactory = Callable[[AppContext, QWidget | None], QWidget]


@dataclass(frozen=True)
class PageSpec:
    """One working area: its key, title (English, context "MainWindow"), icon, permission, factory."""

    key: str
    title: str
    icon: str
    permission: Permission | None
    factory: PageFactory

    def allowed(self, actor: Actor) -> bool:
        """Whether ``actor``'s role may open this area."""
        return self.permission is None or actor.can(self.permission)

    def translated_title(self) -> str:
        """The title in the current language."""
        return QCoreApplication.translate("MainWindow", self.title)


def _dashboard_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.dashboard.page import DashboardPage

    return DashboardPage(ctx, parent)


def _cases_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.cases.page import CasesPage

    return CasesPage(ctx, parent)


def _warnings_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.warnings.page import WarningsPage

    return WarningsPage(ctx, parent)


def _review_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.review.page import ReviewPage

    return ReviewPage(ctx, parent)


def _agencies_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.personnel.agencies.page import AgenciesPage

    return AgenciesPage(ctx, parent)


def _officers_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.personnel.officers.page import OfficersPage

    return OfficersPage(ctx, parent)


def _qualifications_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.officers.page import QualificationsPage

    return QualificationsPage(ctx, parent)


def _exam_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.exam.page import ExamPage

    return ExamPage(ctx, parent)


def _powers_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.powers.page import PowersPage

    return PowersPage(ctx, parent)


def _footage_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.footage.page import FootagePage

    return FootagePage(ctx, parent)


def _users_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.accounts.users.page import UsersPage

    return UsersPage(ctx, parent)


def _audit_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.accounts.audit.page import AuditPage

    return AuditPage(ctx, parent)


def _settings_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from desktop.views.settings.page import SettingsPage

    return SettingsPage(ctx, parent)


PAGES: list[PageSpec] = [
    PageSpec(
        "dashboard",
        QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
        "dashboard",
        Permission.VIEW_CASES,
        _dashboard_page,
    ),
    PageSpec(
        "cases",
        QT_TRANSLATE_NOOP("MainWindow", "Case supervision"),
        "cases",
        Permission.VIEW_CASES,
        _cases_page,
    ),
    PageSpec(
        "warnings",
        QT_TRANSLATE_NOOP("MainWindow", "Warnings"),
        "warnings",
        Permission.VIEW_CASES,
        _warnings_page,
    ),
    PageSpec(
        "review",
        QT_TRANSLATE_NOOP("MainWindow", "Case-file review"),
        "review",
        Permission.VIEW_REVIEWS,
        _review_page,
    ),
    PageSpec(
        "agencies",
        QT_TRANSLATE_NOOP("MainWindow", "Agencies"),
        "agencies",
        Permission.VIEW_AGENCIES,
        _agencies_page,
    ),
    PageSpec(
        "officers",
        QT_TRANSLATE_NOOP("MainWindow", "Officers"),
        "officers",
        Permission.VIEW_OFFICERS,
        _officers_page,
    ),
    PageSpec(
        "qualifications",
        QT_TRANSLATE_NOOP("MainWindow", "Qualifications"),
        "officers",
        Permission.VIEW_OFFICERS,
        _qualifications_page,
    ),
    PageSpec(
        "exams",
        QT_TRANSLATE_NOOP("MainWindow", "Exams"),
        "exams",
        Permission.VIEW_EXAMS,
        _exam_page,
    ),
    PageSpec(
        "footage",
        QT_TRANSLATE_NOOP("MainWindow", "Body-camera footage"),
        "footage",
        Permission.VIEW_CASES,
        _footage_page,
    ),
    PageSpec(
        "powers",
        QT_TRANSLATE_NOOP("MainWindow", "Powers & inspections"),
        "powers",
        Permission.VIEW_CASES,
        _powers_page,
    ),
    PageSpec(
        "users", QT_TRANSLATE_NOOP("MainWindow", "Users"), "users", Permission.MANAGE_USERS, _users_page
    ),
    PageSpec("audit", QT_TRANSLATE_NOOP("MainWindow", "Audit"), "audit", Permission.VIEW_AUDIT, _audit_page),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), "settings", None, _settings_page),
]
"""The working areas in a supervisor's order (UI.md); tests may replace it."""
