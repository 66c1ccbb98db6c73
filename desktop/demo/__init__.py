"""The demo county (示范县): county (agencies, officers, accounts; load_demo) · cases · drafts ·
profiles · officers · dossiers · review · dossier/ (the demo dossier PDFs)."""
