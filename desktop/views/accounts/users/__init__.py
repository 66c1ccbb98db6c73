"""用户: the accounts page and its dialogs (administrators)."""
