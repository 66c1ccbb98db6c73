"""Case-file review (案卷评查): standards, campaigns and seeded draws, scoring with marks on the
dossier pages, results, feedback to agencies and rechecks (复核). No Qt."""
