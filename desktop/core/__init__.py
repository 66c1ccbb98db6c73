"""The kernel every area uses; it imports no area (``tests/test_architecture.py`` checks it).

changes (what a commit changed, in kinds, for the views) · characters (invisible and control
characters) · clock (time, UTC instants, the plausible years of a date) · errors (UserFacingError
and its kinds) · i18n (translation) · identifiers (身份证号, 统一社会信用代码 checks, masking) · input_limits
(import limits and plausible years in force) · memo
(answers kept for a moment, thread-safe) · paging (ListQuery, Page) · paths (user data folder,
resources, the SQLite URL) · secrets (the keyring) · security (roles, permissions, password hashing)
· settings (the workstation's settings) · validation (Problem: one broken rule) · versioning
(check_version: optimistic locking).
"""
