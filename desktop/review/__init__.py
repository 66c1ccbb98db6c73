"""Case-file review (案卷评查): standards, campaigns and seeded draws, scoring with marks on the
dossier pages, results, feedback to agencies and rechecks (复核). No Qt.

campaigns (set up and draw, verify) · preview (the draw computed, not stored) · names (close
campaign names) · reviewers (who may review; the conflict rule) · corrections (作废, 更换评查员) ·
draw (the pure rule) · rubric, rubrics, rubric_checks · sheets, scoring · files, file_entries ·
results · feedback · rechecks · exchange · documents/ · dto."""
