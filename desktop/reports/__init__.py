"""Reports for the supervisor: the dashboard (驾驶舱), the assessment (执法考核) and the annual
statistics (统计年报), computed from the store through the other areas' services (no Qt)."""
