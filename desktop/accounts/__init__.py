"""Accounts: service (users, login, lockout, roles) · audit (the hash-chained audit record)."""
