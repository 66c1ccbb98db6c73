"""The scoring window's widgets and keys, built once for ``ScoringWindow`` (in the manner of a Qt
Designer ``setup_ui``): the dossier's place on the left, the score header, the standard, the
vetoes, the selected deduction, the review opinion and the buttons on the right; and the keys.

Keys that the dossier viewer also has (PgUp/PgDn, zoom, Ctrl+F) are given to the right-hand side
only, so that neither copy is ever ambiguous: inside the viewer its own keys work, anywhere else
in the window these do the same to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.common.look import GREY
from desktop.views.common.pdf.viewer import DossierViewer
from desktop.views.common.widgets import restore_splitter
from desktop.views.review.rubric_panel import RubricTree
from desktop.views.review.veto_panel import VetoPanel
from desktop.views.review.workspace_marks import MarkActions
from desktop.views.review.workspace_panels import SheetNote
from desktop.views.review.workspace_parts import EntryEditor, ScoreHeader
from desktop.views.review.workspace_scoring import DeductionActions

GEOMETRY_KEY = "scoring-window"
LOWER_SHARE = 0.45
"""At most this share of the side's height goes to the vetoes, the deduction and the opinion at first."""
SUBMIT_STYLE = (
    "QPushButton#submitButton { background: #0B57D0; color: #FFFFFF; font-weight: bold;"
    " border: none; border-radius: 3px; padding: 5px 16px; }"
    " QPushButton#submitButton:disabled { background: #C9CED6; }"
)


@dataclass(frozen=True)
class Side:
    """The right-hand side's widgets."""

    side: QWidget
    header: ScoreHeader
    tree: RubricTree
    vetoes: VetoPanel
    editor: EntryEditor
    note: SheetNote
    side_splitter: QSplitter
    lower: QWidget
    side_split_restored: bool
    submit_button: QPushButton
    reopen_reason: QLineEdit
    reopen_button: QPushButton
    undo_button: QToolButton
    redo_button: QToolButton
    next_button: QPushButton


@dataclass(frozen=True)
class WorkspaceWidgets(Side):
    """Everything ``build_widgets`` made: the side's widgets, the dossier's place, the status bar's."""

    left: QStackedWidget
    loading: QLabel
    splitter: QSplitter
    main_split_restored: bool
    help_label: QLabel
    saved_label: QLabel


def build_widgets(w: QMainWindow) -> WorkspaceWidgets:
    """The dossier's place (a "loading" note until the sheet is here), the side, the status bar with
    the keys (all of them in its tooltip) and when the last change was saved."""
    left = QStackedWidget(w)
    loading = QLabel(QCoreApplication.translate("ScoringWindow", "Opening the score sheet…"), left)
    loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    left.addWidget(loading)
    side = build_side(w)
    splitter = QSplitter(Qt.Orientation.Horizontal, w)
    splitter.setObjectName("workspaceSplitter")
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(left)
    splitter.addWidget(side.side)
    splitter.setStretchFactor(0, 1)
    splitter.setSizes([880, 720])
    main_restored = restore_splitter(splitter, f"{GEOMETRY_KEY}/main")
    w.setCentralWidget(splitter)
    help_label = QLabel(help_line(), w)
    help_label.setObjectName("keysHelp")
    help_label.setStyleSheet(f"color: {GREY};")
    help_label.setToolTip(help_text())
    w.statusBar().addWidget(help_label, 1)  # a message covers it for a few seconds
    saved_label = QLabel(w)
    saved_label.setObjectName("savedLabel")
    saved_label.setStyleSheet(f"color: {GREY};")
    w.statusBar().addPermanentWidget(saved_label)
    parts = {name: getattr(side, name) for name in Side.__dataclass_fields__}
    return WorkspaceWidgets(
        **parts,
        left=left,
        loading=loading,
        splitter=splitter,
        main_split_restored=main_restored,
        help_label=help_label,
        saved_label=saved_label,
    )


def build_side(w: QWidget) -> Side:
    """Header; the standard over the vetoes, the selected deduction and the opinion; the buttons."""
    side = QWidget(w)
    side.setObjectName("scoringSide")
    side.setMinimumWidth(420)
    layout = QVBoxLayout(side)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(4)
    header = ScoreHeader(side)
    layout.addWidget(header)
    tree, vetoes, editor, note = RubricTree(side), VetoPanel(side), EntryEditor(side), SheetNote(side)
    lower = QWidget(side)
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(6, 0, 6, 0)
    lower_layout.setSpacing(4)
    for widget in (vetoes, editor, note):
        lower_layout.addWidget(widget)
    lower_layout.addStretch(1)
    scroll = QScrollArea(side)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(lower)
    side_splitter = QSplitter(Qt.Orientation.Vertical, side)
    side_splitter.setObjectName("scoringSideSplitter")
    side_splitter.setChildrenCollapsible(False)
    side_splitter.addWidget(tree)
    side_splitter.addWidget(scroll)
    side_splitter.setStretchFactor(0, 1)
    side_splitter.setSizes([520, 360])
    restored = restore_splitter(side_splitter, f"{GEOMETRY_KEY}/side")
    layout.addWidget(side_splitter, 1)
    bottom, buttons = build_bottom(side)
    layout.addLayout(bottom)
    return Side(
        side,
        header,
        tree,
        vetoes,
        editor,
        note,
        side_splitter,
        lower,
        restored,
        *buttons,
    )


def initial_split(ui: WorkspaceWidgets, toolbar: QWidget | None = None) -> None:
    """The dossier at least as wide as its ``toolbar`` (a split remembered from a wider screen
    too: the mark modes are never hidden behind "»"), and unless the reviewer placed it, wide
    enough for the toolbar and the search on one row, while the side keeps its minimum; unless
    placed, the lower part as tall as it needs, up to 45 % of the side, the standard the rest."""
    if toolbar is not None:
        sizes = ui.splitter.sizes()
        total = sum(sizes)
        needed = toolbar.sizeHint().width()
        if not ui.main_split_restored and hasattr(toolbar, "one_row_width"):
            needed = toolbar.one_row_width()
        left = min(max(sizes[0], needed + 2), total - ui.side.minimumWidth())
        if left > sizes[0]:
            ui.splitter.setSizes([left, total - left])
    if ui.side_split_restored:
        return
    total = sum(ui.side_splitter.sizes())
    lower = min(ui.lower.sizeHint().height() + 4, int(total * LOWER_SHARE))
    ui.side_splitter.setSizes([total - lower, lower])


def connect_side(
    ui: Side, scoring: DeductionActions, marks: MarkActions, editing_done: Callable[[], None]
) -> None:
    """The side's signals to what takes deductions and handles marks."""
    ui.tree.toggle_requested.connect(scoring.toggle)
    ui.vetoes.veto_toggled.connect(scoring.on_vetoes_veto_toggled)
    ui.editor.toggle_requested.connect(scoring.toggle)
    ui.editor.count_edited.connect(scoring.on_editor_count_edited)
    ui.editor.points_edited.connect(scoring.on_editor_points_edited)
    ui.editor.note_edited.connect(scoring.on_editor_note_edited)
    ui.editor.editing_done.connect(editing_done)
    ui.editor.marks.mark_chosen.connect(marks.on_list_mark_chosen)
    ui.editor.marks.delete_requested.connect(marks.on_list_delete_requested)
    ui.editor.marks.menu_requested.connect(marks.on_list_menu_requested)
    ui.note.note_edited.connect(scoring.on_note_note_edited)


def build_bottom(side: QWidget) -> tuple[QHBoxLayout, tuple[Any, ...]]:
    """Undo and redo; 提交评分 (下一份 once submitted); for a supervisor on a submitted sheet, the
    reason and 重新打开. Returns the row and its widgets in ``Side``'s order from ``submit_button``."""
    translate = QCoreApplication.translate
    submit_button = QPushButton(translate("ScoringWindow", "Submit score (Ctrl+Enter)"), side)
    submit_button.setObjectName("submitButton")
    submit_button.setStyleSheet(SUBMIT_STYLE)
    next_button = QPushButton(translate("ScoringWindow", "Next file"), side)
    next_button.setObjectName("nextButton")
    next_button.setToolTip(translate("ScoringWindow", "Open your next file of this campaign not yet scored"))
    next_button.hide()
    reopen_reason = QLineEdit(side)
    reopen_reason.setObjectName("reopenReason")
    reopen_reason.setPlaceholderText(translate("ScoringWindow", "Why the score is reopened (recorded)"))
    reopen_button = QPushButton(translate("ScoringWindow", "Reopen score"), side)
    reopen_button.setObjectName("reopenButton")
    undo_button, redo_button = QToolButton(side), QToolButton(side)
    for button, name, text, tip in (
        (
            undo_button,
            "undoButton",
            translate("ScoringWindow", "Undo"),
            translate("ScoringWindow", "Undo (Ctrl+Z)"),
        ),
        (
            redo_button,
            "redoButton",
            translate("ScoringWindow", "Redo"),
            translate("ScoringWindow", "Redo (Ctrl+Y)"),
        ),
    ):
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setEnabled(False)
    row = QHBoxLayout()
    row.setContentsMargins(8, 0, 8, 0)
    row.addWidget(undo_button)
    row.addWidget(redo_button)
    row.addWidget(reopen_reason, 1)
    row.addWidget(reopen_button)
    row.addStretch(0)
    row.addWidget(submit_button)
    row.addWidget(next_button)
    return row, (submit_button, reopen_reason, reopen_button, undo_button, redo_button, next_button)


def help_line() -> str:
    """The keys in one short line (the status bar)."""
    return QCoreApplication.translate(
        "ScoringWindow",
        "Keys: 1–9 deduct · Space take/withdraw · +/− occurrences · PgUp/PgDn pages · "
        "Ctrl+=/−/0 zoom · F6 dossier/standard · Ctrl+Z/Y undo/redo · Ctrl+Enter submit · point here for all",
    )


def help_text() -> str:
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
        (
            "Ctrl+Z / Ctrl+Y",
            translate("ScoringWindow", "undo / redo the last change to the sheet (saved too)"),
        ),
        ("Ctrl+Enter", translate("ScoringWindow", "submit the score (asks first)")),
        ("Ctrl+W", translate("ScoringWindow", "close the window (everything is already saved)")),
    ]
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in keys)
    return f"<table>{rows}</table>"


def add_keys(
    w: QWidget,
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


@dataclass(frozen=True)
class Keys:
    """What the workspace's keys do (the window's slots)."""

    submit: Callable[[], object]
    close: Callable[[], object]
    save_now: Callable[[], object]
    switch_focus: Callable[[], object]
    find_in_dossier: Callable[[], object]
    viewer: Callable[[], DossierViewer | None]
    undo: Callable[[], object]
    redo: Callable[[], object]


def install_keys(w: QWidget, side: QWidget, scoring: DeductionActions, keys: Keys) -> QAction:
    """The keys of ``workspace``'s docstring; returns Ctrl+Enter (submit), to enable with the sheet."""
    for n in range(1, 10):
        add_keys(w, [str(n)], lambda n=n: scoring.apply_nth(n))
    add_keys(w, ["+", "="], lambda: scoring.step(1))
    add_keys(w, ["-"], lambda: scoring.step(-1))
    submit_action = add_keys(w, ["Ctrl+Return", "Ctrl+Enter"], keys.submit)
    add_keys(w, ["Ctrl+W"], keys.close)
    add_keys(w, ["Ctrl+S"], keys.save_now)
    add_keys(w, ["F6"], keys.switch_focus)
    add_keys(w, ["Ctrl+Z"], keys.undo)
    add_keys(w, ["Ctrl+Y", "Ctrl+Shift+Z"], keys.redo)
    inside = Qt.ShortcutContext.WidgetWithChildrenShortcut
    viewer = keys.viewer
    for sequence, slot in (
        (["PgDown"], lambda: (v := viewer()) and v.next_page()),
        (["PgUp"], lambda: (v := viewer()) and v.previous_page()),
        (["Ctrl+=", "Ctrl++"], lambda: (v := viewer()) and v.zoom_in()),
        (["Ctrl+-"], lambda: (v := viewer()) and v.zoom_out()),
        (["Ctrl+0"], lambda: (v := viewer()) and v.fit_width()),
        (["Ctrl+F"], keys.find_in_dossier),
    ):
        add_keys(w, sequence, slot, inside, side)
    return submit_action
