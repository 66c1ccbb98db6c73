"""设置: the store connection, the language, and the user's own password."""
