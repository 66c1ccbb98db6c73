"""Views of the accounts area: users/ (账号), audit/ (审计记录)."""
