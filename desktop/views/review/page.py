"""案卷评查: the area's tabs, each shown to the roles it serves and created the first time it is
opened — 我的评查 (a reviewer's score sheets), 评查活动 (campaigns, results, feedback), 复核
(rechecks) and 评查标准 (standards)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.review.campaigns import list_campaigns
from desktop.views.common.tabbed_area import TabbedArea, TabSpec

TAB_KEY = "review/tab"


def _tasks(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.tasks_tab import TasksTab

    return TasksTab(ctx, parent)


def _campaigns(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.campaigns_tab import CampaignsTab

    return CampaignsTab(ctx, parent)


def _rechecks(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.rechecks_tab import RechecksTab

    return RechecksTab(ctx, parent)


def _rubrics(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.rubrics_tab import RubricsTab

    return RubricsTab(ctx, parent)


class ReviewPage(TabbedArea):
    """The 案卷评查 area: a tab per job, lazily built; the last tab opened is remembered."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        user = ctx.user
        specs: list[TabSpec] = []
        campaigns: TabSpec = ("campaigns", self.tr("Campaigns"), _campaigns)
        tasks: TabSpec = ("tasks", self.tr("My review tasks"), _tasks)
        if user.can(Permission.MANAGE_REVIEWS):
            specs += [campaigns, tasks]
        elif user.can(Permission.SCORE_FILES):
            specs += [tasks, campaigns]
        else:
            specs.append(campaigns)
        specs += [("rechecks", self.tr("Rechecks"), _rechecks), ("rubrics", self.tr("Standards"), _rubrics)]
        super().__init__(ctx, specs, TAB_KEY, parent)

    def set_filters(self, campaign: str | None = None, agency_id: int | None = None) -> None:
        """The files of one agency in the campaign named ``campaign`` (the newest standing one of
        that name: a dashboard bar of its grades)."""
        tab = self.show_tab("campaigns")
        ctx = self.ctx

        def find() -> int | None:
            found = (c.id for c in list_campaigns(ctx.store, ctx.user) if c.name == campaign and not c.voided)
            return next(found, None)

        def show(campaign_id: int | None) -> None:
            if campaign_id is not None:
                tab.show_agency_files(campaign_id, agency_id)  # type: ignore[attr-defined]

        ctx.tasks.load(find, show, parent_widget=self, key=f"review-campaign-{id(self)}")
