"""The panel beside the recheck list: the whole history of one recheck — who asked and when, each
disputed item as taken with the original reviewer's note and the agency's reason, the assignment,
each ruling with its reason, and the file's score before and after where it is known — with the
actions the user's role has."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.review.dto import RecheckItemRow, RecheckRow
from desktop.review.file_entries import FileEntries
from desktop.review.scoring import FinalScore, format_points
from desktop.views.common.detail_panel import DetailPanel
from desktop.views.common.lazy_table import TONE_COLOURS, format_score
from desktop.views.common.look import GREY, scaled_font
from desktop.views.common.page_tools import local_time
from desktop.views.common.value_titles import value_title

RULING_COLOUR = "#1A56B8"
STATE_TONES = {"requested": "yellow", "assigned": None, "decided": "green"}
HISTORY_STYLE = (
    f"h4 {{ margin: 10px 0 2px 0; }} p {{ margin: 2px 0; }} .grey {{ color: {GREY}; }} "
    f".ruling {{ color: {RULING_COLOUR}; }}"
)


class RecheckDetail(DetailPanel):
    """One recheck's history; 指派复核人… and 复核… when the user's role and the recheck allow."""

    assign_requested = Signal(object)
    decide_requested = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        user_name: str = "",
        can_assign: bool = False,
        can_decide: bool = False,
    ) -> None:
        super().__init__(parent, min_width=360)
        self.row: RecheckRow | None = None
        self.file: FileEntries | None = None
        self.user_name, self.can_assign, self.can_decide = user_name, can_assign, can_decide
        self.set_placeholder_text(self.tr("Select a recheck to see its history."))
        self.set_body(self._body())

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading = QLabel(body)
        self.heading.setObjectName("recheckHeading")
        self.heading.setFont(scaled_font(self, 1.1, bold=True))
        self.heading.setWordWrap(True)
        self.state_label = QLabel(body)
        self.state_label.setObjectName("recheckState")
        self.history = QTextBrowser(body)
        self.history.setObjectName("history")
        self.history.setOpenLinks(False)
        self.history.document().setDefaultStyleSheet(HISTORY_STYLE)
        self.assign_button = QPushButton(self.tr("Assign reviewer…"), body)
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(self.on_assign_button_clicked)
        self.decide_button = QPushButton(self.tr("Recheck…"), body)
        self.decide_button.setObjectName("decideButton")
        self.decide_button.clicked.connect(self.on_decide_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.decide_button)
        buttons.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)
        layout.addWidget(self.history, 1)
        return body

    def set_empty(self, empty: bool) -> None:
        """What the empty panel says: pick a recheck, or that there is none yet."""
        self.placeholder.setText(
            self.tr("No recheck to show yet.") if empty else self.tr("Select a recheck to see its history.")
        )

    # -- words --------------------------------------------------------------------------------

    def state_word(self, state: str) -> str:
        """待指派 · 复核中 · 已复核."""
        return {
            "requested": self.tr("Awaiting assignment"),
            "assigned": self.tr("Being rechecked"),
            "decided": self.tr("Rechecked"),
        }.get(state, state)

    def ruling_text(self, item: RecheckItemRow) -> str:
        """维持 · 撤销 · 变更为 2 处 / 扣 3 分 — or "" while not ruled."""
        if item.decision is None:
            return ""
        if item.decision == "upheld":
            return self.tr("Upheld")
        if not item.new_count and not item.new_points:
            return self.tr("Withdrawn")
        if item.new_points is not None:
            return self.tr("Changed to {points} points").format(points=format_points(item.new_points))
        return self.tr("Changed to {count} occurrence(s)").format(count=item.new_count)

    def outcome(self, row: RecheckRow) -> str:
        """The rulings in short for the list: "维持 1 · 变更 1"."""
        if row.state != "decided":
            return ""
        upheld = sum(1 for i in row.items if i.decision == "upheld")
        return self.tr("Upheld {upheld} · Changed {changed}").format(
            upheld=upheld, changed=len(row.items) - upheld
        )

    # -- showing a recheck ----------------------------------------------------------------------

    def show_recheck(self, row: RecheckRow | None) -> None:
        """Show ``row`` (None: say what to do); the file's scores follow with ``show_file``."""
        if row is None or self.row is None or row.file_id != self.row.file_id:
            self.file = None
        self.row = row
        self.show_body(row is not None)
        if row is None:
            return
        self.heading.setText(f"{row.case_no} · {row.agency}")
        tone = STATE_TONES.get(row.state)
        self.state_label.setText(f"{self.state_word(row.state)} · {row.campaign}")
        self.state_label.setStyleSheet(f"color: {TONE_COLOURS[tone]}; font-weight: bold;" if tone else "")
        self.assign_button.setVisible(self.can_assign and row.state != "decided")
        self.assign_button.setEnabled(self.can_assign and row.state != "decided")
        self.assign_button.setText(
            self.tr("Assign another reviewer…") if row.reviewer else self.tr("Assign reviewer…")
        )
        mine = row.reviewer == self.user_name
        self.decide_button.setVisible(self.can_decide and mine)
        self.decide_button.setEnabled(self.can_decide and mine and row.state == "assigned")
        self._render()

    def show_file(self, file: FileEntries | None) -> None:
        """The file's scores before and after, once read (when it is still the recheck shown)."""
        if file is not None and self.row is not None and file.file_id == self.row.file_id:
            self.file = file
            self._render()

    def history_text(self) -> str:
        """The history as plain text (tests, copying)."""
        return self.history.toPlainText()

    def _render(self) -> None:
        row = self.row
        assert row is not None
        parts = [
            _h(self.tr("Requested")),
            _p(
                self.tr("{who} at {when}").format(
                    who=row.requested_by_name or row.requested_by, when=local_time(row.requested_at)
                )
            ),
        ]
        parts += [self._item_html(number, item) for number, item in enumerate(row.items, 1)]
        parts.append(_h(self.tr("Assignment")))
        if row.reviewer:
            parts.append(
                _p(
                    self.tr("Recheck reviewer {reviewer}, assigned by {who} at {when}").format(
                        reviewer=row.reviewer_name or row.reviewer,
                        who=row.assigned_by_name or row.assigned_by or "—",
                        when=local_time(row.assigned_at) if row.assigned_at else "—",
                    )
                )
            )
        else:
            parts.append(_p(self.tr("No recheck reviewer assigned yet."), "grey"))
        parts.append(_h(self.tr("Ruling")))
        if row.decided_at:
            parts.append(
                _p(
                    self.tr("Decided by {who} at {when}").format(
                        who=row.reviewer_name or row.reviewer or "", when=local_time(row.decided_at)
                    )
                )
            )
        else:
            parts.append(_p(self.tr("Not decided yet."), "grey"))
        parts.append(self._scores_html())
        self.history.setHtml("".join(parts))

    def _item_html(self, number: int, item: RecheckItemRow) -> str:
        note = item.original_note or self.tr("(no note)")
        lines = [
            _p(f"{number}. {item.code} {item.text}", bold=True),
            _p(
                self.tr("Deducted {taken} by {reviewer}: {note}").format(
                    taken=item.taken, reviewer=item.reviewer_name or item.reviewer, note=note
                )
            ),
            _p(self.tr("Reason given by the agency: {reason}").format(reason=item.reason)),
        ]
        if item.decision is not None:
            lines.append(
                _p(
                    self.tr("Ruling: {ruling} — {reason}").format(
                        ruling=self.ruling_text(item), reason=item.decision_reason or ""
                    ),
                    "ruling",
                )
            )
        return "".join(lines)

    def _scores_html(self) -> str:
        file = self.file
        if file is None or file.before is None:
            return ""
        rows = [
            _h(self.tr("Score of the file")),
            _p(self.tr("Before the recheck: {score}").format(score=self._score(file.before))),
        ]
        if file.after is not None:
            rows.append(_p(self.tr("After the recheck: {score}").format(score=self._score(file.after))))
        return "".join(rows)

    def _score(self, score: FinalScore) -> str:
        return self.tr("{score} ({grade})").format(
            score=format_score(score.total), grade=value_title(score.grade)
        )

    # -- slots --------------------------------------------------------------------------------

    def on_assign_button_clicked(self) -> None:
        """Ask the tab to assign a reviewer."""
        if self.row is not None:
            self.assign_requested.emit(self.row)

    def on_decide_button_clicked(self) -> None:
        """Ask the tab to open the ruling dialog."""
        if self.row is not None:
            self.decide_requested.emit(self.row)


def _h(text: str) -> str:
    return f"<h4>{escape(text)}</h4>"


def _p(text: str, css: str = "", *, bold: bool = False) -> str:
    body = f"<b>{escape(text)}</b>" if bold else escape(text)
    return f"<p class='{css}'>{body}</p>" if css else f"<p>{body}</p>"
