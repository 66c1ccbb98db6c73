"""Shared view infrastructure: the lazy table model and view, the list page (header, table, count,
splitter, change bus) and the detail panel, background tasks, dialogs behind a seam, the crash
dialog and small page widgets. Every page builds on these; none holds a session.

Importing this package applies the PySide6 work-arounds in ``pyside_fixes`` (they check that they
are needed): every page imports from here, so no signal is emitted before they are in force.
"""

from desktop.views.common import pyside_fixes

pyside_fixes.apply()
