"""Accounts: service (users, login, lockout, roles) · rules (user and display names) · names
(display names for lists, one query a page) · audit
(the hash-chained audit record) · anchors (the chain's head signed outside the store) ·
audit_data (data rows checked against the record) · daily_anchor (the window's anchor of the day) ·
input_settings (the store-wide import limits and plausible years)."""
