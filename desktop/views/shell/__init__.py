"""The window's shell: startup, login, main_window, about, smoke test, store dialogs, daily (what the
window does once when it opens: input limits, the daily audit anchor)."""
