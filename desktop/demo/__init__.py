"""The demo county (示范县): county (agencies, officers, accounts; load_demo) · cases · drafts ·
profiles · officers · dossiers · review · seed (the seed, the county code, names) · dossier/ (the demo dossier PDFs)."""
