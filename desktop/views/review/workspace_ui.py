"""The scoring window's widgets and keys, built once for ``ScoringWindow`` (in the manner of a Qt
Designer ``setup_ui``): the dossier's place on the left, the score header, the standard, the
vetoes, the selected deduction, the review opinion and the buttons on the right; and the keys.

Keys that the dossier viewer also has (PgUp/PgDn, zoom, Ctrl+F) are given to the right-hand side
only, so that neither copy is ever ambiguous: inside the viewer its own keys work, anywhere else
in the window these do the same to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.common.look import GREY
from desktop.views.common.widgets import restore_splitter
from desktop.views.review.rubric_panel import RubricTree
from desktop.views.review.veto_panel import VetoPanel
from desktop.views.review.workspace_panels import SheetNote
from desktop.views.review.workspace_parts import EntryEditor, ScoreHeader

if TYPE_CHECKING:
    from desktop.views.review.workspace import ScoringWindow


GEOMETRY_KEY = "scoring-window"
LOWER_SHARE = 0.45
"""At most this share of the side's height goes to the vetoes, the deduction and the opinion at first."""
SUBMIT_STYLE = (
    "QPushButton#submitButton { background: #0B57D0; color: #FFFFFF; font-weight: bold;"
    " border: none; border-radius: 3px; padding: 5px 16px; }"
    " QPushButton#submitButton:disabled { background: #C9CED6; }"
)


def build_widgets(w: ScoringWindow) -> None:
    """The dossier's place (a "loading" note until the sheet is here), the side, the status bar with
    the keys (all of them in its tooltip) and when the last change was saved."""
    w.left = QStackedWidget(w)
    w.loading = QLabel(QCoreApplication.translate("ScoringWindow", "Opening the score sheet…"), w.left)
    w.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.left.addWidget(w.loading)
    w.side = build_side(w)
    w.splitter = QSplitter(Qt.Orientation.Horizontal, w)
    w.splitter.setObjectName("workspaceSplitter")
    w.splitter.setChildrenCollapsible(False)
    w.splitter.addWidget(w.left)
    w.splitter.addWidget(w.side)
    w.splitter.setStretchFactor(0, 1)
    w.splitter.setSizes([880, 720])
    restore_splitter(w.splitter, f"{GEOMETRY_KEY}/main")
    w.setCentralWidget(w.splitter)
    w.help_label = QLabel(help_line(w), w)
    w.help_label.setObjectName("keysHelp")
    w.help_label.setStyleSheet(f"color: {GREY};")
    w.help_label.setToolTip(help_text(w))
    w.statusBar().addWidget(w.help_label, 1)  # a message covers it for a few seconds
    w.saved_label = QLabel(w)
    w.saved_label.setObjectName("savedLabel")
    w.saved_label.setStyleSheet(f"color: {GREY};")
    w.statusBar().addPermanentWidget(w.saved_label)


def build_side(w: ScoringWindow) -> QWidget:
    """Header; the standard over the vetoes, the selected deduction and the opinion; the buttons."""
    side = QWidget(w)
    side.setObjectName("scoringSide")
    side.setMinimumWidth(420)
    layout = QVBoxLayout(side)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(4)
    w.header = ScoreHeader(side)
    layout.addWidget(w.header)
    w.tree = RubricTree(side)
    w.vetoes = VetoPanel(side)
    w.editor = EntryEditor(side)
    w.note = SheetNote(side)
    _connect(w)
    lower = QWidget(side)
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(6, 0, 6, 0)
    lower_layout.setSpacing(4)
    for widget in (w.vetoes, w.editor, w.note):
        lower_layout.addWidget(widget)
    lower_layout.addStretch(1)
    scroll = QScrollArea(side)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(lower)
    w.side_splitter = QSplitter(Qt.Orientation.Vertical, side)
    w.side_splitter.setObjectName("scoringSideSplitter")
    w.side_splitter.setChildrenCollapsible(False)
    w.side_splitter.addWidget(w.tree)
    w.side_splitter.addWidget(scroll)
    w.side_splitter.setStretchFactor(0, 1)
    w.side_splitter.setSizes([520, 360])
    w.lower = lower
    w.side_split_restored = restore_splitter(w.side_splitter, f"{GEOMETRY_KEY}/side")
    layout.addWidget(w.side_splitter, 1)
    layout.addLayout(build_bottom(w, side))
    return side


def initial_split(w: ScoringWindow) -> None:
    """Unless the reviewer placed it: the lower part as tall as it needs, up to 45 % of the side,
    the standard taking the rest."""
    if w.side_split_restored:
        return
    total = sum(w.side_splitter.sizes())
    lower = min(w.lower.sizeHint().height() + 4, int(total * LOWER_SHARE))
    w.side_splitter.setSizes([total - lower, lower])


def _connect(w: ScoringWindow) -> None:
    scoring, marks = w.scoring, w.marks
    w.tree.toggle_requested.connect(scoring.toggle)
    w.vetoes.veto_toggled.connect(scoring.on_vetoes_veto_toggled)
    w.editor.toggle_requested.connect(scoring.toggle)
    w.editor.count_edited.connect(scoring.on_editor_count_edited)
    w.editor.points_edited.connect(scoring.on_editor_points_edited)
    w.editor.note_edited.connect(scoring.on_editor_note_edited)
    w.editor.editing_done.connect(w.on_editor_editing_done)
    w.editor.marks.mark_chosen.connect(marks.on_list_mark_chosen)
    w.editor.marks.delete_requested.connect(marks.on_list_delete_requested)
    w.editor.marks.menu_requested.connect(marks.on_list_menu_requested)
    w.note.note_edited.connect(scoring.on_note_note_edited)


def build_bottom(w: ScoringWindow, side: QWidget) -> QHBoxLayout:
    """提交评分; for a supervisor on a submitted sheet, the reason and 重新打开."""
    w.submit_button = QPushButton(
        QCoreApplication.translate("ScoringWindow", "Submit score (Ctrl+Enter)"), side
    )
    w.submit_button.setObjectName("submitButton")
    w.submit_button.setStyleSheet(SUBMIT_STYLE)
    w.submit_button.clicked.connect(w.submit)
    w.reopen_reason = QLineEdit(side)
    w.reopen_reason.setObjectName("reopenReason")
    w.reopen_reason.setPlaceholderText(
        QCoreApplication.translate("ScoringWindow", "Why the score is reopened (recorded)")
    )
    w.reopen_button = QPushButton(QCoreApplication.translate("ScoringWindow", "Reopen score"), side)
    w.reopen_button.setObjectName("reopenButton")
    w.reopen_button.clicked.connect(w.reopen)
    row = QHBoxLayout()
    row.setContentsMargins(8, 0, 8, 0)
    row.addWidget(w.reopen_reason, 1)
    row.addWidget(w.reopen_button)
    row.addStretch(0)
    row.addWidget(w.submit_button)
    return row


def help_line(w: ScoringWindow) -> str:
    """The keys in one short line (the status bar)."""
    return QCoreApplication.translate(
        "ScoringWindow",
        "Keys: 1–9 deduct · Space take/withdraw · +/− occurrences · PgUp/PgDn pages · "
        "Ctrl+=/−/0 zoom · F6 dossier/standard · Ctrl+Enter submit · point here for all",
    )


def help_text(w: ScoringWindow) -> str:
    """Every key of the workspace (the help line's tooltip)."""
    translate = QCoreApplication.translate
    keys = [
        (
            "1 … 9",
            translate(
                "ScoringWindow", "take the N-th deduction of the item in focus (again: one more occurrence)"
            ),
        ),
        (
            translate("ScoringWindow", "Space / Enter"),
            translate("ScoringWindow", "take or withdraw the deduction in focus (in the standard)"),
        ),
        ("+ / −", translate("ScoringWindow", "one occurrence more or less; on a range, half a point")),
        ("↑ ↓ ← →", translate("ScoringWindow", "move in the standard, open and close sections")),
        ("PgUp / PgDn", translate("ScoringWindow", "previous / next page of the dossier")),
        ("Ctrl+= / Ctrl+− / Ctrl+0", translate("ScoringWindow", "zoom in / out / fit the width")),
        ("Ctrl+F", translate("ScoringWindow", "find in the dossier")),
        ("F6", translate("ScoringWindow", "move between the dossier and the standard")),
        ("Delete", translate("ScoringWindow", "delete the mark selected in the list (asks first)")),
        ("Ctrl+S", translate("ScoringWindow", "save the note being typed (all else is saved as it is made)")),
        ("Ctrl+Enter", translate("ScoringWindow", "submit the score (asks first)")),
        ("Ctrl+W", translate("ScoringWindow", "close the window (everything is already saved)")),
    ]
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in keys)
    return f"<table>{rows}</table>"


def add_keys(
    w: ScoringWindow,
    keys: list[str],
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    widget: QWidget | None = None,
) -> QAction:
    """An action with ``keys`` calling ``slot``, active in ``context`` of ``widget`` (the window)."""
    action = QAction(w)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(context)
    action.triggered.connect(lambda _on=False: slot())
    (widget or w).addAction(action)
    return action


def install_keys(w: ScoringWindow) -> None:
    """The keys of ``workspace``'s docstring."""
    for n in range(1, 10):
        add_keys(w, [str(n)], lambda n=n: w.scoring.apply_nth(n))
    add_keys(w, ["+", "="], lambda: w.scoring.step(1))
    add_keys(w, ["-"], lambda: w.scoring.step(-1))
    w.submit_action = add_keys(w, ["Ctrl+Return", "Ctrl+Enter"], w.submit)
    add_keys(w, ["Ctrl+W"], w.close)
    add_keys(w, ["Ctrl+S"], w.save_now)
    add_keys(w, ["F6"], w.switch_focus)
    inside = Qt.ShortcutContext.WidgetWithChildrenShortcut
    for keys, slot in (
        (["PgDown"], lambda: w.viewer and w.viewer.next_page()),
        (["PgUp"], lambda: w.viewer and w.viewer.previous_page()),
        (["Ctrl+=", "Ctrl++"], lambda: w.viewer and w.viewer.zoom_in()),
        (["Ctrl+-"], lambda: w.viewer and w.viewer.zoom_out()),
        (["Ctrl+0"], lambda: w.viewer and w.viewer.fit_width()),
        (["Ctrl+F"], w.find_in_dossier),
    ):
        add_keys(w, keys, slot, inside, w.side)
