"""The window's shell: startup, login, main_window, about, smoke test, store dialogs."""
