"""审计: the audit record page."""
