"""执法主体: the agencies page and its dialog."""
