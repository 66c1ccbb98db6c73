"""执法监督工作台 — Enforcement Supervision Desk.

One source for the version and the application's names (about box, bundle, settings).
"""

__version__ = "0.1.0"
APP_NAME = "执法监督工作台"
APP_NAME_EN = "Enforcement Supervision Desk"
APP_ID = "EnforcementDesk"
ORG_NAME = "CountyJusticeBureau"
