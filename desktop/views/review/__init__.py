"""Case-file review (案卷评查) views: the dossier PDF viewer and what builds on it."""
