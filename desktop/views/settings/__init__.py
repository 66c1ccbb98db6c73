"""设置: the store connection, the language, the user's own password, the deadline limits, the work
calendar and the holiday notice, the input limits, the daily audit anchor's folder."""
