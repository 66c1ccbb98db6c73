"""Everything that imports Qt: the window's frame, one folder per working area, and ``common/``."""
