"""The dashboard (驾驶舱): the supervisor's first page."""
