"""The Situational Center: precomputed indicators, dashboards, drill-down, exports and the annual report (issue 9)."""
