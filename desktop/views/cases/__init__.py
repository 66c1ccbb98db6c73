"""案件监督: the case register page, its detail panel and its entry dialogs."""
