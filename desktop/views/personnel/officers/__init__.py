"""执法人员: the officers page, its detail panel and dialog."""
